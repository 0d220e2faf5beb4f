"""Warehouses, zones, bins, lots and the stock ledger (see ARCHITECTURE.md "The stock model").

StockMove is append-only (the database refuses UPDATE and DELETE). StockLevel(sku, warehouse) is
the allocation gate with CHECK constraints; BinStock(sku, bin, lot) says where units are.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from jxc.catalog.models import Sku
from jxc.core.models import TimeStampedModel

from .alerts.enums import AlertKind
from .enums import (
    AdjustReason,
    MoveKind,
    ReservationStatus,
    TransferStatus,
    WarehouseKind,
    ZoneKind,
)


class Warehouse(TimeStampedModel):
    code = models.CharField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=80)
    kind = models.CharField(
        _("kind"), max_length=10, choices=WarehouseKind.choices, default=WarehouseKind.OWN
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("warehouse")
        verbose_name_plural = _("warehouses")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Zone(models.Model):
    warehouse = models.ForeignKey(Warehouse, on_delete=models.PROTECT, related_name="zones")
    code = models.CharField(_("code"), max_length=20)
    kind = models.CharField(_("kind"), max_length=10, choices=ZoneKind.choices)

    class Meta:
        verbose_name = _("zone")
        verbose_name_plural = _("zones")
        ordering = ["warehouse", "code"]
        constraints = [models.UniqueConstraint(fields=["warehouse", "code"], name="zone_unique")]

    def __str__(self) -> str:
        return f"{self.code} ({self.get_kind_display()})"


class Bin(models.Model):
    warehouse = models.ForeignKey(Warehouse, on_delete=models.PROTECT, related_name="bins")
    zone = models.ForeignKey(Zone, on_delete=models.PROTECT, related_name="bins")
    code = models.CharField(_("code"), max_length=32)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("bin")
        verbose_name_plural = _("bins")
        ordering = ["warehouse", "code"]
        constraints = [models.UniqueConstraint(fields=["warehouse", "code"], name="bin_unique")]

    def __str__(self) -> str:
        return self.code


class Lot(models.Model):
    sku = models.ForeignKey(Sku, on_delete=models.PROTECT, related_name="lots")
    lot_no = models.CharField(_("lot number"), max_length=40)
    production_date = models.DateField(_("production date"), null=True, blank=True)
    expiry_date = models.DateField(_("expiry date"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("lot")
        verbose_name_plural = _("lots")
        constraints = [models.UniqueConstraint(fields=["sku", "lot_no"], name="lot_unique")]

    def __str__(self) -> str:
        return self.lot_no


class StockLevel(models.Model):
    """On hand and reserved per SKU × warehouse; available = on_hand − reserved."""

    sku = models.ForeignKey(Sku, on_delete=models.PROTECT, related_name="levels")
    warehouse = models.ForeignKey(Warehouse, on_delete=models.PROTECT, related_name="levels")
    on_hand = models.BigIntegerField(_("on hand"), default=0)
    reserved = models.BigIntegerField(_("reserved"), default=0)
    in_transit = models.BigIntegerField(_("in transit"), default=0)

    class Meta:
        verbose_name = _("stock level")
        verbose_name_plural = _("stock levels")
        constraints = [
            models.UniqueConstraint(fields=["sku", "warehouse"], name="stocklevel_unique"),
            models.CheckConstraint(condition=Q(on_hand__gte=0), name="stocklevel_on_hand_gte_0"),
            models.CheckConstraint(
                condition=Q(reserved__gte=0) & Q(reserved__lte=F("on_hand")),
                name="stocklevel_reserved_within_on_hand",
            ),
            models.CheckConstraint(condition=Q(in_transit__gte=0), name="stocklevel_transit_gte_0"),
        ]

    def __str__(self) -> str:
        return f"{self.sku_id}@{self.warehouse_id}: {self.on_hand}/{self.reserved}"

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved


class BinStock(models.Model):
    sku = models.ForeignKey(Sku, on_delete=models.PROTECT, related_name="bin_stock")
    bin = models.ForeignKey(Bin, on_delete=models.PROTECT, related_name="stock")
    lot = models.ForeignKey(Lot, null=True, blank=True, on_delete=models.PROTECT)
    quantity = models.BigIntegerField(_("quantity"), default=0)

    class Meta:
        verbose_name = _("bin stock")
        verbose_name_plural = _("bin stock")
        constraints = [
            models.UniqueConstraint(
                fields=["sku", "bin", "lot"], condition=Q(lot__isnull=False), name="binstock_lot"
            ),
            models.UniqueConstraint(
                fields=["sku", "bin"], condition=Q(lot__isnull=True), name="binstock_no_lot"
            ),
            models.CheckConstraint(condition=Q(quantity__gte=0), name="binstock_quantity_gte_0"),
        ]

    def __str__(self) -> str:
        return f"{self.sku_id}@{self.bin_id}/{self.lot_id}: {self.quantity}"


class SkuValuation(models.Model):
    """Moving weighted average cost (移动加权平均) of a SKU over all warehouses."""

    sku = models.OneToOneField(Sku, primary_key=True, on_delete=models.PROTECT)
    quantity = models.BigIntegerField(default=0)
    average_cost = models.DecimalField(max_digits=14, decimal_places=4, default=Decimal(0))

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(average_cost__gte=0), name="valuation_cost_gte_0"),
        ]

    def __str__(self) -> str:
        return f"{self.sku_id}: {self.quantity} @ {self.average_cost}"


class StockMove(models.Model):
    """One append-only ledger row. Corrections are compensating moves, never edits."""

    sku = models.ForeignKey(Sku, on_delete=models.PROTECT, related_name="moves")
    warehouse = models.ForeignKey(Warehouse, on_delete=models.PROTECT, related_name="moves")
    bin = models.ForeignKey(Bin, null=True, blank=True, on_delete=models.PROTECT)
    lot = models.ForeignKey(Lot, null=True, blank=True, on_delete=models.PROTECT)
    quantity = models.BigIntegerField(_("quantity"))
    kind = models.CharField(_("kind"), max_length=16, choices=MoveKind.choices)
    reason = models.CharField(_("reason"), max_length=20, blank=True)
    unit_cost = models.DecimalField(
        _("unit cost"), max_digits=14, decimal_places=4, default=Decimal(0)
    )
    source_type = models.CharField(_("source"), max_length=40, blank=True)
    source_id = models.CharField(_("source number"), max_length=64, blank=True)
    idempotency_key = models.CharField(max_length=120, null=True, blank=True, unique=True)
    note = models.CharField(_("note"), max_length=255, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("stock move")
        verbose_name_plural = _("stock moves")
        ordering = ["id"]
        indexes = [models.Index(fields=["sku", "warehouse", "id"], name="move_sku_wh_idx")]
        constraints = [models.CheckConstraint(condition=~Q(quantity=0), name="move_not_zero")]

    def __str__(self) -> str:
        return f"{self.kind} {self.quantity:+d} sku={self.sku_id} wh={self.warehouse_id}"

    @property
    def reason_label(self) -> str:
        labels = dict(AdjustReason.choices)
        return str(labels.get(self.reason, self.reason))


class Reservation(TimeStampedModel):
    """Stock held for a reference (an order, a transfer …). Releasing sets it free again."""

    reference = models.CharField(_("reference"), max_length=120, db_index=True)
    sku = models.ForeignKey(Sku, on_delete=models.PROTECT, related_name="reservations")
    warehouse = models.ForeignKey(Warehouse, on_delete=models.PROTECT, related_name="+")
    quantity = models.BigIntegerField(_("quantity"))
    status = models.CharField(
        max_length=10, choices=ReservationStatus.choices, default=ReservationStatus.ACTIVE
    )

    class Meta:
        verbose_name = _("reservation")
        verbose_name_plural = _("reservations")
        constraints = [
            models.UniqueConstraint(
                fields=["reference", "sku", "warehouse"], name="reservation_unique"
            ),
            models.CheckConstraint(condition=Q(quantity__gt=0), name="reservation_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.quantity}"


class Transfer(TimeStampedModel):
    """Stock on its way from one warehouse to another (out → in transit → in)."""

    number = models.CharField(_("number"), max_length=32, unique=True)
    source = models.ForeignKey(Warehouse, on_delete=models.PROTECT, related_name="+")
    destination = models.ForeignKey(Warehouse, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=TransferStatus.choices,
        default=TransferStatus.IN_TRANSIT,
    )
    received_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("transfer")
        verbose_name_plural = _("transfers")
        ordering = ["-id"]

    def __str__(self) -> str:
        return self.number


class TransferLine(models.Model):
    transfer = models.ForeignKey(Transfer, on_delete=models.CASCADE, related_name="lines")
    sku = models.ForeignKey(Sku, on_delete=models.PROTECT)
    lot = models.ForeignKey(Lot, null=True, blank=True, on_delete=models.PROTECT)
    quantity = models.BigIntegerField()
    unit_cost = models.DecimalField(max_digits=14, decimal_places=4, default=Decimal(0))

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gt=0), name="transfer_qty_gt_0")
        ]

    def __str__(self) -> str:
        return f"{self.transfer_id}: {self.sku_id} × {self.quantity}"


class StockRule(TimeStampedModel):
    """Safety stock, reorder point and maximum of one SKU in one warehouse (0 max = none)."""

    sku = models.ForeignKey(Sku, on_delete=models.PROTECT, related_name="stock_rules")
    warehouse = models.ForeignKey(Warehouse, on_delete=models.PROTECT, related_name="stock_rules")
    safety_stock = models.BigIntegerField(_("safety stock"), default=0)
    reorder_point = models.BigIntegerField(_("reorder point"), default=0)
    max_stock = models.BigIntegerField(_("maximum stock"), default=0)

    class Meta:
        verbose_name = _("stock rule")
        verbose_name_plural = _("stock rules")
        constraints = [
            models.UniqueConstraint(fields=["sku", "warehouse"], name="stockrule_unique"),
            models.CheckConstraint(
                condition=Q(safety_stock__gte=0) & Q(reorder_point__gte=0) & Q(max_stock__gte=0),
                name="stockrule_gte_0",
            ),
            models.CheckConstraint(
                condition=Q(reorder_point__gte=F("safety_stock")),
                name="stockrule_reorder_gte_safety",
            ),
            models.CheckConstraint(
                condition=Q(max_stock=0) | Q(max_stock__gte=F("reorder_point")),
                name="stockrule_max_none_or_gte_reorder",
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.sku_id}@{self.warehouse_id}: "
            f"{self.safety_stock}/{self.reorder_point}/{self.max_stock}"
        )


class StockAlert(models.Model):
    """One alert; open while `resolved_at` is empty. At most one open alert per
    (kind, sku, warehouse, lot); `stock_alerts_refresh` opens, updates and resolves them."""

    kind = models.CharField(_("kind"), max_length=12, choices=AlertKind.choices)
    sku = models.ForeignKey(Sku, on_delete=models.PROTECT, related_name="stock_alerts")
    warehouse = models.ForeignKey(Warehouse, on_delete=models.PROTECT, related_name="+")
    lot = models.ForeignKey(Lot, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    quantity = models.BigIntegerField(_("quantity"))
    threshold = models.BigIntegerField(_("threshold"))
    first_seen = models.DateTimeField(_("first seen"))
    last_seen = models.DateTimeField(_("last seen"))
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)

    class Meta:
        verbose_name = _("stock alert")
        verbose_name_plural = _("stock alerts")
        ordering = ["kind", "warehouse", "sku"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "sku", "warehouse"],
                condition=Q(resolved_at__isnull=True, lot__isnull=True),
                name="stockalert_open_unique",
            ),
            models.UniqueConstraint(
                fields=["kind", "sku", "warehouse", "lot"],
                condition=Q(resolved_at__isnull=True, lot__isnull=False),
                name="stockalert_open_lot_unique",
            ),
            models.CheckConstraint(
                condition=Q(kind=AlertKind.NEAR_EXPIRY, lot__isnull=False)
                | (~Q(kind=AlertKind.NEAR_EXPIRY) & Q(lot__isnull=True)),
                name="stockalert_lot_iff_expiry",
            ),
        ]
        indexes = [
            models.Index(
                fields=["warehouse", "kind"],
                condition=Q(resolved_at__isnull=True),
                name="stockalert_open_wh_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} sku={self.sku_id} wh={self.warehouse_id} lot={self.lot_id}"
