"""Stock rules and the alerts they raise. The rules themselves are in `alerts_domain`.

`stock_alerts_refresh` works set-based: per alert kind one UPDATE resolves what is no longer
true, one UPDATE refreshes what still is, and one INSERT opens what is new (only the new rows
pass through Python). Run it after stock changes (see `jxc.inventory.tasks`) and once a day for
the lots that come nearer their expiry date as time passes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import (
    Exists,
    Expression,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from jxc.accounts.audit import audit_record, changes_between, model_snapshot
from jxc.accounts.enums import AuditAction
from jxc.accounts.models import User
from jxc.catalog.models import Sku
from jxc.core.exceptions import ApplicationError

from ..alerts_domain import RuleProblem, expiry_horizon, rule_problems
from ..models import BinStock, StockAlert, StockLevel, StockRule, Warehouse
from .enums import AlertKind

RULE_FIELDS = ["safety_stock", "reorder_point", "max_stock"]
# Any constant key: it only has to be the same in every process that refreshes alerts.
REFRESH_LOCK_KEY = 7_310_001
DEFAULT_NEAR_EXPIRY_DAYS = 30


def near_expiry_days() -> int:
    """Days ahead that count as near expiry (setting JXC_NEAR_EXPIRY_DAYS, default 30)."""
    return int(getattr(settings, "JXC_NEAR_EXPIRY_DAYS", DEFAULT_NEAR_EXPIRY_DAYS))


def _problem_message(problem: RuleProblem) -> str:
    messages = {
        "not_whole": _("Enter a whole number."),
        "negative": _("The value cannot be negative."),
        "too_large": _("The value is too large."),
        "below_safety_stock": _("The reorder point cannot be below the safety stock."),
        "below_reorder_point": _(
            "The maximum stock must be 0 (no maximum) or at least the reorder point."
        ),
    }
    return messages[problem.code]


@transaction.atomic
def stock_rule_set(
    *,
    actor: User | None,
    sku: Sku,
    warehouse: Warehouse,
    safety_stock: int,
    reorder_point: int,
    max_stock: int,
) -> StockRule:
    """Create or change the stock rule of `sku` in `warehouse`, then refresh its alerts.

    Invariants (also CHECK constraints): every threshold >= 0; reorder_point >= safety_stock;
    max_stock is 0 (no maximum) or >= reorder_point. Invalid input raises ApplicationError with
    one {"field", "message"} detail per problem and writes nothing. Audited (create, or update
    with the changed fields; an unchanged rule writes no entry). Locks the rule row (a no-op
    UPDATE, so concurrent edits of one rule queue and each audits the true "before"), then the
    alert refresh lock (see `stock_alerts_refresh`).
    """
    problems = rule_problems(
        safety_stock=safety_stock, reorder_point=reorder_point, max_stock=max_stock
    )
    if problems:
        details = [{"field": p.field, "message": _problem_message(p)} for p in problems]
        raise ApplicationError(details[0]["message"], code="invalid", details=details)
    values = {"safety_stock": safety_stock, "reorder_point": reorder_point, "max_stock": max_stock}
    rules = StockRule.objects.filter(sku=sku, warehouse=warehouse)
    created = False
    if not rules.update(updated_at=timezone.now()):  # the UPDATE locks the row on PostgreSQL
        try:
            with transaction.atomic():
                StockRule.objects.create(sku=sku, warehouse=warehouse, **values)
            created = True
        except IntegrityError:  # created concurrently: lock that one instead
            rules.update(updated_at=timezone.now())
    rule = rules.get()
    before = {} if created else model_snapshot(rule, RULE_FIELDS)
    for name, value in values.items():
        setattr(rule, name, value)
    rule.save(update_fields=[*RULE_FIELDS, "updated_at"])
    changes = changes_between(before, model_snapshot(rule, RULE_FIELDS))
    if changes:
        action = AuditAction.CREATE if created else AuditAction.UPDATE
        audit_record(action=action, actor=actor, instance=rule, changes=changes)
    stock_alerts_refresh(sku_ids=[sku.pk])
    return rule


@dataclass(frozen=True)
class _Condition:
    """What is true right now for one alert kind, as a queryset correlated to StockAlert."""

    kind: AlertKind
    source: QuerySet[Any]  # rows where the alert holds, with `quantity` and `threshold`
    match: dict[str, Any]  # source field -> OuterRef to the alert's column
    keys: tuple[str, ...]  # source values() that become sku_id, warehouse_id[, lot_id]


def _level(field: str) -> Expression:
    levels = StockLevel.objects.filter(
        sku_id=OuterRef("sku_id"), warehouse_id=OuterRef("warehouse_id")
    ).values(field)[:1]
    return Coalesce(Subquery(levels), Value(0), output_field=IntegerField())


def _rule_conditions(sku_ids: list[int] | None) -> list[_Condition]:
    """LOW, REORDER and OVER as SQL: the same rules as `alerts_domain.stock_alert_kinds`.

    A rule without a stock level counts as on_hand = reserved = 0.
    """
    rules = StockRule.objects.all()
    if sku_ids is not None:
        rules = rules.filter(sku_id__in=sku_ids)
    rules = rules.annotate(on_hand=_level("on_hand"), reserved=_level("reserved"))
    rules = rules.annotate(available=F("on_hand") - F("reserved"))
    low = Q(available__lt=F("safety_stock"))
    reorder = ~low & Q(reorder_point__gt=0, available__lte=F("reorder_point"))
    over = Q(max_stock__gt=0, on_hand__gt=F("max_stock"))
    match = {"sku_id": OuterRef("sku_id"), "warehouse_id": OuterRef("warehouse_id")}
    keys = ("sku_id", "warehouse_id")
    specs = [
        (AlertKind.LOW, low, "available", "safety_stock"),
        (AlertKind.REORDER, reorder, "available", "reorder_point"),
        (AlertKind.OVER, over, "on_hand", "max_stock"),
    ]
    return [
        _Condition(
            kind,
            rules.filter(condition).annotate(quantity=F(amount), threshold=F(limit)),
            match,
            keys,
        )
        for kind, condition, amount, limit in specs
    ]


def _expiry_condition(sku_ids: list[int] | None, *, today: dt.date, days: int) -> _Condition:
    """Lots with units left in a warehouse and an expiry date at most `days` days away."""
    stock = BinStock.objects.filter(
        quantity__gt=0, lot__expiry_date__lte=expiry_horizon(today=today, days=days)
    )
    if sku_ids is not None:
        stock = stock.filter(sku_id__in=sku_ids)
    grouped = (
        stock.order_by()
        .values("sku_id", "bin__warehouse_id", "lot_id")
        .annotate(quantity=Sum("quantity"), threshold=Value(days))
    )
    match = {
        "sku_id": OuterRef("sku_id"),
        "bin__warehouse_id": OuterRef("warehouse_id"),
        "lot_id": OuterRef("lot_id"),
    }
    return _Condition(
        AlertKind.NEAR_EXPIRY, grouped, match, ("sku_id", "bin__warehouse_id", "lot_id")
    )


def _refresh_lock() -> None:
    """Serialise refreshes, so an older refresh never commits over a newer one.

    PostgreSQL: a transaction-scoped advisory lock. SQLite: the transaction began with
    BEGIN IMMEDIATE and already holds the database's single write lock.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [REFRESH_LOCK_KEY])


