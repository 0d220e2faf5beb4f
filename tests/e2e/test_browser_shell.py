"""Real-browser tests in Debian's chromium: sign in, language switch, every menu entry, phone
menu, lockout, sign out. Screenshots land in test-artifacts/screenshots/ (look at them)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-artifacts" / "screenshots"
DOC_SHOTS = ROOT / "docs" / "screenshots"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} is missing: run scripts/ensure_chromium.sh as root"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip("!!! BROWSER TESTS SKIPPED: " + message)
    from playwright.sync_api import sync_playwright

    # Sync Playwright runs an event loop in this thread; Django's ORM must still be usable.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
            yield browser
            browser.close()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


def shot(page: Any, name: str, *, doc_name: str = "") -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    if doc_name:
        DOC_SHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, DOC_SHOTS / doc_name)


def phone(browser: Any) -> Any:
    return browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="zh-CN"
    )


def sign_in(page: Any, base: str, username: str, password: str) -> Any:
    page.goto(f"{base}/account/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.click("[data-testid=login-form] button[type=submit]")
    return page


def test_admin_signs_in_switches_language_opens_every_entry_and_signs_out(
    browser: Any, live_server: Any, make_user: Any, password: str
) -> None:
    make_user("admin", username="boss", display_name="王老板")
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN")
    page = context.new_page()
    page.goto(f"{live_server.url}/account/login/")
    shot(page, "login-desktop", doc_name="login-desktop.png")
    sign_in(page, live_server.url, "boss", password)
    assert page.url == f"{live_server.url}/"
    assert page.get_attribute("html", "lang") == "zh-CN"
    assert page.locator("h1.jxc-page-title").inner_text().startswith("您好")
    shot(page, "home-desktop", doc_name="home-desktop.png")

    with page.expect_navigation():
        page.click("button[data-lang=en]")
    assert page.get_attribute("html", "lang") == "en"
    assert "Hello" in page.locator("h1.jxc-page-title").inner_text()
    shot(page, "home-desktop-en")
    with page.expect_navigation():
        page.click("button[data-lang=zh-hans]")
    assert page.get_attribute("html", "lang") == "zh-CN"

    hrefs = page.eval_on_selector_all("a[data-nav]", "links => links.map(a => a.href)")
    assert len(hrefs) == 18  # home + C1–C16 entries (C15 has two pages)
    for href in hrefs:
        response = page.goto(href)
        assert response is not None
        assert response.status == 200, href
        marker = page.locator("[data-testid=not-available], h1.jxc-page-title")
        assert marker.count() >= 1, href
        assert page.locator("a.jxc-nav-link.active").count() == 1, href
    page.goto(f"{live_server.url}/m/orders/")
    shot(page, "module-unavailable-desktop")
    page.goto(f"{live_server.url}/account/audit/")
    shot(page, "audit-desktop")

    with page.expect_navigation():
        page.click("[data-testid=logout]")
    assert page.url.startswith(f"{live_server.url}/account/login/")
    context.close()


def test_phone_menu_opens_and_shows_only_the_clerks_entries(
    browser: Any, live_server: Any, make_user: Any, password: str
) -> None:
    make_user("warehouse", username="clerk", display_name="张仓管")
    context = phone(browser)
    page = context.new_page()
    sign_in(page, live_server.url, "clerk", password)
    sidebar = page.locator("#jxc-sidebar")
    assert not sidebar.is_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"page is {width}px wide on a 390px phone"
    shot(page, "home-phone", doc_name="home-phone.png")

    page.tap("header button[data-bs-toggle=offcanvas]")
    page.wait_for_selector("#jxc-sidebar.show")
    assert sidebar.is_visible()
    entries = set(page.eval_on_selector_all("a[data-nav]", "a => a.map(x => x.dataset.nav)"))
    assert "inventory" in entries
    assert not entries & {"orders", "users", "audit", "analytics", "promotions"}
    shot(page, "menu-phone", doc_name="menu-phone.png")
    context.close()


def test_five_wrong_passwords_show_the_lockout_page(
    browser: Any, live_server: Any, make_user: Any
) -> None:
    make_user("purchaser", username="li")
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    page = context.new_page()
    for _attempt in range(5):
        sign_in(page, live_server.url, "li", "wrong-password")
    locked = page.locator("[data-testid=locked]")
    assert locked.is_visible()
    assert "15" in locked.inner_text()
    shot(page, "locked-phone")
    context.close()


def test_admin_on_phone_creates_a_user_and_a_token(
    browser: Any, live_server: Any, make_user: Any, password: str
) -> None:
    make_user("admin", username="boss", display_name="王老板")
    context = phone(browser)
    page = context.new_page()
    sign_in(page, live_server.url, "boss", password)
    page.goto(f"{live_server.url}/account/users/new/")
    page.fill("input[name=username]", "kefu2")
    page.fill("input[name=display_name]", "周客服")
    page.check("input[name=roles][value=service]")
    page.fill("input[name=password]", "short")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    error = page.locator("input[name=password] ~ .invalid-feedback")
    assert "密码太短" in error.inner_text()  # the weak password is named on its own field
    shot(page, "user-create-error-phone")
    page.fill("input[name=password]", "Kefu-pass-2026")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert "/account/users/" in page.url
    page.goto(f"{live_server.url}/account/users/")
    assert page.locator("text=kefu2").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(page, "users-phone")

    page.goto(f"{live_server.url}/account/tokens/")
    page.fill("input[name=name]", "仓库扫码枪")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    secret = page.locator("[data-testid=new-token] .jxc-secret").inner_text()
    assert secret.startswith("jxc_")
    shot(page, "tokens-phone")
    context.close()
