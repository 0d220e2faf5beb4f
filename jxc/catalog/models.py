"""Catalog: category tree, brands, tags, products (SPU) and their SKUs."""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from jxc.core.models import TimeStampedModel

from .domain import volume_cm3
from .enums import ProductStatus


class Category(TimeStampedModel):
    """A node of the category tree (any depth). `path` is the ids from the root, for ordering."""

    name = models.CharField(_("name"), max_length=80)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(fields=["parent", "name"], name="category_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name


class Brand(TimeStampedModel):
    name = models.CharField(_("name"), max_length=80, unique=True)

    class Meta:
        verbose_name = _("brand")
        verbose_name_plural = _("brands")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=40, unique=True)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Product(TimeStampedModel):
    """A product (SPU): what is listed; its SKUs are what is stocked and sold."""

    title = models.CharField(_("title"), max_length=120)
    category = models.ForeignKey(
        Category, null=True, blank=True, on_delete=models.PROTECT, related_name="products"
    )
    brand = models.ForeignKey(
        Brand, null=True, blank=True, on_delete=models.PROTECT, related_name="products"
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="products")
    description = models.TextField(_("description"), blank=True)
    attributes = models.JSONField(_("attributes"), default=dict, blank=True)
    unit = models.CharField(_("unit"), max_length=10, default="件")
    status = models.CharField(
        _("status"), max_length=10, choices=ProductStatus.choices, default=ProductStatus.DRAFT
    )
    is_lot_tracked = models.BooleanField(_("lot tracked"), default=False)
    is_expiry_tracked = models.BooleanField(_("expiry tracked"), default=False)
    shelf_life_days = models.PositiveIntegerField(_("shelf life (days)"), null=True, blank=True)

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("products")
        ordering = ["-id"]

    def __str__(self) -> str:
        return self.title


class Sku(TimeStampedModel):
    """A stock-keeping unit: one variant of a product, keyed by its merchant code (商家编码)."""

    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="skus")
    merchant_code = models.CharField(_("merchant code"), max_length=64, unique=True)
    barcode = models.CharField(_("barcode"), max_length=48, null=True, blank=True, unique=True)
    specs = models.JSONField(_("specs"), default=dict, blank=True)
    spec_label = models.CharField(_("spec"), max_length=120, blank=True)
    weight_g = models.PositiveIntegerField(_("weight (g)"), null=True, blank=True)
    length_cm = models.DecimalField(_("length (cm)"), max_digits=8, decimal_places=1, null=True)
    width_cm = models.DecimalField(_("width (cm)"), max_digits=8, decimal_places=1, null=True)
    height_cm = models.DecimalField(_("height (cm)"), max_digits=8, decimal_places=1, null=True)
    cost_price = models.DecimalField(
        _("cost price"),
        max_digits=12,
        decimal_places=2,
        default=Decimal(0),
        validators=[MinValueValidator(0)],
    )
    sale_price = models.DecimalField(
        _("sale price"),
        max_digits=12,
        decimal_places=2,
        default=Decimal(0),
        validators=[MinValueValidator(0)],
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("SKU")
        verbose_name_plural = _("SKUs")
        ordering = ["merchant_code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(cost_price__gte=0) & models.Q(sale_price__gte=0),
                name="sku_prices_not_negative",
            ),
        ]

    def __str__(self) -> str:
        label = f" {self.spec_label}" if self.spec_label else ""
        return f"{self.merchant_code}{label}"

    @property
    def volume_cm3(self) -> Decimal:
        return volume_cm3(self.length_cm, self.width_cm, self.height_cm)
