"""Receive, adjust, bin moves and scrap: the single-warehouse stock changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from jxc.accounts.models import User
from jxc.catalog.models import Sku

from .. import lock_objects
from ..domain import COST_QUANTUM, PickCandidate, ShortPick, moving_average_cost, pick_plan
from ..enums import AdjustReason, MoveKind, ZoneKind
from ..exceptions import StockRuleError
from ..models import Bin, Lot, StockMove, Warehouse
from .ledger import (
    MoveContext,
    bin_add,
    bin_take,
    level_add,
    level_take_available,
    move_record,
    shortage,
    valuation_take,
)

T = TypeVar("T")


@dataclass(frozen=True)
class StockResult:
    moves: list[StockMove]
    replayed: bool = False


def _field_error(field_name: str, message: str) -> StockRuleError:
    return StockRuleError(message, details=[{"field": field_name, "message": message}])


def positive(quantity: int, field_name: str = "quantity") -> int:
    if not isinstance(quantity, int) or isinstance(quantity, bool) or quantity <= 0:
        raise _field_error(field_name, _("The quantity must be a whole number above zero."))
    return quantity


def idempotent(key: str | None, work: Callable[[], StockResult]) -> StockResult:
    """Run `work` once per idempotency key; a repeat returns the moves of the first run."""
    if key and (earlier := _moves_of_key(key)):
        return StockResult(earlier, replayed=True)
    try:
        with transaction.atomic():
            return work()
    except IntegrityError:
        if key and (earlier := _moves_of_key(key)):
            return StockResult(earlier, replayed=True)
        raise


def _moves_of_key(key: str) -> list[StockMove]:
    matches = Q(idempotency_key=key) | Q(idempotency_key__startswith=f"{key}#")
    return list(StockMove.objects.filter(matches).order_by("id"))


def default_bin(warehouse: Warehouse) -> Bin:
    bins = Bin.objects.filter(warehouse=warehouse, is_active=True).order_by("code")
    found = bins.filter(zone__kind=ZoneKind.STORAGE).first() or bins.first()
    if found is None:
        raise _field_error(
            "bin",
            _("Warehouse %(code)s has no bins yet: create one first.") % {"code": warehouse.code},
        )
    return found


def _check_bin(bin_obj: Bin, warehouse: Warehouse) -> None:
    if bin_obj.warehouse_id != warehouse.pk:
        raise _field_error(
            "bin",
            _("Bin %(bin)s is not in warehouse %(wh)s.")
            % {"bin": bin_obj.code, "wh": warehouse.code},
        )


def lot_get_or_create(
    *, sku: Sku, lot_no: str, production_date: dt.date | None, expiry_date: dt.date | None
) -> Lot:
    lot, created = Lot.objects.get_or_create(
        sku=sku,
        lot_no=lot_no.strip(),
        defaults={"production_date": production_date, "expiry_date": expiry_date},
    )
    if not created and expiry_date is not None and lot.expiry_date not in (None, expiry_date):
        raise _field_error(
            "expiry_date",
            _("Lot %(lot)s of %(sku)s expires on %(date)s, not on the date given.")
            % {"lot": lot.lot_no, "sku": sku.merchant_code, "date": lot.expiry_date},
        )
    return lot


def _lot_for_receipt(
    sku: Sku, lot_no: str, production_date: dt.date | None, expiry_date: dt.date | None
) -> Lot | None:
    product = sku.product
    if not lot_no:
        if product.is_lot_tracked:
            raise _field_error(
                "lot_no",
                _("%(sku)s is lot-tracked: give a lot number.") % {"sku": sku.merchant_code},
            )
        return None
    if product.is_expiry_tracked and expiry_date is None:
        if production_date and product.shelf_life_days:
            expiry_date = production_date + dt.timedelta(days=product.shelf_life_days)
        else:
            raise _field_error(
                "expiry_date",
                _("%(sku)s tracks expiry: give an expiry or production date.")
                % {"sku": sku.merchant_code},
            )
    return lot_get_or_create(
        sku=sku, lot_no=lot_no, production_date=production_date, expiry_date=expiry_date
    )


def stock_receive(
    *,
    actor: User | None,
    sku: Sku,
    warehouse: Warehouse,
    quantity: int,
    unit_cost: Decimal | None = None,
    bin_obj: Bin | None = None,
    lot_no: str = "",
    production_date: dt.date | None = None,
    expiry_date: dt.date | None = None,
    kind: MoveKind = MoveKind.RECEIPT,
    reason: str = "",
    note: str = "",
    source_type: str = "",
    source_id: str = "",
    idempotency_key: str | None = None,
) -> StockResult:
    """Put units into a bin (opening stock, unplanned receipt, receiving a PO, a return).

    Raises on_hand, the bin and the SKU's moving average cost (at `unit_cost`, default the SKU's
    cost price). Locks the SKU's valuation row. Idempotent on `idempotency_key`.
    """
    positive(quantity)
    cost = (sku.cost_price if unit_cost is None else Decimal(unit_cost)).quantize(COST_QUANTUM)
    if cost < 0:
        raise _field_error("unit_cost", _("The unit cost cannot be negative."))
    target = bin_obj or default_bin(warehouse)
    _check_bin(target, warehouse)
    context = MoveContext(actor, kind, reason, note, source_type, source_id, idempotency_key)

    def work() -> StockResult:
        lot = _lot_for_receipt(sku, lot_no, production_date, expiry_date)
        # Lock order everywhere: stock levels, then bins, then the SKU's valuation.
        level_add(sku_id=sku.pk, warehouse_id=warehouse.pk, on_hand=quantity)
        bin_add(sku_id=sku.pk, bin_id=target.pk, lot_id=lot.pk if lot else None, quantity=quantity)
        valuation = lock_objects.valuation_lock(sku_id=sku.pk)
        valuation.average_cost = moving_average_cost(
            quantity=valuation.quantity,
            average_cost=valuation.average_cost,
            received=quantity,
            unit_cost=cost,
        )
        valuation.quantity += quantity
        valuation.save(update_fields=["quantity", "average_cost"])
        move = move_record(
            context=context,
            sku_id=sku.pk,
            warehouse_id=warehouse.pk,
            quantity=quantity,
            bin_obj=target,
            lot=lot,
            unit_cost=cost,
        )
        return StockResult([move])

    return idempotent(idempotency_key, work)


def take_from_bins(
    *,
    context: MoveContext,
    sku: Sku,
    warehouse: Warehouse,
    quantity: int,
    bin_obj: Bin | None = None,
    lot: Lot | None = None,
    leaves_company: bool = True,
) -> list[StockMove]:
    """Remove available units (FEFO across bins unless a bin is named) and record the moves.

    `leaves_company` is False for transfers: the units stay owned (in transit), so the SKU's
    valuation keeps them.
    """
    level_take_available(sku=sku, warehouse=warehouse, quantity=quantity)
    if bin_obj is not None:
        _check_bin(bin_obj, warehouse)
        if not bin_take(
            sku_id=sku.pk, bin_id=bin_obj.pk, lot_id=lot.pk if lot else None, quantity=quantity
        ):
            raise _field_error(
                "bin",
                _("Bin %(bin)s holds fewer than %(qty)s of %(sku)s.")
                % {"bin": bin_obj.code, "qty": quantity, "sku": sku.merchant_code},
            )
        plan = [(bin_obj, lot, quantity)]
    else:
        plan = _plan(sku, warehouse, quantity)
    if leaves_company:
        unit_cost = valuation_take(sku_id=sku.pk, quantity=quantity)
    else:
        unit_cost = valuation_take(sku_id=sku.pk, quantity=0)
    moves = []
    for index, (line_bin, line_lot, line_qty) in enumerate(plan):
        if bin_obj is None and not bin_take(
            sku_id=sku.pk,
            bin_id=line_bin.pk,
            lot_id=line_lot.pk if line_lot else None,
            quantity=line_qty,
        ):
            raise shortage(sku=sku, warehouse=warehouse, requested=quantity)
        moves.append(
            move_record(
                context=context,
                sku_id=sku.pk,
                warehouse_id=warehouse.pk,
                quantity=-line_qty,
                bin_obj=line_bin,
                lot=line_lot,
                unit_cost=unit_cost,
                key_suffix=f"#{index}" if index else "",
            )
        )
    return moves


def _plan(sku: Sku, warehouse: Warehouse, quantity: int) -> list[tuple[Bin, Lot | None, int]]:
    rows = list(lock_objects.bin_stock_for_pick(sku_id=sku.pk, warehouse_id=warehouse.pk))
    by_key = {(row.bin_id, row.lot_id): row for row in rows}
    candidates = [
        PickCandidate(
            bin_id=row.bin_id,
            bin_code=row.bin.code,
            lot_id=row.lot_id,
            expiry=row.lot.expiry_date if row.lot else None,
            quantity=int(row.quantity),
            received_order=row.lot_id or 0,
        )
        for row in rows
    ]
    try:
        lines = pick_plan(quantity, candidates)
    except ShortPick as exc:
        raise shortage(sku=sku, warehouse=warehouse, requested=quantity) from exc
    result = []
    for line in lines:
        row = by_key[(line.candidate.bin_id, line.candidate.lot_id)]
        result.append((row.bin, row.lot, line.quantity))
    return result


def stock_adjust(
    *,
    actor: User | None,
    sku: Sku,
    warehouse: Warehouse,
    quantity: int,
    reason: AdjustReason | str,
    bin_obj: Bin | None = None,
    lot: Lot | None = None,
    note: str = "",
    idempotency_key: str | None = None,
) -> StockResult:
    """Correct stock by ±quantity with a reason code (盘盈, 盘亏, 损坏, 过期, 样品, 其他).

    A surplus enters at the current average cost; a shortage can only take available units.
    """
    if reason not in AdjustReason.values:
        raise _field_error("reason", _("Choose a reason for the adjustment."))
    if not isinstance(quantity, int) or quantity == 0:
        raise _field_error("quantity", _("The adjustment must be a whole number other than zero."))
    if reason == AdjustReason.OTHER and not note.strip():
        raise _field_error("note", _("Explain an adjustment with reason 'Other'."))
    context = MoveContext(actor, MoveKind.ADJUST, str(reason), note, "", "", idempotency_key)
    if quantity > 0:
        target = bin_obj or default_bin(warehouse)
        _check_bin(target, warehouse)

        def add() -> StockResult:
            level_add(sku_id=sku.pk, warehouse_id=warehouse.pk, on_hand=quantity)
            bin_add(
                sku_id=sku.pk, bin_id=target.pk, lot_id=lot.pk if lot else None, quantity=quantity
            )
            valuation = lock_objects.valuation_lock(sku_id=sku.pk)
            valuation.quantity += quantity
            valuation.save(update_fields=["quantity"])
            move = move_record(
                context=context,
                sku_id=sku.pk,
                warehouse_id=warehouse.pk,
                quantity=quantity,
                bin_obj=target,
                lot=lot,
                unit_cost=valuation.average_cost,
            )
            return StockResult([move])

        return idempotent(idempotency_key, add)

    def take() -> StockResult:
        return StockResult(
            take_from_bins(
                context=context,
                sku=sku,
                warehouse=warehouse,
                quantity=-quantity,
                bin_obj=bin_obj,
                lot=lot,
            )
        )

    return idempotent(idempotency_key, take)


def stock_scrap(
    *,
    actor: User | None,
    sku: Sku,
    warehouse: Warehouse,
    quantity: int,
    bin_obj: Bin | None = None,
    lot: Lot | None = None,
    note: str = "",
    idempotency_key: str | None = None,
) -> StockResult:
    """Write off damaged or expired units; only available (unreserved) units can be scrapped."""
    positive(quantity)
    context = MoveContext(actor, MoveKind.SCRAP, "", note, "", "", idempotency_key)
    return idempotent(
        idempotency_key,
        lambda: StockResult(
            take_from_bins(
                context=context,
                sku=sku,
                warehouse=warehouse,
                quantity=quantity,
                bin_obj=bin_obj,
                lot=lot,
            )
        ),
    )


def stock_move_bin(
    *,
    actor: User | None,
    sku: Sku,
    from_bin: Bin,
    to_bin: Bin,
    quantity: int,
    lot: Lot | None = None,
    idempotency_key: str | None = None,
) -> StockResult:
    """Move units between two bins of one warehouse (put-away); levels do not change."""
    positive(quantity)
    if from_bin.warehouse_id != to_bin.warehouse_id:
        raise _field_error("to_bin", _("Both bins must be in the same warehouse; use a transfer."))
    if from_bin.pk == to_bin.pk:
        raise _field_error("to_bin", _("Choose a different bin to move to."))
    context = MoveContext(actor, MoveKind.PUTAWAY, "", "", "", "", idempotency_key)
    lot_id = lot.pk if lot else None

    def work() -> StockResult:
        if not bin_take(sku_id=sku.pk, bin_id=from_bin.pk, lot_id=lot_id, quantity=quantity):
            raise _field_error(
                "quantity",
                _("Bin %(bin)s holds fewer than %(qty)s of %(sku)s.")
                % {"bin": from_bin.code, "qty": quantity, "sku": sku.merchant_code},
            )
        bin_add(sku_id=sku.pk, bin_id=to_bin.pk, lot_id=lot_id, quantity=quantity)
        common = {
            "context": context,
            "sku_id": sku.pk,
            "warehouse_id": from_bin.warehouse_id,
            "lot": lot,
        }
        out = move_record(**common, quantity=-quantity, bin_obj=from_bin)  # type: ignore[arg-type]
        into = move_record(**common, quantity=quantity, bin_obj=to_bin, key_suffix="#1")  # type: ignore[arg-type]
        return StockResult([out, into])

    return idempotent(idempotency_key, work)
