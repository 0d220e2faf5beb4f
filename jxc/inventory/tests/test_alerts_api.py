"""Stock alerts API: PUT a rule, GET alerts and near-expiry lots, errors and scope."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from jxc.accounts.enums import ScopeKind
from jxc.accounts.services import api_token_create, user_scopes_set
from jxc.inventory import services
from jxc.inventory.models import StockRule

from .factories import make_sku, make_warehouse

pytestmark = pytest.mark.django_db


def client_for(user: Any) -> Client:
    _token, secret = api_token_create(actor=user, user=user, name="t")
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def put(client: Client, body: dict[str, Any]) -> Any:
    return client.put("/api/v1/stock/rules", data=body, content_type="application/json")


@pytest.fixture
def world(make_user: Any) -> dict[str, Any]:
    sh, _bins = make_warehouse("SH")
    gz, _bins = make_warehouse("GZ", bins="B-01")
    sku = make_sku("API-01", title="保温杯")
    services.stock_receive(actor=None, sku=sku, warehouse=sh, quantity=4)
    return {"sh": sh, "gz": gz, "sku": sku, "admin": client_for(make_user("admin"))}


def test_put_rule_by_code_then_alert_is_listed(world: dict[str, Any]) -> None:
    body = {"sku": "API-01", "warehouse": "SH", "safety_stock": 5, "reorder_point": 10}
    response = put(world["admin"], body)
    assert response.status_code == 200, response.json()
    assert response.json() | {"updated_at": None} == {
        "sku_id": world["sku"].pk,
        "sku": "API-01",
        "warehouse_id": world["sh"].pk,
        "warehouse": "SH",
        "safety_stock": 5,
        "reorder_point": 10,
        "max_stock": 0,
        "updated_at": None,
    }
    by_id = {**body, "sku": str(world["sku"].pk), "warehouse": str(world["sh"].pk)}
    assert put(world["admin"], {**by_id, "max_stock": 50}).status_code == 200
    assert StockRule.objects.get().max_stock == 50
    listed = world["admin"].get("/api/v1/stock/alerts").json()
    assert listed["count"] == 1
    alert = listed["items"][0]
    assert {
        k: alert[k] for k in ("kind", "sku", "title", "warehouse", "quantity", "threshold")
    } == {
        "kind": "low",
        "sku": "API-01",
        "title": "保温杯",
        "warehouse": "SH",
        "quantity": 4,
        "threshold": 5,
    }
    assert alert["lot"] is None
    assert world["admin"].get("/api/v1/stock/alerts", {"kind": "over"}).json()["count"] == 0
    assert world["admin"].get("/api/v1/stock/alerts", {"warehouse": "GZ"}).json()["count"] == 0


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"safety_stock": 5, "reorder_point": 1}, 400, "reorder_point"),
        ({"reorder_point": 5, "max_stock": 1}, 400, "max_stock"),
        ({"safety_stock": -1}, 400, "safety_stock"),
        ({"sku": "NOPE"}, 404, "sku"),
        ({"warehouse": "XX"}, 404, "warehouse"),
        ({"safety_stock": "many"}, 422, "safety_stock"),
    ],
)
def test_bad_rules_name_the_field(
    world: dict[str, Any], body: dict[str, Any], status: int, field: str
) -> None:
    response = put(world["admin"], {"sku": "API-01", "warehouse": "SH", **body})
    assert response.status_code == status
    assert set(response.json()) == {"code", "message", "details"}
    assert response.json()["details"][0]["field"] == field
    assert not StockRule.objects.exists()


def test_unknown_alert_kind_is_a_field_error(world: dict[str, Any]) -> None:
    response = world["admin"].get("/api/v1/stock/alerts", {"kind": "nope"})
    assert response.status_code == 400
    assert response.json()["details"][0]["field"] == "kind"


def test_near_expiry_lists_lots_per_bin(world: dict[str, Any], settings: Any) -> None:
    settings.JXC_NEAR_EXPIRY_DAYS = 15
    sku = make_sku("API-02", lot_tracked=True, expiry_tracked=True)
    expiry = timezone.localdate() + dt.timedelta(days=12)
    services.stock_receive(
        actor=None, sku=sku, warehouse=world["gz"], quantity=6, lot_no="L1", expiry_date=expiry
    )
    rows = world["admin"].get("/api/v1/stock/near-expiry").json()
    assert rows == [
        {
            "sku_id": sku.pk,
            "sku": "API-02",
            "title": "测试商品",
            "warehouse_id": world["gz"].pk,
            "warehouse": "GZ",
            "bin": "B-01",
            "lot_no": "L1",
            "expiry_date": expiry.isoformat(),
            "days_left": 12,
            "quantity": 6,
        }
    ]
    assert world["admin"].get("/api/v1/stock/near-expiry", {"days": 11}).json() == []
    too_far = world["admin"].get("/api/v1/stock/near-expiry", {"days": 99999})
    assert too_far.status_code == 400
    assert too_far.json()["details"][0]["field"] == "days"


def test_scoped_clerk_sees_and_sets_only_own_warehouse(
    world: dict[str, Any], make_user: Any
) -> None:
    put(world["admin"], {"sku": "API-01", "warehouse": "SH", "safety_stock": 5, "reorder_point": 5})
    put(world["admin"], {"sku": "API-01", "warehouse": "GZ", "safety_stock": 5, "reorder_point": 5})
    clerk = make_user("warehouse")
    user_scopes_set(
        actor=None,
        user=clerk,
        kind=ScopeKind.WAREHOUSE,
        unrestricted=False,
        ref_ids=[world["gz"].pk],
    )
    api = client_for(clerk)
    items = api.get("/api/v1/stock/alerts").json()["items"]
    assert [a["warehouse"] for a in items] == ["GZ"]
    assert api.get("/api/v1/stock/alerts", {"warehouse": "SH"}).status_code == 403
    denied = put(api, {"sku": "API-01", "warehouse": "SH", "safety_stock": 0, "reorder_point": 0})
    assert denied.status_code == 403
    assert denied.json()["code"] == "out_of_scope"
    assert StockRule.objects.get(warehouse=world["sh"]).safety_stock == 5


def test_viewing_roles_cannot_set_rules(world: dict[str, Any], make_user: Any) -> None:
    purchaser = client_for(make_user("purchaser"))
    assert purchaser.get("/api/v1/stock/alerts").status_code == 200
    body = {"sku": "API-01", "warehouse": "SH", "safety_stock": 1, "reorder_point": 1}
    assert put(purchaser, body).status_code == 403
    assert not StockRule.objects.exists()
