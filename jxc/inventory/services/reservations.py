"""Reservations: hold available stock for a reference (an order, …) and release it again.

A reservation is one conditional UPDATE per line — `reserved += q WHERE on_hand - reserved >= q`
— so no interleaving of workers can oversell. Lines are taken in (sku, warehouse) order, so
reservations of several SKUs in opposite orders cannot deadlock.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from jxc.catalog.models import Sku

from ..enums import ReservationStatus
from ..exceptions import InsufficientStock, StockRuleError
from ..models import Reservation, StockLevel, Warehouse
from ..tasks import alerts_refresh_on_commit
from .ledger import ensure_level
from .operations import positive


@dataclass(frozen=True)
class ReservationLine:
    sku: Sku
    warehouse: Warehouse
    quantity: int


def _reserve_line(line: ReservationLine) -> int | None:
    """Reserve one line; None when done, else the available quantity that was too small."""
    ensure_level(sku_id=line.sku.pk, warehouse_id=line.warehouse.pk)
    updated = StockLevel.objects.filter(
        sku_id=line.sku.pk,
        warehouse_id=line.warehouse.pk,
        on_hand__gte=F("reserved") + line.quantity,
    ).update(reserved=F("reserved") + line.quantity)
    if updated == 1:
        return None
    level = StockLevel.objects.get(sku_id=line.sku.pk, warehouse_id=line.warehouse.pk)
    return level.available


def stock_reserve(*, reference: str, lines: list[ReservationLine]) -> list[Reservation]:
    """Reserve every line for `reference`, all or nothing (InsufficientStock lists short lines).

    Idempotent on the reference: calling again with the same reference returns the existing
    reservations and reserves nothing more.
    """
    reference = reference.strip()
    if not reference:
        raise StockRuleError(
            _("A reservation needs a reference."),
            details=[{"field": "reference", "message": _("This field is required.")}],
        )
    if not lines:
        raise StockRuleError(_("Reserve at least one line."))
    for line in lines:
        positive(line.quantity)
    existing = list(Reservation.objects.filter(reference=reference))
    if existing:
        return existing
    ordered = sorted(lines, key=lambda line: (line.sku.pk, line.warehouse.pk))
    try:
        with transaction.atomic():
            short = []
            for line in ordered:
                available = _reserve_line(line)
                if available is not None:
                    short.append(
                        {
                            "sku": line.sku.merchant_code,
                            "warehouse": line.warehouse.code,
                            "requested": line.quantity,
                            "available": available,
                        }
                    )
            if short:
                raise InsufficientStock(short)
            alerts_refresh_on_commit(line.sku.pk for line in ordered)
            return Reservation.objects.bulk_create(
                [
                    Reservation(
                        reference=reference,
                        sku=line.sku,
                        warehouse=line.warehouse,
                        quantity=line.quantity,
                    )
                    for line in ordered
                ]
            )
    except IntegrityError:  # the same reference reserved concurrently: that one wins
        return list(Reservation.objects.filter(reference=reference))


@transaction.atomic
def stock_release(*, reference: str) -> int:
    """Release the active reservations of `reference`; returns the units set free.

    Releasing an unknown or already released reference changes nothing (returns 0).
    """
    released = 0
    active = Reservation.objects.filter(reference=reference, status=ReservationStatus.ACTIVE)
    for reservation in active.order_by("sku_id", "warehouse_id"):
        claimed = Reservation.objects.filter(
            pk=reservation.pk, status=ReservationStatus.ACTIVE
        ).update(status=ReservationStatus.RELEASED)
        if not claimed:
            continue  # released concurrently
        StockLevel.objects.filter(
            sku_id=reservation.sku_id, warehouse_id=reservation.warehouse_id
        ).update(reserved=F("reserved") - reservation.quantity)
        released += reservation.quantity
        alerts_refresh_on_commit([reservation.sku_id])
    return released
