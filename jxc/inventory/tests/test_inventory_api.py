"""Inventory API contract: products, SKUs by code, warehouses, receipts, reservations, moves."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from jxc.accounts.enums import ScopeKind
from jxc.accounts.services import api_token_create, user_scopes_set
from jxc.inventory.models import StockLevel, StockMove

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(make_user: Any) -> Client:
    user = make_user("admin", username="api-admin")
    _token, secret = api_token_create(actor=user, user=user, name="t")
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def post(client: Client, url: str, data: dict[str, Any], **headers: Any) -> Any:
    return client.post(url, data=data, content_type="application/json", **headers)


@pytest.fixture
def stocked(api: Client) -> Client:
    created = post(
        api,
        "/api/v1/products",
        {
            "title": "纯棉T恤",
            "skus": [
                {
                    "merchant_code": "TX-RED-M",
                    "specs": {"颜色": "红", "尺码": "M"},
                    "cost_price": "25",
                },
                {"merchant_code": "TX-RED-L", "specs": {"颜色": "红", "尺码": "L"}},
            ],
        },
    )
    assert created.status_code == 201, created.json()
    assert [s["spec_label"] for s in created.json()["skus"]] == ["红 / L", "红 / M"]
    wh = post(api, "/api/v1/warehouses", {"code": "sh", "name": "上海仓", "bins": "A-{01..02}"})
    assert wh.status_code == 201, wh.json()
    assert wh.json()["code"] == "SH"
    receipt = post(
        api, "/api/v1/stock/receipts", {"sku": "TX-RED-M", "warehouse": "SH", "quantity": 10}
    )
    assert receipt.status_code == 201, receipt.json()
    return api


def test_stock_shows_on_hand_reserved_available(stocked: Client) -> None:
    rows = stocked.get("/api/v1/stock", {"sku": "TX-RED-M"}).json()
    assert rows == [
        {
            "sku_id": rows[0]["sku_id"],
            "merchant_code": "TX-RED-M",
            "warehouse_id": rows[0]["warehouse_id"],
            "warehouse": "SH",
            "on_hand": 10,
            "reserved": 0,
            "available": 10,
            "in_transit": 0,
        }
    ]


def test_reservation_201_then_409_with_available(stocked: Client) -> None:
    body = {"sku": "TX-RED-M", "warehouse": "SH", "quantity": 7, "reference": "TB-1001"}
    first = post(stocked, "/api/v1/stock/reservations", body)
    assert first.status_code == 201
    again = post(stocked, "/api/v1/stock/reservations", body)
    assert again.status_code == 201  # idempotent on the reference
    short = post(stocked, "/api/v1/stock/reservations", {**body, "reference": "TB-1002"})
    assert short.status_code == 409
    assert short.json()["code"] == "insufficient_stock"
    assert short.json()["details"][0]["available"] == 3
    released = stocked.delete("/api/v1/stock/reservations/TB-1001")
    assert released.json() == {"reference": "TB-1001", "released": 7}
    assert StockLevel.objects.get(sku__merchant_code="TX-RED-M").reserved == 0


def test_idempotency_key_header_replays(stocked: Client) -> None:
    body = {"sku": "TX-RED-L", "warehouse": "SH", "quantity": 4}
    first = post(stocked, "/api/v1/stock/receipts", body, HTTP_IDEMPOTENCY_KEY="abc")
    second = post(stocked, "/api/v1/stock/receipts", body, HTTP_IDEMPOTENCY_KEY="abc")
    assert first.json() == second.json()
    assert StockLevel.objects.get(sku__merchant_code="TX-RED-L").on_hand == 4


def test_transfer_and_receive_over_api(stocked: Client) -> None:
    post(stocked, "/api/v1/warehouses", {"code": "GZ", "name": "广州仓", "bins": "B-01"})
    shipped = post(
        stocked,
        "/api/v1/stock/transfers",
        {"source": "SH", "destination": "GZ", "lines": [{"sku": "TX-RED-M", "quantity": 3}]},
    )
    assert shipped.status_code == 201, shipped.json()
    number = shipped.json()["number"]
    gz = stocked.get("/api/v1/stock", {"sku": "TX-RED-M", "warehouse": "GZ"}).json()
    assert gz[0]["in_transit"] == 3
    received = post(stocked, f"/api/v1/stock/transfers/{number}/receive", {})
    assert received.json()["status"] == "received"
    moves = stocked.get("/api/v1/stock/moves", {"sku": "TX-RED-M"}).json()
    assert [m["kind"] for m in moves["items"]] == ["transfer_in", "transfer_out", "receipt"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"sku": "NOPE", "warehouse": "SH", "quantity": 1}, "sku"),
        ({"sku": "TX-RED-M", "warehouse": "XX", "quantity": 1}, "warehouse"),
        ({"sku": "TX-RED-M", "warehouse": "SH", "quantity": 0}, "quantity"),
        ({"sku": "TX-RED-M", "warehouse": "SH", "quantity": 1, "bin": "Z-9"}, "bin"),
    ],
)
def test_bad_receipts_name_the_field_and_write_nothing(
    stocked: Client, body: dict, field: str
) -> None:
    before = StockMove.objects.count()
    response = post(stocked, "/api/v1/stock/receipts", body)
    assert response.status_code in (404, 422)
    assert set(response.json()) == {"code", "message", "details"}
    assert response.json()["details"][0]["field"] == field
    assert StockMove.objects.count() == before


def test_adjustment_beyond_available_is_409(stocked: Client) -> None:
    response = post(
        stocked,
        "/api/v1/stock/adjustments",
        {"sku": "TX-RED-M", "warehouse": "SH", "quantity": -11, "reason": "damaged"},
    )
    assert response.status_code == 409
    assert response.json()["code"] == "insufficient_stock"


def test_duplicate_merchant_code_is_refused(stocked: Client) -> None:
    response = post(
        stocked, "/api/v1/products", {"title": "x", "skus": [{"merchant_code": "TX-RED-M"}]}
    )
    assert response.status_code == 400
    assert response.json()["code"] == "duplicate"
    assert response.json()["details"][0]["field"] == "skus.0.merchant_code"


def test_skus_searchable_by_code_and_title(stocked: Client) -> None:
    by_title = stocked.get("/api/v1/skus", {"search": "T恤"}).json()
    assert by_title["count"] == 2
    assert stocked.get("/api/v1/skus/TX-RED-L").json()["merchant_code"] == "TX-RED-L"


def test_scoped_clerk_cannot_touch_other_warehouse(
    stocked: Client, make_user: Any, admin_user: Any
) -> None:
    clerk = make_user("warehouse", username="clerk-gz")
    post(stocked, "/api/v1/warehouses", {"code": "GZ", "name": "广州仓", "bins": "B-01"})
    from jxc.inventory.models import Warehouse

    user_scopes_set(
        actor=admin_user,
        user=clerk,
        kind=ScopeKind.WAREHOUSE,
        unrestricted=False,
        ref_ids=[Warehouse.objects.get(code="GZ").pk],
    )
    _t, secret = api_token_create(actor=clerk, user=clerk, name="pda")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    response = post(
        client, "/api/v1/stock/receipts", {"sku": "TX-RED-M", "warehouse": "SH", "quantity": 1}
    )
    assert response.status_code == 403
    assert response.json()["code"] == "out_of_scope"
    assert [w["code"] for w in client.get("/api/v1/warehouses").json()] == ["GZ"]
    assert client.get("/api/v1/stock").json() == []
