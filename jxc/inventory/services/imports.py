"""Commit a checked catalog spreadsheet: products, SKUs and opening stock, all or nothing."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from jxc.accounts.audit import audit_record
from jxc.accounts.enums import AuditAction
from jxc.accounts.models import User
from jxc.catalog.domain import spec_matrix
from jxc.catalog.models import Brand, Category, Product, Sku
from jxc.catalog.services import category_create
from jxc.core.exceptions import ApplicationError
from jxc.core.spreadsheets import Table

from ..imports import ImportRow, catalog_import_preview
from .opening import OpeningLine, stock_opening_bulk

PRODUCT_FIELDS = [
    "title",
    "category",
    "brand",
    "unit",
    "status",
    "is_lot_tracked",
    "is_expiry_tracked",
    "shelf_life_days",
]
SKU_FIELDS = [
    "barcode",
    "specs",
    "spec_label",
    "weight_g",
    "length_cm",
    "width_cm",
    "height_cm",
    "cost_price",
    "sale_price",
]


def _category(path: str, cache: dict[str, Category], actor: User | None) -> Category | None:
    if not path:
        return None
    if path in cache:
        return cache[path]
    parent: Category | None = None
    for name in [
        part.strip()
        for part in path.replace("＞", "/").replace(">", "/").split("/")
        if part.strip()
    ]:
        found = Category.objects.filter(parent=parent, name=name).first()
        parent = found or category_create(actor=actor, name=name, parent=parent)
    cache[path] = parent  # type: ignore[assignment]
    return parent


def _brand(name: str, cache: dict[str, Brand]) -> Brand | None:
    if not name:
        return None
    if name not in cache:
        cache[name] = Brand.objects.get_or_create(name=name)[0]
    return cache[name]


def _product_values(
    row: ImportRow, categories: dict[str, Category], brands: dict[str, Brand], actor: User | None
) -> dict[str, Any]:
    shelf = row.values["shelf_life_days"]
    return {
        "title": row.title,
        "category": _category(row.values["category"], categories, actor),
        "brand": _brand(row.values["brand"], brands),
        "unit": row.values["unit"],
        "status": row.values["status"],
        "is_lot_tracked": bool(shelf),
        "is_expiry_tracked": bool(shelf),
        "shelf_life_days": shelf,
    }


def _sku_values(row: ImportRow) -> dict[str, Any]:
    combo = spec_matrix([(axis, [value]) for axis, value in row.specs.items()])[0]
    values = {
        key: row.values[key]
        for key in (
            "barcode",
            "weight_g",
            "length_cm",
            "width_cm",
            "height_cm",
            "cost_price",
            "sale_price",
        )
    }
    return {**values, "specs": combo.as_dict(), "spec_label": combo.label}


@transaction.atomic
def catalog_import_commit(
    *, actor: User | None, table: Table, filename: str = ""
) -> dict[str, int]:
    """Import the table: new SKUs are created (grouped into products by title), existing ones
    (same merchant code) updated, opening stock booked once per SKU × warehouse × lot.

    Raises ApplicationError listing every row problem when the file is not clean; then nothing
    at all is written. Runs in one transaction.
    """
    plan = catalog_import_preview(table)
    if plan.errors:
        raise ApplicationError(
            _("The file has %(n)s problem(s); nothing was imported.") % {"n": len(plan.errors)},
            code="import_invalid",
            details=plan.errors[:1000],
        )
    categories: dict[str, Category] = {}
    brands: dict[str, Brand] = {}
    first: dict[str, ImportRow] = {}
    for row in plan.rows:
        first.setdefault(row.merchant_code, row)
    products_by_title: dict[str, Product] = {}
    updated_products: dict[int, Product] = {}
    updated_skus: list[Sku] = []
    for code, row in first.items():
        sku = plan.existing.get(code)
        if sku is None:
            continue
        product = updated_products.setdefault(sku.product_id, sku.product)
        for name, value in _product_values(row, categories, brands, actor).items():
            setattr(product, name, value)
        for name, value in _sku_values(row).items():
            setattr(sku, name, value)
        updated_skus.append(sku)
        products_by_title.setdefault(row.title, product)
    Product.objects.bulk_update(list(updated_products.values()), PRODUCT_FIELDS)
    Sku.objects.bulk_update(updated_skus, SKU_FIELDS)
    new_rows = [row for code, row in first.items() if code not in plan.existing]
    new_products = []
    for row in new_rows:
        if row.title not in products_by_title:
            product = Product(**_product_values(row, categories, brands, actor))
            products_by_title[row.title] = product
            new_products.append(product)
    Product.objects.bulk_create(new_products)
    Sku.objects.bulk_create(
        [
            Sku(
                product=products_by_title[row.title],
                merchant_code=row.merchant_code,
                **_sku_values(row),
            )
            for row in new_rows
        ]
    )
    skus = {
        s.merchant_code: s
        for s in Sku.objects.filter(merchant_code__in=list(first)).select_related("product")
    }
    opening = [
        OpeningLine(
            sku=skus[row.merchant_code],
            warehouse=row.warehouse,
            quantity=row.opening_qty,
            key=f"opening:{row.merchant_code}:{row.warehouse.code}:{row.lot_no}",
            bin=row.bin,
            lot_no=row.lot_no,
            expiry_date=row.expiry_date,
        )
        for row in plan.rows
        if row.opening_qty > 0 and row.warehouse is not None
    ]
    units = stock_opening_bulk(actor=actor, lines=opening, source_id=filename)
    summary = {**plan.summary, "opening_units_booked": units, "new_products": len(new_products)}
    audit_record(
        action=AuditAction.CREATE,
        actor=actor,
        note=f"import {filename[:60]}",
        changes={"import": [None, summary]},
    )
    return summary
