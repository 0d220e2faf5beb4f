"""Stock alerts API: open alerts, stock rules (safety stock, reorder point, maximum), and lots
near their expiry date. Reads need view_inventory, setting a rule manage_inventory."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router

from jxc.accounts.api_auth import ApiAuth
from jxc.catalog.selectors import sku_get
from jxc.core.api_pagination import Page, paginate

from .alerts import schemas, selectors, services
from .models import StockRule
from .selectors import warehouse_get

router = Router(tags=["stock alerts"])
VIEW = ApiAuth("accounts.view_inventory")
MANAGE = ApiAuth("accounts.manage_inventory")


@router.get("/stock/alerts", response=Page[schemas.AlertOut], auth=VIEW, summary="Open alerts")
def alert_list(
    request: HttpRequest, kind: str = "", warehouse: str = "", limit: int = 100, offset: int = 0
) -> dict[str, Any]:
    user = request.auth  # type: ignore[attr-defined]
    alerts = selectors.stock_alert_list(
        user=user,
        kind=kind or None,
        warehouse_id=warehouse_get(ref=warehouse, user=user).pk if warehouse else None,
    )
    return paginate(alerts, limit=limit, offset=offset)


@router.put("/stock/rules", response=schemas.RuleOut, auth=MANAGE, summary="Set a stock rule")
def rule_set(request: HttpRequest, payload: schemas.RuleIn) -> StockRule:
    user = request.auth  # type: ignore[attr-defined]
    return services.stock_rule_set(
        actor=user,
        sku=sku_get(ref=payload.sku),
        warehouse=warehouse_get(ref=payload.warehouse, user=user),
        safety_stock=payload.safety_stock,
        reorder_point=payload.reorder_point,
        max_stock=payload.max_stock,
    )


@router.get(
    "/stock/near-expiry",
    response=list[schemas.NearExpiryOut],
    auth=VIEW,
    summary="Lots near expiry, per bin",
)
def near_expiry(request: HttpRequest, days: int | None = None, warehouse: str = "") -> Any:
    user = request.auth  # type: ignore[attr-defined]
    return selectors.near_expiry_list(
        user=user,
        days=services.near_expiry_days() if days is None else days,
        warehouse_id=warehouse_get(ref=warehouse, user=user).pk if warehouse else None,
    )
