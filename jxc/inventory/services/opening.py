"""Opening stock in bulk (imports): the same ledger rows as stock_receive, written set-wise."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from jxc.accounts.models import User
from jxc.catalog.models import Sku

from .. import lock_objects
from ..domain import COST_QUANTUM, moving_average_cost
from ..enums import MoveKind
from ..exceptions import StockRuleError
from ..models import Bin, BinStock, Lot, SkuValuation, StockLevel, StockMove, Warehouse
from ..tasks import alerts_refresh_on_commit
from .operations import default_bin


@dataclass(frozen=True)
class OpeningLine:
    sku: Sku
    warehouse: Warehouse
    quantity: int
    key: str
    bin: Bin | None = None
    lot_no: str = ""
    expiry_date: dt.date | None = None
    unit_cost: Decimal | None = None


def _lots(lines: list[OpeningLine]) -> dict[tuple[int, str], Lot]:
    wanted = {(line.sku.pk, line.lot_no): line.expiry_date for line in lines if line.lot_no}
    Lot.objects.bulk_create(
        [
            Lot(sku_id=sku_id, lot_no=no, expiry_date=expiry)
            for (sku_id, no), expiry in wanted.items()
        ],
        ignore_conflicts=True,
    )
    found = Lot.objects.filter(sku_id__in={k[0] for k in wanted}, lot_no__in={k[1] for k in wanted})
    return {(lot.sku_id, lot.lot_no): lot for lot in found}


def _check(line: OpeningLine) -> None:
    product = line.sku.product
    if line.quantity <= 0:
        raise StockRuleError(_("Opening quantities must be above zero."))
    if product.is_lot_tracked and not line.lot_no:
        raise StockRuleError(
            _("%(sku)s is lot-tracked: give a lot number.") % {"sku": line.sku.merchant_code}
        )
    if product.is_expiry_tracked and line.expiry_date is None:
        raise StockRuleError(
            _("%(sku)s tracks expiry: give an expiry date.") % {"sku": line.sku.merchant_code}
        )


def _valuations_update(
    placed: list[tuple[OpeningLine, Bin, Lot | None]], sku_ids: list[int]
) -> dict[str, Decimal]:
    """Moving average per SKU over the new lines; existing valuation rows are locked first."""
    existing = {v.sku_id: v for v in lock_objects.valuations_lock_existing(sku_ids=sku_ids)}
    fresh: dict[int, SkuValuation] = {}
    costs: dict[str, Decimal] = {}
    for line, _bin, _lot in placed:
        cost = line.sku.cost_price if line.unit_cost is None else line.unit_cost
        cost = cost.quantize(COST_QUANTUM)
        valuation = existing.get(line.sku.pk) or fresh.setdefault(
            line.sku.pk, SkuValuation(sku_id=line.sku.pk)
        )
        valuation.average_cost = moving_average_cost(
            quantity=valuation.quantity,
            average_cost=valuation.average_cost,
            received=line.quantity,
            unit_cost=cost,
        )
        valuation.quantity += line.quantity
        costs[line.key] = cost
    SkuValuation.objects.bulk_update(
        list(existing.values()), ["quantity", "average_cost"], batch_size=500
    )
    SkuValuation.objects.bulk_create(list(fresh.values()), batch_size=2000)
    return costs


@transaction.atomic
def stock_opening_bulk(*, actor: User | None, lines: list[OpeningLine], source_id: str = "") -> int:
    """Book opening stock for many lines at once; returns the units booked.

    Each line is booked once per idempotency key (lines whose key already exists are skipped).
    Locks, in this order: the stock levels, the bin stock and the valuations involved (pk order).
    Invariants as for stock_receive: on_hand = Σ moves, bins sum to levels, moving average cost.
    """
    done = set(
        StockMove.objects.filter(idempotency_key__in=[line.key for line in lines]).values_list(
            "idempotency_key", flat=True
        )
    )
    pending = [line for line in lines if line.key not in done]
    if not pending:
        return 0
    for line in pending:
        _check(line)
    warehouses = {line.warehouse.pk: line.warehouse for line in pending if line.bin is None}
    bins = {pk: default_bin(warehouse) for pk, warehouse in warehouses.items()}
    lots = _lots(pending)
    placed = [
        (line, line.bin or bins[line.warehouse.pk], lots.get((line.sku.pk, line.lot_no)))
        for line in pending
    ]
    sku_ids = sorted({line.sku.pk for line in pending})
    per_level: dict[tuple[int, int], int] = defaultdict(int)
    per_bin: dict[tuple[int, int, int | None], int] = defaultdict(int)
    for line, bin_obj, lot in placed:
        per_level[(line.sku.pk, line.warehouse.pk)] += line.quantity
        per_bin[(line.sku.pk, bin_obj.pk, lot.pk if lot else None)] += line.quantity
    warehouse_ids = sorted({w for _s, w in per_level})
    levels = lock_objects.stock_levels_lock(sku_ids=sku_ids, warehouse_ids=warehouse_ids)
    for level in levels:
        level.on_hand += per_level.pop((level.sku_id, level.warehouse_id), 0)
    StockLevel.objects.bulk_update(levels, ["on_hand"], batch_size=500)
    StockLevel.objects.bulk_create(
        [StockLevel(sku_id=s, warehouse_id=w, on_hand=q) for (s, w), q in per_level.items()],
        batch_size=2000,
    )
    bin_ids = sorted({b for _s, b, _l in per_bin})
    stocked = lock_objects.bin_stock_lock(sku_ids=sku_ids, bin_ids=bin_ids)
    for row in stocked:
        row.quantity += per_bin.pop((row.sku_id, row.bin_id, row.lot_id), 0)
    BinStock.objects.bulk_update(stocked, ["quantity"], batch_size=500)
    BinStock.objects.bulk_create(
        [
            BinStock(sku_id=s, bin_id=b, lot_id=lot, quantity=q)
            for (s, b, lot), q in per_bin.items()
        ],
        batch_size=2000,
    )
    costs = _valuations_update(placed, sku_ids)
    alerts_refresh_on_commit(sku_ids)
    StockMove.objects.bulk_create(
        [
            StockMove(
                sku=line.sku,
                warehouse=line.warehouse,
                bin=bin_obj,
                lot=lot,
                quantity=line.quantity,
                kind=MoveKind.OPENING,
                unit_cost=costs[line.key],
                source_type="import",
                source_id=source_id[:64],
                idempotency_key=line.key,
                actor=actor if actor is not None and actor.pk else None,
            )
            for line, bin_obj, lot in placed
        ],
        batch_size=2000,
    )
    return sum(line.quantity for line in pending)
