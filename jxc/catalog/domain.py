"""Pure catalog rules: barcodes, spec matrices, volumes. No Django imports."""

from __future__ import annotations

import itertools
import string
from dataclasses import dataclass
from decimal import Decimal

CODE128_CHARS = frozenset(chr(c) for c in range(32, 127))
MERCHANT_CODE_CHARS = frozenset(string.ascii_letters + string.digits + "-_.#/")


def ean13_check_digit(first12: str) -> int:
    """The EAN-13 check digit of 12 digits (weights 1,3,1,3… from the left)."""
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(first12))
    return (10 - total % 10) % 10


def barcode_problem(code: str) -> str | None:
    """None when `code` is a valid EAN-13 or Code128 value, else a short reason key."""
    if not code:
        return "empty"
    if code.isdigit() and len(code) == 13:
        return None if ean13_check_digit(code[:12]) == int(code[12]) else "ean13_checksum"
    if code.isdigit() and len(code) in (8, 12, 14):
        return None  # EAN-8 / UPC-A / GTIN-14 carried as Code128 data
    if len(code) > 48:
        return "too_long"
    if not set(code) <= CODE128_CHARS:
        return "charset"
    return None


def merchant_code_problem(code: str) -> str | None:
    if not code:
        return "empty"
    if len(code) > 64:
        return "too_long"
    if not set(code) <= MERCHANT_CODE_CHARS:
        return "charset"
    return None


@dataclass(frozen=True)
class SpecCombination:
    values: tuple[tuple[str, str], ...]  # ((axis, value), …) in axis order

    @property
    def label(self) -> str:
        return " / ".join(value for _axis, value in self.values)

    def as_dict(self) -> dict[str, str]:
        return dict(self.values)


def spec_matrix(axes: list[tuple[str, list[str]]]) -> list[SpecCombination]:
    """Every combination of the axes' values (颜色 × 尺码 …), axes and values in given order.

    Blank values are dropped, duplicates removed; no axes gives one empty combination.
    """
    cleaned: list[tuple[str, list[str]]] = []
    for axis, values in axes:
        unique = list(dict.fromkeys(v.strip() for v in values if v and v.strip()))
        if axis.strip() and unique:
            cleaned.append((axis.strip(), unique))
    if not cleaned:
        return [SpecCombination(())]
    names = [axis for axis, _values in cleaned]
    return [
        SpecCombination(tuple(zip(names, combo, strict=True)))
        for combo in itertools.product(*(values for _axis, values in cleaned))
    ]


def volume_cm3(length: Decimal | None, width: Decimal | None, height: Decimal | None) -> Decimal:
    if not (length and width and height):
        return Decimal(0)
    return (length * width * height).quantize(Decimal("0.01"))
