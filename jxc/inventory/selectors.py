"""Reads of stock: levels, the stock card with running balance, value, and the drift check."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import (
    Count,
    DecimalField,
    ExpressionWrapper,
    F,
    FloatField,
    Q,
    QuerySet,
    Sum,
    Value,
    Window,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from jxc.accounts.enums import ScopeKind
from jxc.accounts.scopes import scope_check, scope_filter
from jxc.core.exceptions import NotFound

from .enums import ReservationStatus, TransferStatus
from .models import (
    Bin,
    BinStock,
    Reservation,
    SkuValuation,
    StockLevel,
    StockMove,
    TransferLine,
    Warehouse,
)


def _levels_filtered(
    levels: QuerySet[StockLevel],
    *,
    user: Any,
    sku_id: int | None,
    warehouse_id: int | None,
    search: str,
) -> QuerySet[StockLevel]:
    if sku_id is not None:
        levels = levels.filter(sku_id=sku_id)
    if warehouse_id is not None:
        levels = levels.filter(warehouse_id=warehouse_id)
    if search:
        levels = levels.filter(
            Q(sku__merchant_code__icontains=search) | Q(sku__product__title__icontains=search)
        )
    return scope_filter(levels, user=user, kind=ScopeKind.WAREHOUSE, field="warehouse_id")


def stock_totals(*, user: Any, warehouse_id: int | None = None, search: str = "") -> dict[str, int]:
    """Row count and on-hand / reserved / in-transit sums of the levels a list would show
    (one query on the levels table alone, without the joins the rows need)."""
    levels = _levels_filtered(
        StockLevel.objects.all(), user=user, sku_id=None, warehouse_id=warehouse_id, search=search
    )
    totals = levels.aggregate(
        rows=Count("pk"),
        on_hand=Sum("on_hand"),
        reserved=Sum("reserved"),
        in_transit=Sum("in_transit"),
    )
    return {key: int(value or 0) for key, value in totals.items()}


def stock_level_list(
    *, user: Any, sku_id: int | None = None, warehouse_id: int | None = None, search: str = ""
) -> QuerySet[StockLevel]:
    """Levels within the user's warehouse scope, with available and value (on hand × avg)."""
    levels = StockLevel.objects.select_related("sku", "sku__product", "warehouse").annotate(
        available_qty=F("on_hand") - F("reserved"),
        average_cost=Coalesce(
            F("sku__skuvaluation__average_cost"), Value(Decimal(0)), output_field=DecimalField()
        ),
    )
    levels = levels.annotate(
        value=ExpressionWrapper(
            F("on_hand") * F("average_cost"),
            output_field=DecimalField(max_digits=20, decimal_places=4),
        )
    )
    filtered = _levels_filtered(
        levels, user=user, sku_id=sku_id, warehouse_id=warehouse_id, search=search
    )
    return filtered.order_by("sku_id", "warehouse_id")


def stock_card(*, user: Any, sku_id: int, warehouse_id: int | None = None) -> QuerySet[StockMove]:
    """The SKU's moves, oldest first, each with the running balance after it (库存台账)."""
    moves = StockMove.objects.filter(sku_id=sku_id).select_related(
        "warehouse", "bin", "lot", "actor"
    )
    partition = [] if warehouse_id is None else [F("warehouse_id")]
    if warehouse_id is not None:
        moves = moves.filter(warehouse_id=warehouse_id)
    moves = scope_filter(moves, user=user, kind=ScopeKind.WAREHOUSE, field="warehouse_id")
    return moves.annotate(
        balance=Window(Sum("quantity"), partition_by=partition or None, order_by=F("id").asc())
    ).order_by("id")


def stock_value_by_warehouse(*, user: Any) -> list[dict[str, Any]]:
    """Units and value (on hand × moving average cost) per warehouse, for summary cards.

    Summed as floating point for speed over large tables; shown rounded to the fen.
    """
    levels = scope_filter(
        StockLevel.objects.all(), user=user, kind=ScopeKind.WAREHOUSE, field="warehouse_id"
    )
    value = Sum(F("on_hand") * F("sku__skuvaluation__average_cost"), output_field=FloatField())
    rows = levels.values("warehouse_id").annotate(total=value, units=Sum("on_hand")).order_by()
    names = {w.pk: w for w in Warehouse.objects.filter(pk__in=[r["warehouse_id"] for r in rows])}
    result = [
        {
            "warehouse__code": names[row["warehouse_id"]].code,
            "warehouse__name": names[row["warehouse_id"]].name,
            "total": row["total"] or 0,
            "units": row["units"] or 0,
        }
        for row in rows
    ]
    return sorted(result, key=lambda row: row["warehouse__code"])


