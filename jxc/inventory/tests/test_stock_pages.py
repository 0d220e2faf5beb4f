"""Stock pages: overview, stock card, receive/adjust/put-away forms, transfers, warehouses."""

from __future__ import annotations

from typing import Any

import pytest

from jxc.inventory import services
from jxc.inventory.models import BinStock, StockLevel, StockMove, Transfer

from .factories import make_sku, make_warehouse

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(make_user: Any, login_client: Any) -> dict[str, Any]:
    sku = make_sku("PG-01", cost="9.5", title="保温杯")
    sh, bins = make_warehouse("SH")
    gz, _ = make_warehouse("GZ", bins="B-{1..2}")
    services.stock_receive(actor=None, sku=sku, warehouse=sh, quantity=12, bin_obj=bins[0])
    clerk = login_client(make_user("warehouse"))
    return {"sku": sku, "sh": sh, "gz": gz, "bins": bins, "clerk": clerk}


def test_overview_lists_levels_and_hides_value_from_clerk(setup: dict[str, Any]) -> None:
    page = setup["clerk"].get("/inventory/", {"q": "保温"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "PG-01" in html
    assert "平均成本" not in html
    assert "Avg cost" not in html


def test_finance_sees_stock_value(setup: dict[str, Any], make_user: Any, login_client: Any) -> None:
    html = login_client(make_user("finance")).get("/inventory/").content.decode()
    assert 'data-figure="value-SH"' in html
    assert "114.00" in html  # 12 × 9.50


def test_stock_card_shows_running_balance(setup: dict[str, Any]) -> None:
    services.stock_adjust(
        actor=None, sku=setup["sku"], warehouse=setup["sh"], quantity=-2, reason="damaged"
    )
    page = setup["clerk"].get(f"/inventory/sku/{setup['sku'].pk}/")
    balances = [m.balance for m in page.context["page"]]
    assert balances == [10, 12]  # newest first


def test_adjust_form_errors_name_the_field_and_write_nothing(setup: dict[str, Any]) -> None:
    before = StockMove.objects.count()
    response = setup["clerk"].post(
        "/inventory/adjust/",
        {"sku": "NOPE", "warehouse": setup["sh"].pk, "quantity": "-1", "reason": "damaged"},
    )
    assert response.status_code == 400
    assert "sku" in response.context["form"].errors
    too_many = setup["clerk"].post(
        "/inventory/adjust/",
        {"sku": "PG-01", "warehouse": setup["sh"].pk, "quantity": "-50", "reason": "damaged"},
    )
    assert too_many.status_code == 400
    assert StockMove.objects.count() == before


def test_receive_form_twice_with_same_token_books_once(setup: dict[str, Any]) -> None:
    data = {"sku": "PG-01", "warehouse": setup["gz"].pk, "quantity": "5", "form_token": "t1"}
    assert setup["clerk"].post("/inventory/receive/", data).status_code == 302
    assert setup["clerk"].post("/inventory/receive/", data).status_code == 302
    assert StockLevel.objects.get(sku=setup["sku"], warehouse=setup["gz"]).on_hand == 5


def test_putaway_moves_between_bins(setup: dict[str, Any]) -> None:
    response = setup["clerk"].post(
        "/inventory/putaway/",
        {
            "sku": "PG-01",
            "warehouse": setup["sh"].pk,
            "from_bin": "A-01",
            "to_bin": "A-02",
            "quantity": "4",
        },
    )
    assert response.status_code == 302
    assert BinStock.objects.get(sku=setup["sku"], bin__code="A-02").quantity == 4


def test_transfer_ship_and_receive_pages(setup: dict[str, Any]) -> None:
    client = setup["clerk"]
    shipped = client.post(
        "/inventory/transfers/",
        {"source": setup["sh"].pk, "destination": setup["gz"].pk, "sku": "PG-01", "quantity": "3"},
    )
    assert shipped.status_code == 302
    transfer = Transfer.objects.get()
    assert client.post(f"/inventory/transfers/{transfer.pk}/receive/").status_code == 302
    assert StockLevel.objects.get(sku=setup["sku"], warehouse=setup["gz"]).on_hand == 3


def test_viewer_cannot_change_stock(
    setup: dict[str, Any], make_user: Any, login_client: Any
) -> None:
    finance = login_client(make_user("finance"))
    assert finance.get("/inventory/adjust/").status_code == 403
    assert finance.post("/inventory/transfers/", {}).status_code == 403


def test_create_warehouse_with_bins(make_user: Any, login_client: Any) -> None:
    client = login_client(make_user("admin"))
    response = client.post(
        "/inventory/warehouses/",
        {"code": "cd", "name": "成都云仓", "kind": "3pl", "bins": "C-{01..02}-{1..3}"},
    )
    assert response.status_code == 302
    bad = client.post("/inventory/warehouses/", {"code": "CD", "name": "重复", "kind": "own"})
    assert bad.status_code == 400
    assert "code" in bad.context["form"].errors


def test_alerts_page_sets_a_rule_and_lists_the_alert(setup: dict[str, Any]) -> None:
    client = setup["clerk"]
    response = client.post(
        "/inventory/alerts/",
        {
            "sku": "PG-01",
            "warehouse": setup["sh"].pk,
            "safety_stock": "20",
            "reorder_point": "30",
            "max_stock": "0",
        },
    )
    assert response.status_code == 302
    page = client.get("/inventory/alerts/")
    assert [a.sku.merchant_code for a in page.context["page"]] == ["PG-01"]
    bad = client.post(
        "/inventory/alerts/",
        {
            "sku": "PG-01",
            "warehouse": setup["sh"].pk,
            "safety_stock": "20",
            "reorder_point": "5",
            "max_stock": "0",
        },
    )
    assert bad.status_code == 400
    assert "reorder_point" in bad.context["form"].errors


def test_bin_labels_print_page(setup: dict[str, Any]) -> None:
    page = setup["clerk"].get(f"/inventory/warehouses/{setup['sh'].pk}/labels/")
    html = page.content.decode()
    assert html.count('class="label"') == 3
    assert "<svg" in html
    assert 'data-bin="A-01"' in html
