"""Reads of stock alerts, stock rules and near-expiry lots, limited to the user's warehouses."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from jxc.accounts.enums import ScopeKind
from jxc.accounts.scopes import scope_filter
from jxc.core.exceptions import ApplicationError

from ..alerts_domain import days_left, expiry_horizon
from ..models import BinStock, StockAlert, StockRule
from .enums import AlertKind

MAX_EXPIRY_DAYS = 3650


def stock_alert_list(
    *, user: Any, kind: str | None = None, warehouse_id: int | None = None
) -> QuerySet[StockAlert]:
    """Open alerts in the user's warehouses, optionally of one kind or one warehouse."""
    alerts = StockAlert.objects.filter(resolved_at__isnull=True).select_related(
        "sku", "sku__product", "warehouse", "lot"
    )
    if kind:
        if kind not in AlertKind.values:
            message = _("Unknown alert kind %(kind)s.") % {"kind": kind}
            raise ApplicationError(message, details=[{"field": "kind", "message": message}])
        alerts = alerts.filter(kind=kind)
    if warehouse_id is not None:
        alerts = alerts.filter(warehouse_id=warehouse_id)
    alerts = scope_filter(alerts, user=user, kind=ScopeKind.WAREHOUSE, field="warehouse_id")
    return alerts.order_by("kind", "warehouse__code", "sku__merchant_code", "lot__expiry_date")


def stock_rule_list(
    *, user: Any, sku_id: int | None = None, warehouse_id: int | None = None
) -> QuerySet[StockRule]:
    """Stock rules in the user's warehouses."""
    rules = StockRule.objects.select_related("sku", "warehouse")
    if sku_id is not None:
        rules = rules.filter(sku_id=sku_id)
    if warehouse_id is not None:
        rules = rules.filter(warehouse_id=warehouse_id)
    rules = scope_filter(rules, user=user, kind=ScopeKind.WAREHOUSE, field="warehouse_id")
    return rules.order_by("sku__merchant_code", "warehouse__code")


@dataclass(frozen=True)
class NearExpiryRow:
    """Units of one lot in one bin that expire within the asked number of days."""

    sku_id: int
    merchant_code: str
    title: str
    warehouse_id: int
    warehouse: str
    bin: str
    lot_no: str
    expiry_date: dt.date
    days_left: int
    quantity: int


def near_expiry_list(
    *, user: Any, days: int, warehouse_id: int | None = None, limit: int = 1000
) -> list[NearExpiryRow]:
    """Lots with units left in a bin whose expiry date is at most `days` days away (expired
    ones included, with days_left <= 0), soonest first; at most `limit` rows."""
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= MAX_EXPIRY_DAYS:
        message = _("Days must be a whole number from 0 to %(max)s.") % {"max": MAX_EXPIRY_DAYS}
        raise ApplicationError(message, details=[{"field": "days", "message": message}])
    today = timezone.localdate()
    stock = BinStock.objects.filter(
        quantity__gt=0, lot__expiry_date__lte=expiry_horizon(today=today, days=days)
    ).select_related("sku", "sku__product", "bin", "bin__warehouse", "lot")
    if warehouse_id is not None:
        stock = stock.filter(bin__warehouse_id=warehouse_id)
    stock = scope_filter(stock, user=user, kind=ScopeKind.WAREHOUSE, field="bin__warehouse_id")
    stock = stock.order_by(
        "lot__expiry_date", "sku__merchant_code", "bin__warehouse__code", "bin__code"
    )
    rows = []
    for row in stock[:limit]:
        if row.lot is None or row.lot.expiry_date is None:  # excluded by the filter above
            continue
        rows.append(
            NearExpiryRow(
                sku_id=row.sku_id,
                merchant_code=row.sku.merchant_code,
                title=row.sku.product.title,
                warehouse_id=row.bin.warehouse_id,
                warehouse=row.bin.warehouse.code,
                bin=row.bin.code,
                lot_no=row.lot.lot_no,
                expiry_date=row.lot.expiry_date,
                days_left=days_left(expiry=row.lot.expiry_date, today=today),
                quantity=int(row.quantity),
            )
        )
    return rows
