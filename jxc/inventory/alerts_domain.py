"""Pure stock-alert rules: which alerts a stock level raises under a rule, near-expiry dates.

No Django imports. The set-based SQL in `alerts/services.py` implements exactly these rules;
a property test checks that the two agree.

- LOW (低于安全库存): available < safety_stock.
- REORDER (到达补货点): not LOW, reorder_point > 0 and available <= reorder_point.
  LOW supersedes REORDER, so one level never shows both.
- OVER (超储): max_stock > 0 and on_hand > max_stock (physical units, reserved or not).
- NEAR_EXPIRY (临期): a lot whose expiry date is at most `days` days away (expired lots count
  too, with days left <= 0).

A rule of all zeros raises nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

MAX_QUANTITY = 10**12  # far above any real stock, far below BIGINT overflow


class Kind(StrEnum):
    """Alert kinds; the values match `alerts.enums.AlertKind`."""

    LOW = "low"
    REORDER = "reorder"
    OVER = "over"
    NEAR_EXPIRY = "near_expiry"


STOCK_KINDS = (Kind.LOW, Kind.REORDER, Kind.OVER)


@dataclass(frozen=True)
class RuleLimits:
    """A stock rule's thresholds for one SKU in one warehouse (max_stock 0 = no maximum)."""

    safety_stock: int = 0
    reorder_point: int = 0
    max_stock: int = 0


@dataclass(frozen=True)
class RuleProblem:
    field: str
    code: str  # "not_whole", "negative", "too_large", "below_safety_stock", "below_reorder_point"


def rule_problems(
    *, safety_stock: object, reorder_point: object, max_stock: object
) -> list[RuleProblem]:
    """Every reason the thresholds cannot form a rule (empty when they can).

    Each must be a whole number 0..MAX_QUANTITY; reorder_point >= safety_stock; max_stock is 0
    (no maximum) or >= reorder_point.
    """
    given = {"safety_stock": safety_stock, "reorder_point": reorder_point, "max_stock": max_stock}
    problems = []
    numbers: dict[str, int] = {}
    for name, value in given.items():
        if not isinstance(value, int) or isinstance(value, bool):
            problems.append(RuleProblem(name, "not_whole"))
        elif value < 0:
            problems.append(RuleProblem(name, "negative"))
        elif value > MAX_QUANTITY:
            problems.append(RuleProblem(name, "too_large"))
        else:
            numbers[name] = value
    if problems:
        return problems
    if numbers["reorder_point"] < numbers["safety_stock"]:
        problems.append(RuleProblem("reorder_point", "below_safety_stock"))
    if numbers["max_stock"] and numbers["max_stock"] < numbers["reorder_point"]:
        problems.append(RuleProblem("max_stock", "below_reorder_point"))
    return problems


def stock_alert_kinds(*, on_hand: int, reserved: int, rule: RuleLimits) -> frozenset[Kind]:
    """The stock alerts (LOW, REORDER, OVER) that a level raises under `rule`."""
    available = on_hand - reserved
    kinds: set[Kind] = set()
    if available < rule.safety_stock:
        kinds.add(Kind.LOW)
    elif rule.reorder_point > 0 and available <= rule.reorder_point:
        kinds.add(Kind.REORDER)
    if rule.max_stock > 0 and on_hand > rule.max_stock:
        kinds.add(Kind.OVER)
    return frozenset(kinds)


def expiry_horizon(*, today: dt.date, days: int) -> dt.date:
    """The last expiry date that still counts as near expiry `days` days from `today`."""
    return today + dt.timedelta(days=days)


def days_left(*, expiry: dt.date, today: dt.date) -> int:
    """Whole days until `expiry` (0 on the day itself, negative once expired)."""
    return (expiry - today).days


def is_near_expiry(*, expiry: dt.date | None, today: dt.date, days: int) -> bool:
    """True when a lot expiring on `expiry` is within `days` days (or already expired)."""
    return expiry is not None and expiry <= expiry_horizon(today=today, days=days)