@dataclass(frozen=True)
class Drift:
    kind: str
    sku_id: int
    warehouse_id: int | None
    expected: int
    actual: int


def _totals(queryset: QuerySet[Any], keys: list[str], field: str) -> dict[tuple[int, ...], int]:
    rows = queryset.values(*keys).annotate(total=Sum(field)).order_by()
    return {tuple(row[k] for k in keys): int(row["total"] or 0) for row in rows}


Totals = dict[tuple[int, ...], int]


def _compare(kind: str, expected: Totals, actual: Totals) -> list[Drift]:
    drifts = []
    for key in sorted(set(expected) | set(actual)):
        exp, act = expected.get(key, 0), actual.get(key, 0)
        if exp != act:
            warehouse = key[1] if len(key) > 1 else None
            drifts.append(Drift(kind, key[0], warehouse, exp, act))
    return drifts


def stock_drift_list() -> list[Drift]:
    """Every disagreement between the ledger and the counters (empty when all is consistent).

    on_hand = Σ moves; Σ bins = on_hand; reserved = Σ active reservations; in_transit = Σ lines
    of transfers in transit; valuation quantity = Σ (on_hand + in_transit) per SKU.
    """
    key = ["sku_id", "warehouse_id"]
    levels = StockLevel.objects.all()
    drifts = _compare(
        "moves_vs_on_hand",
        _totals(StockMove.objects.all(), key, "quantity"),
        _totals(levels, key, "on_hand"),
    )
    bins = _totals(BinStock.objects.all(), ["sku_id", "bin__warehouse_id"], "quantity")
    drifts += _compare("bins_vs_on_hand", _totals(levels, key, "on_hand"), bins)
    active = Reservation.objects.filter(status=ReservationStatus.ACTIVE)
    drifts += _compare(
        "reservations_vs_reserved",
        _totals(active, key, "quantity"),
        _totals(levels, key, "reserved"),
    )
    transit = TransferLine.objects.filter(transfer__status=TransferStatus.IN_TRANSIT)
    drifts += _compare(
        "transfers_vs_in_transit",
        _totals(transit, ["sku_id", "transfer__destination_id"], "quantity"),
        _totals(levels, key, "in_transit"),
    )
    owned = levels.values("sku_id").annotate(total=Sum(F("on_hand") + F("in_transit"))).order_by()
    expected_valuation: Totals = {(row["sku_id"],): int(row["total"] or 0) for row in owned}
    valuation: Totals = {(v.sku_id,): int(v.quantity) for v in SkuValuation.objects.all()}
    drifts += _compare("valuation_quantity", expected_valuation, valuation)
    return drifts


def warehouse_get(*, ref: str | int, user: Any = None) -> Warehouse:
    """A warehouse by id or code; outside the user's scope counts as not allowed."""
    text = str(ref).strip()
    found = Warehouse.objects.filter(code=text.upper()).first()
    if found is None and text.isdigit():
        found = Warehouse.objects.filter(pk=int(text)).first()
    if found is None:
        raise NotFound(
            _("No warehouse with id or code %(ref)s.") % {"ref": text},
            details=[{"field": "warehouse", "message": text}],
        )
    if user is not None:
        scope_check(user=user, kind=ScopeKind.WAREHOUSE, ref_id=found.pk)
    return found


def bin_get(*, warehouse: Warehouse, code: str) -> Bin:
    found = Bin.objects.filter(warehouse=warehouse, code=code.strip()).first()
    if found is None:
        raise NotFound(
            _("No bin %(code)s in warehouse %(wh)s.") % {"code": code, "wh": warehouse.code},
            details=[{"field": "bin", "message": code}],
        )
    return found


def warehouse_list(*, user: Any) -> QuerySet[Warehouse]:
    warehouses = Warehouse.objects.filter(is_active=True).order_by("code")
    return scope_filter(warehouses, user=user, kind=ScopeKind.WAREHOUSE, field="pk")


def stock_move_list(
    *, user: Any, sku_id: int | None = None, warehouse_id: int | None = None
) -> QuerySet[StockMove]:
    moves = StockMove.objects.select_related("sku", "warehouse", "bin", "lot").order_by("-id")
    if sku_id is not None:
        moves = moves.filter(sku_id=sku_id)
    if warehouse_id is not None:
        moves = moves.filter(warehouse_id=warehouse_id)
    return scope_filter(moves, user=user, kind=ScopeKind.WAREHOUSE, field="warehouse_id")
