"""Service tests on the database: receipts, adjustments, bins, transfers, reservations."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import DatabaseError, transaction

from jxc.inventory import services
from jxc.inventory.enums import AdjustReason, MoveKind
from jxc.inventory.exceptions import InsufficientStock, StockRuleError
from jxc.inventory.models import BinStock, SkuValuation, StockLevel, StockMove
from jxc.inventory.selectors import stock_card, stock_drift_list

from .factories import make_sku, make_warehouse

pytestmark = pytest.mark.django_db


def level(sku, warehouse) -> StockLevel:
    return StockLevel.objects.get(sku=sku, warehouse=warehouse)


def test_receive_updates_level_bin_and_moving_average():
    sku = make_sku("TS-01", cost="10")
    wh, bins = make_warehouse("SH")
    services.stock_receive(actor=None, sku=sku, warehouse=wh, quantity=10, unit_cost=Decimal("10"))
    services.stock_receive(
        actor=None, sku=sku, warehouse=wh, quantity=30, unit_cost=Decimal("14"), bin_obj=bins[1]
    )
    assert level(sku, wh).on_hand == 40
    assert BinStock.objects.get(sku=sku, bin=bins[1]).quantity == 30
    valuation = SkuValuation.objects.get(sku=sku)
    assert valuation.quantity == 40
    assert valuation.average_cost == Decimal("13.0000")  # (10×10 + 30×14) / 40
    assert stock_drift_list() == []


def test_receive_is_idempotent_on_key():
    sku = make_sku("TS-02")
    wh, _bins = make_warehouse("SH")
    first = services.stock_receive(
        actor=None, sku=sku, warehouse=wh, quantity=5, idempotency_key="k1"
    )
    again = services.stock_receive(
        actor=None, sku=sku, warehouse=wh, quantity=5, idempotency_key="k1"
    )
    assert again.replayed
    assert [m.pk for m in again.moves] == [m.pk for m in first.moves]
    assert level(sku, wh).on_hand == 5


@pytest.mark.parametrize("quantity", [0, -3, 2.5, True])
def test_receive_rejects_bad_quantities(quantity):
    sku = make_sku("TS-03")
    wh, _bins = make_warehouse("SH")
    with pytest.raises(StockRuleError) as error:
        services.stock_receive(actor=None, sku=sku, warehouse=wh, quantity=quantity)
    assert error.value.details[0]["field"] == "quantity"
    assert not StockMove.objects.exists()


def test_lot_tracked_needs_lot_and_expiry_from_shelf_life():
    sku = make_sku("MILK-1", expiry_tracked=True)
    wh, _bins = make_warehouse("SH")
    with pytest.raises(StockRuleError):
        services.stock_receive(actor=None, sku=sku, warehouse=wh, quantity=5)
    result = services.stock_receive(
        actor=None,
        sku=sku,
        warehouse=wh,
        quantity=5,
        lot_no="L1",
        production_date=dt.date(2026, 1, 1),
    )
    lot = result.moves[0].lot
    assert lot is not None
    assert lot.expiry_date == dt.date(2027, 1, 1)


def test_shortage_adjust_cannot_take_reserved_units():
    sku = make_sku("TS-04")
    wh, _bins = make_warehouse("SH")
    services.stock_receive(actor=None, sku=sku, warehouse=wh, quantity=10)
    services.stock_reserve(reference="SO-1", lines=[services.ReservationLine(sku, wh, 8)])
    with pytest.raises(InsufficientStock) as error:
        services.stock_adjust(
            actor=None, sku=sku, warehouse=wh, quantity=-3, reason=AdjustReason.DAMAGED
        )
    assert error.value.details == [
        {"sku": "TS-04", "warehouse": "SH", "requested": 3, "available": 2}
    ]
    assert level(sku, wh).on_hand == 10
    assert stock_drift_list() == []


def test_fefo_takes_earliest_expiry_first_across_bins():
    sku = make_sku("MILK-2", expiry_tracked=True)
    wh, bins = make_warehouse("SH")
    for lot_no, expiry, bin_obj in [
        ("LATE", dt.date(2027, 6, 1), bins[0]),
        ("SOON", dt.date(2026, 12, 31), bins[1]),
    ]:
        services.stock_receive(
            actor=None,
            sku=sku,
            warehouse=wh,
            quantity=5,
            lot_no=lot_no,
            expiry_date=expiry,
            bin_obj=bin_obj,
        )
    result = services.stock_scrap(actor=None, sku=sku, warehouse=wh, quantity=7)
    assert [(str(m.lot), m.quantity) for m in result.moves] == [("SOON", -5), ("LATE", -2)]
    assert stock_drift_list() == []


def test_bin_move_keeps_level_and_checks_bin():
    sku = make_sku("TS-05")
    wh, bins = make_warehouse("SH")
    services.stock_receive(actor=None, sku=sku, warehouse=wh, quantity=6, bin_obj=bins[0])
    services.stock_move_bin(actor=None, sku=sku, from_bin=bins[0], to_bin=bins[2], quantity=4)
    assert BinStock.objects.get(sku=sku, bin=bins[2]).quantity == 4
    assert level(sku, wh).on_hand == 6
    with pytest.raises(StockRuleError):
        services.stock_move_bin(actor=None, sku=sku, from_bin=bins[0], to_bin=bins[2], quantity=3)
    assert stock_drift_list() == []


def test_transfer_in_two_steps_shows_in_transit():
    sku = make_sku("TS-06", cost="8")
    sh, _ = make_warehouse("SH")
    gz, _ = make_warehouse("GZ")
    services.stock_receive(actor=None, sku=sku, warehouse=sh, quantity=10)
    transfer = services.transfer_ship(
        actor=None, source=sh, destination=gz, lines=[services.TransferLineInput(sku, 4)]
    )
    assert level(sku, sh).on_hand == 6
    assert level(sku, gz).in_transit == 4
    assert stock_drift_list() == []
    services.transfer_receive(actor=None, transfer=transfer)
    assert level(sku, gz).on_hand == 4
    assert level(sku, gz).in_transit == 0
    with pytest.raises(StockRuleError) as error:
        services.transfer_receive(actor=None, transfer=transfer)
    assert error.value.code == "already_received"
    assert stock_drift_list() == []


def test_transfer_beyond_available_writes_nothing():
    sku = make_sku("TS-07")
    sh, _ = make_warehouse("SH")
    gz, _ = make_warehouse("GZ")
    services.stock_receive(actor=None, sku=sku, warehouse=sh, quantity=3)
    with pytest.raises(InsufficientStock):
        services.transfer_ship(
            actor=None, source=sh, destination=gz, lines=[services.TransferLineInput(sku, 4)]
        )
    assert StockMove.objects.count() == 1
    assert level(sku, sh).on_hand == 3


def test_reservation_is_idempotent_and_release_frees_stock():
    sku = make_sku("TS-08")
    wh, _ = make_warehouse("SH")
    services.stock_receive(actor=None, sku=sku, warehouse=wh, quantity=5)
    line = services.ReservationLine(sku, wh, 3)
    services.stock_reserve(reference="SO-9", lines=[line])
    services.stock_reserve(reference="SO-9", lines=[line])
    assert level(sku, wh).reserved == 3
    with pytest.raises(InsufficientStock) as error:
        services.stock_reserve(reference="SO-10", lines=[line])
    assert error.value.status == 409
    assert error.value.details[0]["available"] == 2
    assert services.stock_release(reference="SO-9") == 3
    assert services.stock_release(reference="SO-9") == 0
    assert level(sku, wh).reserved == 0
    assert stock_drift_list() == []


def test_stock_card_running_balance(admin_user):
    sku = make_sku("TS-09")
    wh, _ = make_warehouse("SH")
    services.stock_receive(actor=None, sku=sku, warehouse=wh, quantity=10)
    services.stock_adjust(
        actor=None, sku=sku, warehouse=wh, quantity=-4, reason=AdjustReason.DAMAGED
    )
    services.stock_adjust(
        actor=None, sku=sku, warehouse=wh, quantity=2, reason=AdjustReason.COUNT_SURPLUS
    )
    card = list(stock_card(user=admin_user, sku_id=sku.pk))
    assert [(m.kind, m.quantity, getattr(m, "balance", None)) for m in card] == [
        (MoveKind.RECEIPT, 10, 10),
        (MoveKind.ADJUST, -4, 6),
        (MoveKind.ADJUST, 2, 8),
    ]


def test_database_refuses_to_change_or_delete_a_move():
    sku = make_sku("TS-10")
    wh, _ = make_warehouse("SH")
    move = services.stock_receive(actor=None, sku=sku, warehouse=wh, quantity=1).moves[0]
    with pytest.raises(DatabaseError), transaction.atomic():
        StockMove.objects.filter(pk=move.pk).update(quantity=100)
    with pytest.raises(DatabaseError), transaction.atomic():
        StockMove.objects.filter(pk=move.pk).delete()
    assert StockMove.objects.get(pk=move.pk).quantity == 1


def test_database_check_constraints_stop_negative_stock():
    sku = make_sku("TS-11")
    wh, _ = make_warehouse("SH")
    services.stock_receive(actor=None, sku=sku, warehouse=wh, quantity=1)
    with pytest.raises(DatabaseError), transaction.atomic():
        StockLevel.objects.filter(sku=sku).update(reserved=2)
    with pytest.raises(DatabaseError), transaction.atomic():
        StockLevel.objects.filter(sku=sku).update(on_hand=-1)
