"""Reads of the catalog."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from jxc.core.exceptions import NotFound

from .models import Category, Product, Sku


def sku_list(
    *, search: str = "", category_id: int | None = None, merchant_code: str = "", status: str = ""
) -> QuerySet[Sku]:
    """SKUs matching a search over merchant code, barcode and title; a category includes its
    whole subtree."""
    skus = Sku.objects.select_related("product", "product__category", "product__brand")
    if search:
        skus = skus.filter(
            Q(merchant_code__icontains=search)
            | Q(barcode=search)
            | Q(product__title__icontains=search)
        )
    if merchant_code:
        skus = skus.filter(merchant_code=merchant_code)
    if category_id is not None:
        root = Category.objects.filter(pk=category_id).first()
        skus = skus.filter(product__category__path__startswith=root.path) if root else skus.none()
    if status:
        skus = skus.filter(product__status=status)
    return skus.order_by("merchant_code")


def sku_get(*, ref: str | int) -> Sku:
    """A SKU by id or by merchant code (商家编码)."""
    text = str(ref).strip()
    sku = Sku.objects.select_related("product").filter(merchant_code=text).first()
    if sku is None and text.isdigit():
        sku = Sku.objects.select_related("product").filter(pk=int(text)).first()
    if sku is None:
        from django.utils.translation import gettext as _

        raise NotFound(
            _("No SKU with id or merchant code %(ref)s.") % {"ref": text},
            details=[{"field": "sku", "message": text}],
        )
    return sku


def product_list(*, search: str = "") -> QuerySet[Product]:
    products = Product.objects.select_related("category", "brand").prefetch_related("skus")
    if search:
        products = products.filter(
            Q(title__icontains=search) | Q(skus__merchant_code__icontains=search)
        ).distinct()
    return products.order_by("-id")
