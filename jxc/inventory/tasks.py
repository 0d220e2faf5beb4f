"""Background work of the inventory app (django-tasks; run by `jxc worker`)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django_tasks import task

from .alerts.services import stock_alerts_refresh


@task()
def refresh_stock_alerts(sku_ids: list[int] | None = None) -> dict[str, int]:
    """Recompute stock alerts of every SKU, or only of `sku_ids` (see `stock_alerts_refresh`)."""
    return stock_alerts_refresh(sku_ids=sku_ids)


def alerts_refresh_on_commit(sku_ids: Iterable[int]) -> None:
    """After the current transaction commits, queue an alert refresh for these SKUs.

    Stock services call this with the SKUs they changed. Nothing is queued when the transaction
    rolls back or when no SKU is given; outside a transaction the task is queued at once.
    """
    ids = sorted({int(pk) for pk in sku_ids})
    if ids:
        transaction.on_commit(lambda: refresh_stock_alerts.enqueue(sku_ids=ids))