def _apply(
    condition: _Condition, open_alerts: QuerySet[StockAlert], now: dt.datetime
) -> dict[str, int]:
    alerts = open_alerts.filter(kind=condition.kind)
    holds = condition.source.filter(**condition.match)
    resolved = alerts.filter(~Exists(holds)).update(resolved_at=now)
    current = holds.values("quantity", "threshold")
    updated = alerts.update(
        last_seen=now,
        quantity=Subquery(current.values("quantity")[:1]),
        threshold=Subquery(current.values("threshold")[:1]),
    )
    already = StockAlert.objects.filter(
        resolved_at__isnull=True,
        kind=condition.kind,
        **{column: OuterRef(source) for source, column in _columns(condition)},
    )
    new_rows = condition.source.filter(~Exists(already)).values(
        *condition.keys, "quantity", "threshold"
    )
    opened = StockAlert.objects.bulk_create(
        _new_alerts(condition, new_rows, now), batch_size=500, ignore_conflicts=True
    )
    return {"opened": len(opened), "updated": updated, "resolved": resolved}


def _columns(condition: _Condition) -> list[tuple[str, str]]:
    columns = ["sku_id", "warehouse_id", "lot_id"]
    return list(zip(condition.keys, columns, strict=False))


def _new_alerts(
    condition: _Condition, rows: Iterable[dict[str, Any]], now: dt.datetime
) -> list[StockAlert]:
    pairs = _columns(condition)
    return [
        StockAlert(
            kind=condition.kind,
            quantity=row["quantity"],
            threshold=row["threshold"],
            first_seen=now,
            last_seen=now,
            **{column: row[source] for source, column in pairs},
        )
        for row in rows
    ]


def stock_alerts_refresh(*, sku_ids: list[int] | None = None) -> dict[str, int]:
    """Recompute the open alerts of every SKU (or of `sku_ids`) from the current stock.

    Stock kinds come from StockLevel against StockRule (see `alerts_domain` for the rules);
    NEAR_EXPIRY from lots with BinStock quantity > 0 expiring within JXC_NEAR_EXPIRY_DAYS days,
    one alert per (sku, warehouse, lot). Alerts that became true are opened (first_seen =
    last_seen = now), those still true get the current quantity, threshold and last_seen, those
    no longer true get resolved_at = now; nothing is deleted.

    Runs in one transaction that first takes the refresh lock (PostgreSQL advisory lock; on
    SQLite the database write lock), so refreshes never interleave; each statement reads the
    latest committed stock. Invariant: at most one open alert per (kind, sku, warehouse, lot),
    also enforced by partial unique indexes. Returns counts {"opened", "updated", "resolved"}.
    """
    today = timezone.localdate()
    ids = None if sku_ids is None else sorted({int(pk) for pk in sku_ids})
    totals = {"opened": 0, "updated": 0, "resolved": 0}
    with transaction.atomic():
        _refresh_lock()
        now = timezone.now()
        open_alerts = StockAlert.objects.filter(resolved_at__isnull=True)
        if ids is not None:
            open_alerts = open_alerts.filter(sku_id__in=ids)
        conditions = _rule_conditions(ids)
        conditions.append(_expiry_condition(ids, today=today, days=near_expiry_days()))
        for condition in conditions:
            for name, count in _apply(condition, open_alerts, now).items():
                totals[name] += count
    return totals
