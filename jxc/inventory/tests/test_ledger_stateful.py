"""Hypothesis stateful test: random stock operations never break the ledger's invariants.

After every step: on_hand ≥ 0; 0 ≤ reserved ≤ on_hand; on_hand = Σ moves; bins sum to levels;
reservations and transfers match their counters; stock value ≥ 0. A refused operation
(InsufficientStock, bad input) must change nothing at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.db import transaction
from django.db.models import Sum
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from jxc.core.exceptions import ApplicationError
from jxc.inventory import services
from jxc.inventory.enums import AdjustReason
from jxc.inventory.models import (
    BinStock,
    Reservation,
    SkuValuation,
    StockLevel,
    StockMove,
    Transfer,
)
from jxc.inventory.selectors import stock_drift_list

from .factories import make_sku, make_warehouse

pytestmark = pytest.mark.django_db
QUANTITY = st.integers(min_value=1, max_value=8)
INDEX = st.integers(min_value=0, max_value=1)


def snapshot() -> tuple[object, ...]:
    return (
        StockMove.objects.count(),
        tuple(StockLevel.objects.order_by("pk").values_list("on_hand", "reserved", "in_transit")),
        tuple(BinStock.objects.order_by("pk").values_list("quantity", flat=True)),
        Reservation.objects.filter(status="active").count(),
    )


class LedgerMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self._atomic = transaction.atomic()
        self._atomic.__enter__()
        self.skus = [make_sku("HS-PLAIN", cost="12.50"), make_sku("HS-MILK", expiry_tracked=True)]
        self.warehouses = [
            make_warehouse("HA", bins="A-{1..2}"),
            make_warehouse("HB", bins="B-{1..2}"),
        ]
        self.transfers: list[int] = []
        self.references: list[str] = []
        self.counter = 0

    def teardown(self) -> None:
        transaction.set_rollback(True)
        self._atomic.__exit__(None, None, None)

    def attempt(self, operation: Callable[[], object]) -> None:
        before = snapshot()
        try:
            operation()
        except ApplicationError:  # InsufficientStock or a refused input
            assert snapshot() == before, "a refused operation changed stock"

    @rule(s=INDEX, w=INDEX, b=INDEX, quantity=QUANTITY, cost=st.integers(0, 50), lot=INDEX)
    def receive(self, s: int, w: int, b: int, quantity: int, cost: int, lot: int) -> None:
        warehouse, bins = self.warehouses[w]
        extra: dict[str, Any] = {}
        if s == 1:
            extra = {
                "lot_no": f"L{lot}",
                "expiry_date": dt.date(2027, 1, 1) + dt.timedelta(days=30 * lot),
            }
        self.attempt(
            lambda: services.stock_receive(
                actor=None,
                sku=self.skus[s],
                warehouse=warehouse,
                quantity=quantity,
                unit_cost=Decimal(cost),
                bin_obj=bins[b],
                **extra,
            )
        )

    @rule(s=INDEX, w=INDEX, quantity=st.integers(-8, 8).filter(bool))
    def adjust(self, s: int, w: int, quantity: int) -> None:
        reason = AdjustReason.COUNT_SURPLUS if quantity > 0 else AdjustReason.COUNT_SHORTAGE
        lot = self.skus[s].lots.first() if s == 1 and quantity > 0 else None
        if s == 1 and quantity > 0 and lot is None:
            return
        warehouse, _bins = self.warehouses[w]
        self.attempt(
            lambda: services.stock_adjust(
                actor=None,
                sku=self.skus[s],
                warehouse=warehouse,
                quantity=quantity,
                reason=reason,
                lot=lot,
            )
        )

    @rule(s=INDEX, w=INDEX, quantity=QUANTITY)
    def scrap(self, s: int, w: int, quantity: int) -> None:
        warehouse, _bins = self.warehouses[w]
        self.attempt(
            lambda: services.stock_scrap(
                actor=None, sku=self.skus[s], warehouse=warehouse, quantity=quantity
            )
        )

    @rule(w=INDEX, quantity=QUANTITY)
    def move_between_bins(self, w: int, quantity: int) -> None:
        _warehouse, bins = self.warehouses[w]
        self.attempt(
            lambda: services.stock_move_bin(
                actor=None, sku=self.skus[0], from_bin=bins[0], to_bin=bins[1], quantity=quantity
            )
        )

    @rule(s=INDEX, w=INDEX, quantity=QUANTITY)
    def ship_transfer(self, s: int, w: int, quantity: int) -> None:
        source, destination = self.warehouses[w][0], self.warehouses[1 - w][0]

        def ship() -> None:
            transfer = services.transfer_ship(
                actor=None,
                source=source,
                destination=destination,
                lines=[services.TransferLineInput(self.skus[s], quantity)],
            )
            self.transfers.append(transfer.pk)

        self.attempt(ship)

    @precondition(lambda self: bool(self.transfers))
    @rule()
    def receive_transfer(self) -> None:
        transfer = Transfer.objects.get(pk=self.transfers.pop(0))
        services.transfer_receive(actor=None, transfer=transfer)

    @rule(s=INDEX, w=INDEX, quantity=QUANTITY)
    def reserve(self, s: int, w: int, quantity: int) -> None:
        self.counter += 1
        reference = f"SO-{self.counter}"
        line = services.ReservationLine(self.skus[s], self.warehouses[w][0], quantity)

        def reserve() -> None:
            services.stock_reserve(reference=reference, lines=[line])
            self.references.append(reference)

        self.attempt(reserve)

    @precondition(lambda self: len(self.references) >= 3)  # keep reservations around a while
    @rule()
    def release(self) -> None:
        services.stock_release(reference=self.references.pop(0))

    @invariant()
    def ledger_is_consistent(self) -> None:
        assert stock_drift_list() == []
        for on_hand, reserved in StockLevel.objects.values_list("on_hand", "reserved"):
            assert on_hand >= 0
            assert 0 <= reserved <= on_hand
        for valuation in SkuValuation.objects.all():
            assert valuation.average_cost >= 0
            assert valuation.quantity >= 0
        assert (BinStock.objects.aggregate(total=Sum("quantity"))["total"] or 0) >= 0


def test_random_operation_sequences_keep_the_ledger_consistent() -> None:
    run_state_machine_as_test(
        LedgerMachine,
        settings=settings(
            max_examples=60,
            stateful_step_count=25,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
