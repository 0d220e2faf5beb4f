from __future__ import annotations

from django.utils.translation import gettext as _

from jxc.core.exceptions import ApplicationError


class InsufficientStock(ApplicationError):
    """Fewer units available than asked for; details list each short line."""

    code = "insufficient_stock"
    status = 409

    def __init__(self, lines: list[dict[str, object]]) -> None:
        first = lines[0]
        message = (
            _(
                "Not enough stock of %(sku)s in %(warehouse)s: %(requested)s requested, "
                "%(available)s available."
            )
            % first
        )
        super().__init__(message, details=lines)


class StockRuleError(ApplicationError):
    code = "invalid_stock_operation"
