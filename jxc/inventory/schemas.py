"""API shapes for warehouses and stock. SKUs may be named by id or merchant code, warehouses
by id or code."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ninja import Field, Schema

from .enums import AdjustReason, WarehouseKind


class WarehouseIn(Schema):
    code: str = Field(min_length=1, max_length=20)
    name: str = Field(min_length=1, max_length=80)
    kind: WarehouseKind = WarehouseKind.OWN
    address: str = ""
    bins: str = Field("", description='Bin codes to create in storage, e.g. "A-{01..03}-{01..05}"')


class WarehouseOut(Schema):
    id: int
    code: str
    name: str
    kind: str
    address: str


class LevelOut(Schema):
    sku_id: int
    merchant_code: str = Field(alias="sku.merchant_code")
    warehouse_id: int
    warehouse: str = Field(alias="warehouse.code")
    on_hand: int
    reserved: int
    available: int
    in_transit: int


class ReceiptIn(Schema):
    sku: str
    warehouse: str
    quantity: int = Field(gt=0)
    unit_cost: Decimal | None = Field(None, ge=0, max_digits=14, decimal_places=4)
    bin: str | None = None
    lot_no: str = ""
    production_date: dt.date | None = None
    expiry_date: dt.date | None = None
    reason: str = ""
    note: str = ""


class AdjustmentIn(Schema):
    sku: str
    warehouse: str
    quantity: int = Field(description="positive for a surplus, negative for a shortage")
    reason: AdjustReason
    bin: str | None = None
    note: str = ""


class TransferLineIn(Schema):
    sku: str
    quantity: int = Field(gt=0)


class TransferIn(Schema):
    source: str
    destination: str
    lines: list[TransferLineIn] = Field(min_length=1)


class TransferReceiveIn(Schema):
    bin: str | None = None


class TransferOut(Schema):
    id: int
    number: str
    source: str = Field(alias="source.code")
    destination: str = Field(alias="destination.code")
    status: str


class ReservationIn(Schema):
    sku: str
    warehouse: str
    quantity: int = Field(gt=0)
    reference: str = Field(min_length=1, max_length=120)


class ReservationOut(Schema):
    reference: str
    sku: str = Field(alias="sku.merchant_code")
    warehouse: str = Field(alias="warehouse.code")
    quantity: int
    status: str


class ReleaseOut(Schema):
    reference: str
    released: int


class MoveOut(Schema):
    id: int
    at: dt.datetime
    kind: str
    quantity: int
    sku: str = Field(alias="sku.merchant_code")
    warehouse: str = Field(alias="warehouse.code")
    bin: str | None = Field(None, alias="bin.code")
    lot: str | None = Field(None, alias="lot.lot_no")
    unit_cost: Decimal
    reason: str
    source_type: str
    source_id: str
