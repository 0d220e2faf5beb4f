"""The ledger core: every stock change is a StockMove plus counter updates in one transaction.

Counters change only through conditional UPDATEs with F() expressions, so two writers can never
drive on_hand below reserved or a bin below zero, on PostgreSQL or SQLite.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import F, Q, QuerySet

from jxc.accounts.models import User
from jxc.catalog.models import Sku

from ..enums import MoveKind
from ..exceptions import InsufficientStock
from ..models import Bin, BinStock, Lot, SkuValuation, StockLevel, StockMove, Warehouse
from ..tasks import alerts_refresh_on_commit


@dataclass(frozen=True)
class MoveContext:
    actor: User | None
    kind: MoveKind
    reason: str = ""
    note: str = ""
    source_type: str = ""
    source_id: str = ""
    idempotency_key: str | None = None


def ensure_level(*, sku_id: int, warehouse_id: int) -> None:
    StockLevel.objects.bulk_create(
        [StockLevel(sku_id=sku_id, warehouse_id=warehouse_id)], ignore_conflicts=True
    )


def _levels(sku_id: int, warehouse_id: int) -> QuerySet[StockLevel]:
    return StockLevel.objects.filter(sku_id=sku_id, warehouse_id=warehouse_id)


def level_add(*, sku_id: int, warehouse_id: int, on_hand: int = 0, in_transit: int = 0) -> None:
    ensure_level(sku_id=sku_id, warehouse_id=warehouse_id)
    _levels(sku_id, warehouse_id).update(
        on_hand=F("on_hand") + on_hand, in_transit=F("in_transit") + in_transit
    )


def level_take_available(*, sku: Sku, warehouse: Warehouse, quantity: int) -> None:
    """on_hand -= quantity, only if that many are available (not reserved). Else raise."""
    ensure_level(sku_id=sku.pk, warehouse_id=warehouse.pk)
    updated = (
        _levels(sku.pk, warehouse.pk)
        .filter(on_hand__gte=F("reserved") + quantity)
        .update(on_hand=F("on_hand") - quantity)
    )
    if updated != 1:
        raise shortage(sku=sku, warehouse=warehouse, requested=quantity)


def level_take_in_transit(*, sku_id: int, warehouse_id: int, quantity: int) -> bool:
    return bool(
        _levels(sku_id, warehouse_id)
        .filter(in_transit__gte=quantity)
        .update(in_transit=F("in_transit") - quantity, on_hand=F("on_hand") + quantity)
    )


def shortage(*, sku: Sku, warehouse: Warehouse, requested: int) -> InsufficientStock:
    level = _levels(sku.pk, warehouse.pk).first()
    available = level.available if level else 0
    return InsufficientStock(
        [
            {
                "sku": sku.merchant_code,
                "warehouse": warehouse.code,
                "requested": requested,
                "available": available,
            }
        ]
    )


def _bin_row(sku_id: int, bin_id: int, lot_id: int | None) -> QuerySet[BinStock]:
    lot = Q(lot_id=lot_id) if lot_id is not None else Q(lot__isnull=True)
    return BinStock.objects.filter(lot, sku_id=sku_id, bin_id=bin_id)


def bin_add(*, sku_id: int, bin_id: int, lot_id: int | None, quantity: int) -> None:
    BinStock.objects.bulk_create(
        [BinStock(sku_id=sku_id, bin_id=bin_id, lot_id=lot_id)], ignore_conflicts=True
    )
    _bin_row(sku_id, bin_id, lot_id).update(quantity=F("quantity") + quantity)


def bin_take(*, sku_id: int, bin_id: int, lot_id: int | None, quantity: int) -> bool:
    rows = _bin_row(sku_id, bin_id, lot_id).filter(quantity__gte=quantity)
    return bool(rows.update(quantity=F("quantity") - quantity))


def valuation_take(*, sku_id: int, quantity: int) -> Decimal:
    """Remove units from the SKU's valuation; returns the average cost they leave at."""
    SkuValuation.objects.bulk_create([SkuValuation(sku_id=sku_id)], ignore_conflicts=True)
    SkuValuation.objects.filter(sku_id=sku_id).update(quantity=F("quantity") - quantity)
    return SkuValuation.objects.values_list("average_cost", flat=True).get(sku_id=sku_id)


def move_record(
    *,
    context: MoveContext,
    sku_id: int,
    warehouse_id: int,
    quantity: int,
    bin_obj: Bin | None = None,
    lot: Lot | None = None,
    unit_cost: Decimal = Decimal(0),
    key_suffix: str = "",
) -> StockMove:
    key = f"{context.idempotency_key}{key_suffix}" if context.idempotency_key else None
    alerts_refresh_on_commit([sku_id])
    return StockMove.objects.create(
        sku_id=sku_id,
        warehouse_id=warehouse_id,
        bin=bin_obj,
        lot=lot,
        quantity=quantity,
        kind=context.kind,
        reason=context.reason,
        unit_cost=unit_cost,
        source_type=context.source_type,
        source_id=context.source_id,
        idempotency_key=key,
        note=context.note[:255],
        actor=context.actor if context.actor is not None and context.actor.pk else None,
    )
