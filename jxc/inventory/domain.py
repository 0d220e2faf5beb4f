"""Pure stock rules: moving average cost, FEFO/FIFO pick plans. No Django imports."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

COST_QUANTUM = Decimal("0.0001")


def moving_average_cost(
    *, quantity: int, average_cost: Decimal, received: int, unit_cost: Decimal
) -> Decimal:
    """New moving weighted average after receiving `received` units at `unit_cost`.

    With nothing (or less than nothing) on hand before, the new cost is simply the receipt's.
    """
    if received <= 0:
        raise ValueError("received must be positive")
    if quantity <= 0:
        return unit_cost.quantize(COST_QUANTUM, ROUND_HALF_UP)
    total = average_cost * quantity + unit_cost * received
    return (total / (quantity + received)).quantize(COST_QUANTUM, ROUND_HALF_UP)


@dataclass(frozen=True)
class PickCandidate:
    """Stock in one bin (and lot) that a pick may take from."""

    bin_id: int
    bin_code: str
    lot_id: int | None
    expiry: dt.date | None
    quantity: int
    received_order: int = 0  # lower = older stock (for FIFO)


@dataclass(frozen=True)
class PickLine:
    candidate: PickCandidate
    quantity: int


class ShortPick(Exception):
    def __init__(self, requested: int, available: int) -> None:
        super().__init__(f"requested {requested}, available {available}")
        self.requested = requested
        self.available = available


def pick_order(candidate: PickCandidate) -> tuple[object, ...]:
    """FEFO first (earliest expiry; no expiry last), then FIFO, then bin code."""
    no_expiry = candidate.expiry is None
    return (
        no_expiry,
        candidate.expiry or dt.date.max,
        candidate.received_order,
        candidate.bin_code,
    )


def pick_plan(requested: int, candidates: list[PickCandidate]) -> list[PickLine]:
    """Which bins and lots to take `requested` units from, earliest expiry first.

    The plan never takes more than a candidate holds and its total equals `requested`;
    otherwise ShortPick says how much there is.
    """
    if requested <= 0:
        raise ValueError("requested must be positive")
    plan: list[PickLine] = []
    remaining = requested
    for candidate in sorted((c for c in candidates if c.quantity > 0), key=pick_order):
        take = min(remaining, candidate.quantity)
        plan.append(PickLine(candidate, take))
        remaining -= take
        if remaining == 0:
            return plan
    raise ShortPick(requested, requested - remaining)


RANGE = re.compile(r"\{(\d+)\.\.(\d+)\}")


def expand_bin_pattern(pattern: str, *, limit: int = 5000) -> list[str]:
    """Bin codes from a pattern with numeric ranges: "A-{01..02}-{1..3}" →
    A-01-1, A-01-2, A-01-3, A-02-1 … Zero padding follows the width of the range's start.
    """
    parts = RANGE.split(pattern)
    literals, ranges = parts[0::3], list(zip(parts[1::3], parts[2::3], strict=True))
    options: list[list[str]] = []
    total = 1
    for start, end in ranges:
        low, high = int(start), int(end)
        if high < low:
            raise ValueError(f"range {start}..{end} runs backwards")
        width = len(start) if start.startswith("0") else 0
        options.append([str(n).zfill(width) for n in range(low, high + 1)])
        total *= high - low + 1
        if total > limit:
            raise ValueError(f"pattern gives more than {limit} bins")
    codes = []
    for combo in itertools.product(*options):
        code = literals[0]
        for value, literal in zip(combo, literals[1:], strict=True):
            code += value + literal
        codes.append(code)
    return codes
