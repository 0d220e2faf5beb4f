"""Catalog API: products (with their SKUs) and the SKU search."""

from __future__ import annotations

from decimal import Decimal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from jxc.accounts.api_auth import ApiAuth
from jxc.core.api_pagination import Page, paginate

from . import selectors, services
from .enums import ProductStatus
from .models import Category, Product, Sku

router = Router(tags=["catalog"])
VIEW = ApiAuth("accounts.view_catalog")
MANAGE = ApiAuth("accounts.manage_catalog")


class SkuIn(Schema):
    merchant_code: str = Field(min_length=1, max_length=64)
    specs: dict[str, str] = {}
    barcode: str | None = None
    weight_g: int | None = Field(None, ge=0)
    cost_price: Decimal = Field(Decimal(0), ge=0, max_digits=12, decimal_places=2)
    sale_price: Decimal = Field(Decimal(0), ge=0, max_digits=12, decimal_places=2)


class ProductIn(Schema):
    title: str = Field(min_length=1, max_length=120)
    category_id: int | None = None
    brand: str = ""
    description: str = ""
    unit: str = "件"
    status: ProductStatus = ProductStatus.DRAFT
    is_lot_tracked: bool = False
    is_expiry_tracked: bool = False
    shelf_life_days: int | None = Field(None, gt=0)
    skus: list[SkuIn] = Field(min_length=1)


class SkuOut(Schema):
    id: int
    merchant_code: str
    barcode: str | None
    specs: dict[str, str]
    spec_label: str
    weight_g: int | None
    cost_price: Decimal
    sale_price: Decimal
    product_id: int
    title: str = Field(alias="product.title")


class ProductOut(Schema):
    id: int
    title: str
    category_id: int | None
    status: str
    unit: str
    is_lot_tracked: bool
    is_expiry_tracked: bool
    shelf_life_days: int | None
    skus: list[SkuOut]


class SkuFilter(Schema):
    search: str = ""
    category: int | None = None
    merchant_code: str = ""
    limit: int = Field(50, ge=1, le=500)
    offset: int = Field(0, ge=0)


@router.post("/products", response={201: ProductOut}, auth=MANAGE, summary="Create a product")
def product_create(request: HttpRequest, payload: ProductIn) -> Status[Product]:
    category = None
    if payload.category_id is not None:
        category = Category.objects.filter(pk=payload.category_id).first()
        if category is None:
            from jxc.core.exceptions import NotFound

            raise NotFound("category", details=[{"field": "category_id", "message": "unknown"}])
    product = services.product_create(
        actor=request.auth,  # type: ignore[attr-defined]
        title=payload.title,
        category=category,
        brand_name=payload.brand,
        description=payload.description,
        unit=payload.unit,
        status=payload.status,
        is_lot_tracked=payload.is_lot_tracked,
        is_expiry_tracked=payload.is_expiry_tracked,
        shelf_life_days=payload.shelf_life_days,
        skus=[services.SkuInput(**sku.dict()) for sku in payload.skus],
    )
    return Status(201, product)


@router.get("/products", response=Page[ProductOut], auth=VIEW, summary="List products")
def product_list(request: HttpRequest, search: str = "", limit: int = 50, offset: int = 0) -> dict:
    return paginate(selectors.product_list(search=search), limit=limit, offset=offset)


@router.get("/skus", response=Page[SkuOut], auth=VIEW, summary="Search SKUs")
def sku_list(request: HttpRequest, filters: Query[SkuFilter]) -> dict:
    skus = selectors.sku_list(
        search=filters.search, category_id=filters.category, merchant_code=filters.merchant_code
    )
    return paginate(skus, limit=filters.limit, offset=filters.offset)


@router.get("/skus/{ref}", response=SkuOut, auth=VIEW, summary="A SKU by id or merchant code")
def sku_get(request: HttpRequest, ref: str) -> Sku:
    return selectors.sku_get(ref=ref)
