"""Helpers that build catalog and warehouse data through the real services."""

from __future__ import annotations

from decimal import Decimal

from jxc.catalog.models import Sku
from jxc.catalog.services import SkuInput, product_create
from jxc.inventory.enums import ZoneKind
from jxc.inventory.models import Bin, Warehouse
from jxc.inventory.services import bins_create, warehouse_create


def make_sku(
    code: str,
    *,
    cost: str = "10.00",
    lot_tracked: bool = False,
    expiry_tracked: bool = False,
    title: str = "测试商品",
) -> Sku:
    product = product_create(
        actor=None,
        title=title,
        skus=[SkuInput(merchant_code=code, cost_price=Decimal(cost), sale_price=Decimal("20"))],
        is_lot_tracked=lot_tracked,
        is_expiry_tracked=expiry_tracked,
        shelf_life_days=365 if expiry_tracked else None,
    )
    return product.skus.get()


def make_warehouse(code: str, *, bins: str = "A-{01..03}") -> tuple[Warehouse, list[Bin]]:
    warehouse = warehouse_create(actor=None, code=code, name=f"{code} 仓")
    zone = warehouse.zones.get(kind=ZoneKind.STORAGE)
    return warehouse, bins_create(actor=None, zone=zone, pattern=bins)
