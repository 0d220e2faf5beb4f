"""The demo catalog and stock: realistic, consistent with the ledger, loaded only once."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone

from jxc.catalog.domain import barcode_problem
from jxc.catalog.enums import ProductStatus
from jxc.catalog.models import Category, Product, Sku
from jxc.inventory.demo import demo_catalog_load
from jxc.inventory.enums import MoveKind, WarehouseKind
from jxc.inventory.models import BinStock, Lot, Reservation, StockLevel, StockMove, Warehouse
from jxc.inventory.selectors import stock_drift_list


@pytest.mark.django_db
def test_demo_catalog_loads_consistent_stock_once() -> None:
    counts = demo_catalog_load()

    assert counts["skus"] >= 250
    assert counts["skus"] == Sku.objects.count()
    assert counts["warehouses"] == 3
    assert counts["stock_moves"] == StockMove.objects.count() > counts["skus"]
    assert counts["lots"] == Lot.objects.count() > 0
    assert counts["reservations"] == Reservation.objects.count() > 0
    assert stock_drift_list() == []

    kinds = dict(Warehouse.objects.values_list("code", "kind"))
    assert kinds == {
        "SH": WarehouseKind.OWN,
        "GZ": WarehouseKind.OWN,
        "CD": WarehouseKind.THIRD_PARTY,
    }
    assert Category.objects.filter(parent__parent__isnull=False).exists()  # three levels
    assert set(StockMove.objects.values_list("kind", flat=True)) == {MoveKind.OPENING}

    soon = timezone.localdate() + dt.timedelta(days=30)
    assert BinStock.objects.filter(quantity__gt=0, lot__expiry_date__lte=soon).exists()
    for lot in Lot.objects.select_related("sku__product"):
        assert lot.production_date is not None
        assert lot.expiry_date is not None
        shelf = dt.timedelta(days=lot.sku.product.shelf_life_days or 0)
        assert lot.production_date + shelf == lot.expiry_date
        assert lot.production_date < timezone.localdate() < lot.expiry_date
        assert lot.lot_no == f"L{lot.production_date:%Y%m%d}"
    assert StockLevel.objects.filter(reserved__gt=0).exists()
    assert Sku.objects.filter(levels__isnull=True).exists()  # some SKUs have no stock

    skus = list(Sku.objects.select_related("product"))
    assert all(sku.sale_price > sku.cost_price > 0 for sku in skus)
    barcodes = [sku.barcode for sku in skus if sku.barcode]
    assert len(barcodes) > 100
    assert all(
        barcode_problem(code) is None and code[:3] in {f"69{d}" for d in range(10)}
        for code in barcodes
    )
    statuses = [product.status for product in Product.objects.all()]
    assert statuses.count(ProductStatus.ON_SALE) > len(statuses) * 0.8
    assert {ProductStatus.DRAFT, ProductStatus.OFF_SALE} <= set(statuses)
    assert Product.objects.filter(
        is_expiry_tracked=True, shelf_life_days__range=(180, 540)
    ).exists()
    assert not Sku.objects.filter(product__category__isnull=True).exists()
    assert not StockLevel.objects.filter(on_hand__lt=F("reserved")).exists()

    before = StockMove.objects.count(), Sku.objects.count(), Reservation.objects.count()
    again = demo_catalog_load()
    assert set(again.values()) == {0}
    assert (StockMove.objects.count(), Sku.objects.count(), Reservation.objects.count()) == before
    assert stock_drift_list() == []


@pytest.mark.django_db
def test_demo_command_loads_users_and_catalog() -> None:
    out = StringIO()
    call_command("demo", "--no-migrate", stdout=out)
    text = out.getvalue()
    assert "users created" in text
    assert "admin" in text
    skus = Sku.objects.count()
    assert f"{skus} SKUs, 3 warehouses" in text
    assert StockMove.objects.filter(actor__username="admin").exists()

    out = StringIO()
    call_command("demo", "--no-migrate", stdout=out)
    assert "0 SKUs, 0 warehouses, 0 stock moves created" in out.getvalue()
    assert Sku.objects.count() == skus
