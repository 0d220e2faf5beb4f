"""Pure alert rules (Hypothesis): rule validation, stock alert kinds, near-expiry dates."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from jxc.inventory.alerts.enums import AlertKind
from jxc.inventory.alerts_domain import (
    MAX_QUANTITY,
    Kind,
    RuleLimits,
    days_left,
    is_near_expiry,
    rule_problems,
    stock_alert_kinds,
)

quantities = st.integers(min_value=0, max_value=10_000)


@st.composite
def valid_rules(draw: st.DrawFn) -> RuleLimits:
    safety = draw(quantities)
    reorder = draw(st.integers(min_value=safety, max_value=safety + 10_000))
    maximum = draw(
        st.one_of(st.just(0), st.integers(min_value=reorder, max_value=reorder + 10_000))
    )
    return RuleLimits(safety, reorder, maximum)


@st.composite
def levels(draw: st.DrawFn) -> tuple[int, int]:
    on_hand = draw(st.integers(min_value=0, max_value=40_000))
    return on_hand, draw(st.integers(min_value=0, max_value=on_hand))


def test_domain_kinds_match_the_model_choices() -> None:
    assert [k.value for k in Kind] == AlertKind.values


@given(valid_rules())
def test_valid_rules_have_no_problems(rule: RuleLimits) -> None:
    assert (
        rule_problems(
            safety_stock=rule.safety_stock,
            reorder_point=rule.reorder_point,
            max_stock=rule.max_stock,
        )
        == []
    )


@given(st.integers(-100, 100), st.integers(-100, 100), st.integers(-100, 100))
def test_problems_exactly_when_the_constraints_fail(
    safety: int, reorder: int, maximum: int
) -> None:
    problems = rule_problems(safety_stock=safety, reorder_point=reorder, max_stock=maximum)
    ok = (
        min(safety, reorder, maximum) >= 0
        and reorder >= safety
        and (maximum == 0 or maximum >= reorder)
    )
    assert (problems == []) == ok
    fields = {p.field for p in problems}
    if safety < 0:
        assert "safety_stock" in fields
    if min(safety, reorder, maximum) >= 0 and reorder < safety:
        assert [(p.field, p.code) for p in problems][0] == ("reorder_point", "below_safety_stock")


def test_problems_name_wrong_types_and_huge_values() -> None:
    problems = rule_problems(safety_stock=True, reorder_point=1.5, max_stock=MAX_QUANTITY + 1)
    assert [(p.field, p.code) for p in problems] == [
        ("safety_stock", "not_whole"),
        ("reorder_point", "not_whole"),
        ("max_stock", "too_large"),
    ]


@given(valid_rules(), levels())
def test_kinds_follow_the_rules(rule: RuleLimits, level: tuple[int, int]) -> None:
    on_hand, reserved = level
    available = on_hand - reserved
    kinds = stock_alert_kinds(on_hand=on_hand, reserved=reserved, rule=rule)
    assert (Kind.LOW in kinds) == (available < rule.safety_stock)
    assert not {Kind.LOW, Kind.REORDER} <= kinds  # LOW supersedes REORDER
    assert (Kind.REORDER in kinds) == (
        available >= rule.safety_stock
        and rule.reorder_point > 0
        and available <= rule.reorder_point
    )
    assert (Kind.OVER in kinds) == (rule.max_stock > 0 and on_hand > rule.max_stock)
    assert Kind.NEAR_EXPIRY not in kinds


@given(valid_rules(), levels(), st.integers(min_value=1, max_value=500))
def test_less_available_never_clears_a_shortage(
    rule: RuleLimits, level: tuple[int, int], more_reserved: int
) -> None:
    on_hand, reserved = level
    before = stock_alert_kinds(on_hand=on_hand, reserved=reserved, rule=rule)
    after = stock_alert_kinds(
        on_hand=on_hand, reserved=min(on_hand, reserved + more_reserved), rule=rule
    )
    if Kind.LOW in before:
        assert Kind.LOW in after
    if Kind.REORDER in before:
        assert after & {Kind.LOW, Kind.REORDER}
    assert (Kind.OVER in before) == (Kind.OVER in after)  # reserving does not move units


@given(levels())
def test_a_rule_of_zeros_raises_nothing(level: tuple[int, int]) -> None:
    assert stock_alert_kinds(on_hand=level[0], reserved=level[1], rule=RuleLimits()) == frozenset()


@given(st.dates(), st.dates(), st.integers(min_value=0, max_value=3650))
def test_near_expiry_is_days_left_within_the_window(
    expiry: dt.date, today: dt.date, days: int
) -> None:
    left = (expiry - today).days
    assert days_left(expiry=expiry, today=today) == left
    try:
        near = is_near_expiry(expiry=expiry, today=today, days=days)
    except OverflowError:
        return  # today + days beyond year 9999
    assert near == (left <= days)
    assert not is_near_expiry(expiry=None, today=today, days=days)
