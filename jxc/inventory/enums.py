from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class WarehouseKind(models.TextChoices):
    OWN = "own", _("Own warehouse")
    THIRD_PARTY = "3pl", _("Third-party (3PL)")


class ZoneKind(models.TextChoices):
    STORAGE = "storage", _("Storage")
    PICKING = "picking", _("Picking")
    PACKING = "packing", _("Packing")
    SHIPPING = "shipping", pgettext_lazy("zone", "Shipping")
    RETURNS = "returns", _("Returns")
    DEFECTS = "defects", _("Defects")


class MoveKind(models.TextChoices):
    RECEIPT = "receipt", _("Receipt")
    OPENING = "opening", _("Opening stock")
    SHIPMENT = "shipment", _("Shipment")
    RETURN_IN = "return_in", _("Customer return")
    ADJUST = "adjust", _("Adjustment")
    PUTAWAY = "putaway", _("Bin move")
    TRANSFER_OUT = "transfer_out", _("Transfer out")
    TRANSFER_IN = "transfer_in", _("Transfer in")
    STOCKTAKE = "stocktake", _("Stocktake")
    SCRAP = "scrap", _("Scrap")


class AdjustReason(models.TextChoices):
    COUNT_SURPLUS = "count_surplus", _("Count surplus (盘盈)")
    COUNT_SHORTAGE = "count_shortage", _("Count shortage (盘亏)")
    DAMAGED = "damaged", _("Damaged")
    EXPIRED = "expired", _("Expired")
    SAMPLE = "sample", _("Sample")
    OTHER = "other", _("Other")


class TransferStatus(models.TextChoices):
    IN_TRANSIT = "in_transit", _("In transit")
    RECEIVED = "received", _("Received")


class ReservationStatus(models.TextChoices):
    ACTIVE = "active", pgettext_lazy("reservation", "Active")
    RELEASED = "released", _("Released")
