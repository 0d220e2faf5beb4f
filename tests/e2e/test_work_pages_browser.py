"""Browser tests of working pages on a phone: user and token administration, stock and scan."""

from __future__ import annotations

from typing import Any

import pytest

from jxc.inventory import services
from jxc.inventory.tests.factories import make_sku, make_warehouse

pytestmark = pytest.mark.browser
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}


def test_admin_on_phone_creates_a_user_and_a_token(
    new_context: Any, sign_in: Any, screenshot: Any, make_user: Any, password: str
) -> None:
    make_user("admin", username="boss", display_name="王老板")
    page = new_context(**PHONE).new_page()
    page.goto("/account/login/")
    sign_in(page, "boss", password)
    page.goto("/account/users/new/")
    page.fill("input[name=username]", "kefu2")
    page.fill("input[name=display_name]", "周客服")
    page.check("input[name=roles][value=service]")
    page.fill("input[name=password]", "short")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    error = page.locator("input[name=password] ~ .invalid-feedback")
    assert "密码太短" in error.inner_text()  # the weak password is named on its own field
    screenshot(page, "user-create-error-phone")
    page.fill("input[name=password]", "Kefu-pass-2026")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    page.goto("/account/users/")
    assert page.locator("text=kefu2").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "users-phone")
    page.goto("/account/tokens/")
    page.fill("input[name=name]", "仓库扫码枪")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert page.locator("[data-testid=new-token] .jxc-secret").inner_text().startswith("jxc_")
    screenshot(page, "tokens-phone")


def test_clerk_checks_stock_adjusts_and_scans(
    new_context: Any, sign_in: Any, screenshot: Any, make_user: Any, password: str
) -> None:
    sku = make_sku("BW-500", title="不锈钢保温杯 500ml", cost="32")
    warehouse, bins = make_warehouse("SH", bins="A-{01..03}")
    services.stock_receive(actor=None, sku=sku, warehouse=warehouse, quantity=24, bin_obj=bins[0])
    make_user("warehouse", username="clerk", display_name="张仓管")
    page = new_context(**PHONE).new_page()
    page.goto("/account/login/")
    sign_in(page, "clerk", password)
    page.goto("/inventory/")
    assert "BW-500" in page.locator("[data-testid=stock-table]").inner_text()
    screenshot(page, "stock-phone")
    page.goto("/inventory/adjust/")
    page.fill("input[name=sku]", "BW-500")
    page.select_option("select[name=warehouse]", str(warehouse.pk))
    page.fill("input[name=quantity]", "-30")
    page.select_option("select[name=reason]", "damaged")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert page.locator("[data-testid=form-errors], .invalid-feedback").count() >= 1
    screenshot(page, "adjust-error-phone")
    page.fill("input[name=quantity]", "-2")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    page.goto(f"/inventory/sku/{sku.pk}/")
    balances = page.locator("[data-testid=stock-card] tbody tr td:nth-child(3)").all_inner_texts()
    assert balances == ["22", "24"]
    screenshot(page, "stock-card-phone")
    page.goto("/catalog/scan/?code=BW-500")
    assert "22" in page.locator("[data-testid=scan-result]").inner_text()
    screenshot(page, "scan-phone")


def test_finance_sees_stock_value_on_desktop(
    new_context: Any, sign_in: Any, screenshot: Any, make_user: Any, password: str
) -> None:
    sku = make_sku("BW-750", title="保温杯 750ml", cost="40")
    warehouse, _bins = make_warehouse("GZ")
    services.stock_receive(actor=None, sku=sku, warehouse=warehouse, quantity=10)
    make_user("finance", username="caiwu", display_name="赵财务")
    page = new_context(**DESKTOP).new_page()
    page.goto("/account/login/")
    sign_in(page, "caiwu", password)
    page.goto("/inventory/")
    assert "400.00" in page.locator("[data-figure=value-GZ]").inner_text()
    screenshot(page, "stock-desktop", doc_name="stock-desktop.png")
