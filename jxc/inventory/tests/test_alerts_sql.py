"""The set-based SQL of `stock_alerts_refresh` raises exactly the alerts that the pure rules in
`alerts_domain.stock_alert_kinds` say, for any levels and rules (Hypothesis, on the database).

Levels are written directly here (not through the ledger): this test is about the alert SQL.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jxc.inventory.alerts.services import stock_alerts_refresh
from jxc.inventory.alerts_domain import RuleLimits, stock_alert_kinds
from jxc.inventory.models import StockAlert, StockLevel, StockRule

from .factories import make_sku, make_warehouse

pytestmark = pytest.mark.django_db
SKUS = 6


class Rollback(Exception):
    pass


@st.composite
def cases(draw: st.DrawFn) -> tuple[RuleLimits, tuple[int, int] | None, tuple[int, int] | None]:
    small = st.integers(min_value=0, max_value=30)
    safety = draw(small)
    reorder = draw(st.integers(min_value=safety, max_value=safety + 30))
    maximum = draw(st.one_of(st.just(0), st.integers(min_value=reorder, max_value=reorder + 30)))

    def level() -> tuple[int, int]:
        on_hand = draw(st.integers(min_value=0, max_value=100))
        return on_hand, draw(st.integers(min_value=0, max_value=on_hand))

    before = draw(st.one_of(st.none(), st.builds(level)))
    after = draw(st.one_of(st.none(), st.builds(level)))
    return RuleLimits(safety, reorder, maximum), before, after


@pytest.fixture
def skus() -> tuple[Any, list[Any]]:
    warehouse = make_warehouse("HY", bins="A-01")[0]
    return warehouse, [make_sku(f"HY-{n}") for n in range(SKUS)]


def _set_levels(warehouse: Any, skus: list[Any], levels: list[tuple[int, int] | None]) -> None:
    for sku, level in zip(skus, levels, strict=True):
        if level is None:
            StockLevel.objects.filter(sku=sku, warehouse=warehouse).delete()
        else:
            StockLevel.objects.update_or_create(
                sku=sku, warehouse=warehouse, defaults={"on_hand": level[0], "reserved": level[1]}
            )


def _expected(rule: RuleLimits, level: tuple[int, int] | None) -> set[str]:
    on_hand, reserved = level or (0, 0)
    return {str(kind) for kind in stock_alert_kinds(on_hand=on_hand, reserved=reserved, rule=rule)}


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(cases(), min_size=SKUS, max_size=SKUS))
def test_refresh_sql_agrees_with_the_pure_rules(skus: tuple[Any, list[Any]], drawn: list) -> None:
    warehouse, sku_list = skus
    try:
        with transaction.atomic():
            StockRule.objects.bulk_create(
                StockRule(
                    sku=sku,
                    warehouse=warehouse,
                    safety_stock=rule.safety_stock,
                    reorder_point=rule.reorder_point,
                    max_stock=rule.max_stock,
                )
                for sku, (rule, _before, _after) in zip(sku_list, drawn, strict=True)
            )
            for step in (1, 2):  # open from nothing, then update / resolve / open
                _set_levels(warehouse, sku_list, [case[step] for case in drawn])
                stock_alerts_refresh()
                for sku, (rule, *levels) in zip(sku_list, drawn, strict=True):
                    alerts = StockAlert.objects.filter(sku=sku, resolved_at__isnull=True)
                    assert {a.kind for a in alerts} == _expected(rule, levels[step - 1])
                    on_hand, reserved = levels[step - 1] or (0, 0)
                    for alert in alerts:
                        amount = on_hand if alert.kind == "over" else on_hand - reserved
                        assert alert.quantity == amount
            raise Rollback
    except Rollback:
        pass
