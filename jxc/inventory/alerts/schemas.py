"""API shapes for stock rules, alerts and near-expiry lots."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Schema


class RuleIn(Schema):
    sku: str = Field(description="SKU id or merchant code (商家编码)")
    warehouse: str = Field(description="warehouse id or code")
    safety_stock: int = Field(0, description="alert LOW when available falls below this")
    reorder_point: int = Field(0, description="alert REORDER when available is at or below this")
    max_stock: int = Field(0, description="alert OVER when on hand exceeds this; 0 = no maximum")


class RuleOut(Schema):
    sku_id: int
    sku: str = Field(alias="sku.merchant_code")
    warehouse_id: int
    warehouse: str = Field(alias="warehouse.code")
    safety_stock: int
    reorder_point: int
    max_stock: int
    updated_at: dt.datetime


class AlertOut(Schema):
    id: int
    kind: str
    sku_id: int
    sku: str = Field(alias="sku.merchant_code")
    title: str = Field(alias="sku.product.title")
    warehouse_id: int
    warehouse: str = Field(alias="warehouse.code")
    lot: str | None = Field(None, alias="lot.lot_no")
    expiry_date: dt.date | None = Field(None, alias="lot.expiry_date")
    quantity: int = Field(description="available (LOW, REORDER), on hand (OVER), lot units")
    threshold: int = Field(description="the rule's limit; for NEAR_EXPIRY the days looked ahead")
    first_seen: dt.datetime
    last_seen: dt.datetime


class NearExpiryOut(Schema):
    sku_id: int
    sku: str = Field(alias="merchant_code")
    title: str
    warehouse_id: int
    warehouse: str
    bin: str
    lot_no: str
    expiry_date: dt.date
    days_left: int
    quantity: int
