"""The only place select_for_update appears. Rows are always locked in primary-key order.

On SQLite select_for_update is a no-op: writers are serialised by BEGIN IMMEDIATE, and the
conditional UPDATEs in services are what protect the counters.
"""

from __future__ import annotations

from django.db.models import QuerySet

from .models import BinStock, SkuValuation, StockLevel, Transfer


def bin_stock_for_pick(*, sku_id: int, warehouse_id: int) -> QuerySet[BinStock]:
    """Bin stock of one SKU in one warehouse with quantity, locked, with bin and lot loaded."""
    return (
        BinStock.objects.select_for_update(of=("self",))
        .select_related("bin", "lot")
        .filter(sku_id=sku_id, bin__warehouse_id=warehouse_id, quantity__gt=0)
        .order_by("pk")
    )


def valuation_lock(*, sku_id: int) -> SkuValuation:
    SkuValuation.objects.bulk_create([SkuValuation(sku_id=sku_id)], ignore_conflicts=True)
    return SkuValuation.objects.select_for_update().get(sku_id=sku_id)


def transfer_lock(*, transfer_id: int) -> Transfer:
    return Transfer.objects.select_for_update().get(pk=transfer_id)


def stock_levels_lock(*, sku_ids: list[int], warehouse_ids: list[int]) -> list[StockLevel]:
    """Levels of these SKUs in these warehouses, locked in primary-key order."""
    return list(
        StockLevel.objects.select_for_update()
        .filter(sku_id__in=sku_ids, warehouse_id__in=warehouse_ids)
        .order_by("pk")
    )


def bin_stock_lock(*, sku_ids: list[int], bin_ids: list[int]) -> list[BinStock]:
    return list(
        BinStock.objects.select_for_update()
        .filter(sku_id__in=sku_ids, bin_id__in=bin_ids)
        .order_by("pk")
    )


def valuations_lock_existing(*, sku_ids: list[int]) -> list[SkuValuation]:
    """Existing valuation rows of these SKUs, locked in primary-key order (none are created)."""
    return list(SkuValuation.objects.select_for_update().filter(sku_id__in=sku_ids).order_by("pk"))
