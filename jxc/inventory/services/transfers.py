"""Transfers between warehouses in two steps: ship (out → in transit), then receive (in)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jxc.accounts.models import User
from jxc.catalog.models import Sku

from .. import lock_objects
from ..enums import MoveKind, TransferStatus
from ..exceptions import StockRuleError
from ..models import Bin, Lot, Transfer, TransferLine, Warehouse
from .ledger import MoveContext, bin_add, level_add, level_take_in_transit, move_record
from .operations import StockResult, default_bin, idempotent, positive, take_from_bins


@dataclass(frozen=True)
class TransferLineInput:
    sku: Sku
    quantity: int
    lot: Lot | None = None
    from_bin: Bin | None = None


def _transfer_create(source: Warehouse, destination: Warehouse) -> Transfer:
    """A new transfer numbered TR<date>-<id> (the id makes it unique without counting)."""
    transfer = Transfer.objects.create(
        number=f"tmp-{uuid.uuid4().hex[:20]}", source=source, destination=destination
    )
    transfer.number = f"TR{timezone.localtime():%Y%m%d}-{transfer.pk:05d}"
    transfer.save(update_fields=["number"])
    return transfer


def transfer_ship(
    *,
    actor: User | None,
    source: Warehouse,
    destination: Warehouse,
    lines: list[TransferLineInput],
    idempotency_key: str | None = None,
) -> Transfer:
    """Take the lines out of `source` (available units only) and put them in transit to
    `destination`. Lines are processed in SKU order so concurrent transfers cannot deadlock."""
    if source.pk == destination.pk:
        raise StockRuleError(_("Source and destination must be different warehouses."))
    if not lines:
        raise StockRuleError(_("A transfer needs at least one line."))
    for line in lines:
        positive(line.quantity)
    ordered = sorted(lines, key=lambda line: (line.sku.pk, line.lot.pk if line.lot else 0))

    def work() -> StockResult:
        transfer = _transfer_create(source, destination)
        moves = []
        for index, line in enumerate(ordered):
            context = MoveContext(
                actor,
                MoveKind.TRANSFER_OUT,
                source_type="transfer",
                source_id=transfer.number,
                idempotency_key=f"{idempotency_key}#L{index}" if idempotency_key else None,
            )
            taken = take_from_bins(
                context=context,
                sku=line.sku,
                warehouse=source,
                quantity=line.quantity,
                bin_obj=line.from_bin,
                lot=line.lot,
                leaves_company=False,
            )
            moves += taken
            TransferLine.objects.create(
                transfer=transfer,
                sku=line.sku,
                lot=line.lot,
                quantity=line.quantity,
                unit_cost=taken[0].unit_cost,
            )
            level_add(sku_id=line.sku.pk, warehouse_id=destination.pk, in_transit=line.quantity)
        return StockResult(moves)

    result = idempotent(f"{idempotency_key}#L0" if idempotency_key else None, work)
    return Transfer.objects.get(number=result.moves[0].source_id)


@transaction.atomic
def transfer_receive(
    *, actor: User | None, transfer: Transfer, to_bin: Bin | None = None
) -> Transfer:
    """Book an in-transit transfer into the destination (all lines into `to_bin` or the
    destination's default bin). Receiving twice is refused. Locks the transfer row."""
    locked = lock_objects.transfer_lock(transfer_id=transfer.pk)
    if locked.status != TransferStatus.IN_TRANSIT:
        raise StockRuleError(
            _("Transfer %(number)s was already received.") % {"number": locked.number},
            code="already_received",
            status=409,
        )
    destination = locked.destination
    target = to_bin or default_bin(destination)
    if target.warehouse_id != destination.pk:
        raise StockRuleError(_("The bin is not in the destination warehouse."))
    lines = sorted(locked.lines.select_related("sku", "lot"), key=lambda line: line.sku_id)
    for line in lines:
        if not level_take_in_transit(
            sku_id=line.sku_id, warehouse_id=destination.pk, quantity=line.quantity
        ):
            raise StockRuleError(_("In-transit stock does not match the transfer."))
        bin_add(sku_id=line.sku_id, bin_id=target.pk, lot_id=line.lot_id, quantity=line.quantity)
        move_record(
            context=MoveContext(
                actor, MoveKind.TRANSFER_IN, source_type="transfer", source_id=locked.number
            ),
            sku_id=line.sku_id,
            warehouse_id=destination.pk,
            quantity=line.quantity,
            bin_obj=target,
            lot=line.lot,
            unit_cost=line.unit_cost,
        )
    locked.status = TransferStatus.RECEIVED
    locked.received_at = timezone.now()
    locked.save(update_fields=["status", "received_at", "updated_at"])
    return locked
