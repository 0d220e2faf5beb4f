"""Import products, SKUs and opening stock from a spreadsheet (.xlsx or .csv, GBK or UTF-8).

`catalog_import_preview` checks every row and lists problems as {row, column, message} without
writing anything; `catalog_import_commit` writes everything in one transaction or nothing.
Re-importing updates SKUs by merchant code (商家编码) instead of duplicating them, and opening
stock is booked once per SKU × warehouse (a repeat is recognised by its idempotency key).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from jxc.catalog.domain import barcode_problem, merchant_code_problem
from jxc.catalog.enums import ProductStatus
from jxc.catalog.models import Sku
from jxc.core.exceptions import ApplicationError
from jxc.core.spreadsheets import Table

from .models import Bin, Warehouse

# (key, Chinese header, English header, required)
COLUMNS: list[tuple[str, str, str, bool]] = [
    ("merchant_code", "商家编码", "merchant_code", True),
    ("title", "商品名称", "title", True),
    ("specs", "规格", "specs", False),
    ("barcode", "条码", "barcode", False),
    ("category", "分类", "category", False),
    ("brand", "品牌", "brand", False),
    ("unit", "单位", "unit", False),
    ("cost_price", "成本价", "cost_price", False),
    ("sale_price", "销售价", "sale_price", False),
    ("weight_g", "重量(g)", "weight_g", False),
    ("length_cm", "长(cm)", "length_cm", False),
    ("width_cm", "宽(cm)", "width_cm", False),
    ("height_cm", "高(cm)", "height_cm", False),
    ("status", "状态", "status", False),
    ("shelf_life_days", "保质期(天)", "shelf_life_days", False),
    ("warehouse", "仓库编码", "warehouse", False),
    ("bin", "库位", "bin", False),
    ("opening_qty", "期初数量", "opening_qty", False),
    ("lot_no", "批次号", "lot_no", False),
    ("expiry_date", "到期日", "expiry_date", False),
]
STATUS_WORDS = {
    "草稿": ProductStatus.DRAFT,
    "上架": ProductStatus.ON_SALE,
    "下架": ProductStatus.OFF_SALE,
    **{s.value: s for s in ProductStatus},
}


@dataclass
class ImportRow:
    row: int
    merchant_code: str
    title: str
    specs: dict[str, str] = field(default_factory=dict)
    values: dict[str, Any] = field(default_factory=dict)
    warehouse: Warehouse | None = None
    bin: Bin | None = None
    opening_qty: int = 0
    lot_no: str = ""
    expiry_date: dt.date | None = None


@dataclass
class ImportPlan:
    rows: list[ImportRow]
    errors: list[dict[str, Any]]
    existing: dict[str, Sku]

    @property
    def summary(self) -> dict[str, int]:
        codes = {r.merchant_code for r in self.rows}
        return {
            "rows": len(self.rows),
            "new_skus": len(codes - set(self.existing)),
            "updated_skus": len(codes & set(self.existing)),
            "products": len({r.title for r in self.rows}),
            "opening_lines": sum(1 for r in self.rows if r.opening_qty > 0),
            "opening_units": sum(r.opening_qty for r in self.rows),
        }


def template_headers() -> list[str]:
    return [chinese for _key, chinese, _en, _required in COLUMNS]


def _header_map(headers: list[str]) -> dict[str, str]:
    """key → header found in the file; raises when a required column is missing."""
    found: dict[str, str] = {}
    lowered = {h.strip().lower(): h for h in headers}
    for key, chinese, english, _required in COLUMNS:
        for name in (chinese, english):
            if name.lower() in lowered:
                found[key] = lowered[name.lower()]
                break
    missing = [chinese for key, chinese, _en, required in COLUMNS if required and key not in found]
    if missing:
        raise ApplicationError(
            _("Required columns are missing: %(cols)s. Download the template for the headers.")
            % {"cols": "、".join(missing)},
            code="bad_headers",
            details=[{"row": 1, "column": col, "message": _("missing")} for col in missing],
        )
    return found


class RowErrors:
    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []

    def add(self, row: int, column: str, message: str) -> None:
        self.items.append({"row": row, "column": column, "message": message})


def _decimal(text: str, row: int, column: str, errors: RowErrors) -> Decimal | None:
    if not text:
        return None
    try:
        value = Decimal(text.replace(",", "").replace("¥", "").strip())
    except InvalidOperation:
        errors.add(row, column, _("'%(text)s' is not a number.") % {"text": text})
        return None
    if value < 0 or not value.is_finite():
        errors.add(row, column, _("Must be zero or more."))
        return None
    return value


def _integer(text: str, row: int, column: str, errors: RowErrors) -> int | None:
    value = _decimal(text, row, column, errors)
    if value is None:
        return None
    if value != value.to_integral_value():
        errors.add(row, column, _("Must be a whole number."))
        return None
    return int(value)


def _date(text: str, row: int, column: str, errors: RowErrors) -> dt.date | None:
    if not text:
        return None
    for fmt in ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d"):
        try:
            return dt.datetime.strptime(text[:10], fmt).date()  # noqa: DTZ007 - a calendar date
        except ValueError:
            continue
    errors.add(row, column, _("'%(text)s' is not a date like 2026-12-31.") % {"text": text})
    return None


def _specs(text: str, row: int, column: str, errors: RowErrors) -> dict[str, str]:
    specs: dict[str, str] = {}
    for part in text.replace("；", ";").replace("：", ":").split(";"):
        if not part.strip():
            continue
        name, sep, value = part.partition(":")
        if not sep or not name.strip() or not value.strip():
            errors.add(row, column, _("Write specs as 颜色:红;尺码:M."))
            return {}
        specs[name.strip()] = value.strip()
    return specs


def _parse_row(
    number: int, cells: dict[str, str], columns: dict[str, str], errors: RowErrors
) -> ImportRow:
    def text(key: str) -> str:
        return cells.get(columns[key], "").strip() if key in columns else ""

    def label(key: str) -> str:
        return columns.get(key, key)

    code, title = text("merchant_code"), text("title")
    if not code:
        errors.add(number, label("merchant_code"), _("Required."))
    elif merchant_code_problem(code):
        errors.add(
            number,
            label("merchant_code"),
            _("Use letters, digits and - _ . # / only (at most 64)."),
        )
    if not title:
        errors.add(number, label("title"), _("Required."))
    elif len(title) > 120:
        errors.add(number, label("title"), _("At most 120 characters."))
    row = ImportRow(number, code, title)
    row.specs = _specs(text("specs"), number, label("specs"), errors)
    barcode = text("barcode")
    if barcode and barcode_problem(barcode):
        errors.add(number, label("barcode"), _("Not a valid EAN-13 or Code128 barcode."))
    status_text = text("status")
    status = STATUS_WORDS.get(status_text) if status_text else ProductStatus.DRAFT
    if status is None:
        errors.add(number, label("status"), _("Use 草稿, 上架 or 下架."))
    row.values = {
        "barcode": barcode or None,
        "category": text("category"),
        "brand": text("brand"),
        "unit": text("unit") or "件",
        "status": status or ProductStatus.DRAFT,
        "cost_price": _decimal(text("cost_price"), number, label("cost_price"), errors)
        or Decimal(0),
        "sale_price": _decimal(text("sale_price"), number, label("sale_price"), errors)
        or Decimal(0),
        "weight_g": _integer(text("weight_g"), number, label("weight_g"), errors),
        "length_cm": _decimal(text("length_cm"), number, label("length_cm"), errors),
        "width_cm": _decimal(text("width_cm"), number, label("width_cm"), errors),
        "height_cm": _decimal(text("height_cm"), number, label("height_cm"), errors),
        "shelf_life_days": _integer(
            text("shelf_life_days"), number, label("shelf_life_days"), errors
        ),
    }
    row.opening_qty = _integer(text("opening_qty"), number, label("opening_qty"), errors) or 0
    row.lot_no = text("lot_no")
    row.expiry_date = _date(text("expiry_date"), number, label("expiry_date"), errors)
    row.values["warehouse_code"] = text("warehouse").upper()
    row.values["bin_code"] = text("bin")
    return row


def _check_against_database(
    rows: list[ImportRow], columns: dict[str, str], errors: RowErrors
) -> dict[str, Sku]:
    codes = {r.merchant_code for r in rows if r.merchant_code}
    existing = {
        s.merchant_code: s
        for s in Sku.objects.filter(merchant_code__in=codes).select_related("product")
    }
    barcodes = {r.values["barcode"] for r in rows if r.values.get("barcode")}
    owners = dict(Sku.objects.filter(barcode__in=barcodes).values_list("barcode", "merchant_code"))
    warehouses = {w.code: w for w in Warehouse.objects.all()}
    bins = {
        (b.warehouse_id, b.code): b for b in Bin.objects.filter(warehouse__in=warehouses.values())
    }
    seen_code_warehouse: set[tuple[str, str]] = set()
    seen_barcode: dict[str, str] = {}
    for row in rows:
        barcode = row.values.get("barcode")
        if barcode:
            owner = owners.get(barcode) or seen_barcode.get(barcode)
            if owner and owner != row.merchant_code:
                errors.add(
                    row.row,
                    columns.get("barcode", "barcode"),
                    _("Barcode already belongs to %(code)s.") % {"code": owner},
                )
            seen_barcode.setdefault(barcode, row.merchant_code)
        code_wh = (row.merchant_code, row.values["warehouse_code"])
        if code_wh in seen_code_warehouse:
            errors.add(
                row.row,
                columns["merchant_code"],
                _("This merchant code appears twice (for the same warehouse)."),
            )
        seen_code_warehouse.add(code_wh)
        _check_opening(row, warehouses, bins, columns, errors)
    return existing


def _check_opening(
    row: ImportRow,
    warehouses: dict[str, Warehouse],
    bins: dict[tuple[int, str], Bin],
    columns: dict[str, str],
    errors: RowErrors,
) -> None:
    code = row.values["warehouse_code"]
    if not row.opening_qty:
        return
    if not code:
        errors.add(
            row.row,
            columns.get("warehouse", "仓库编码"),
            _("Opening stock needs a warehouse code."),
        )
        return
    row.warehouse = warehouses.get(code)
    if row.warehouse is None:
        errors.add(
            row.row,
            columns.get("warehouse", "仓库编码"),
            _("No warehouse with code %(code)s.") % {"code": code},
        )
        return
    bin_code = row.values["bin_code"]
    if bin_code:
        row.bin = bins.get((row.warehouse.pk, bin_code))
        if row.bin is None:
            errors.add(
                row.row,
                columns.get("bin", "库位"),
                _("No bin %(bin)s in %(wh)s.") % {"bin": bin_code, "wh": code},
            )
    elif not any(key[0] == row.warehouse.pk for key in bins):
        errors.add(
            row.row,
            columns.get("warehouse", "仓库编码"),
            _("Warehouse %(code)s has no bins yet.") % {"code": code},
        )
    if row.values.get("shelf_life_days") and row.expiry_date is None:
        errors.add(
            row.row,
            columns.get("expiry_date", "到期日"),
            _("Expiry-tracked goods need an expiry date."),
        )
    if row.values.get("shelf_life_days") and not row.lot_no:
        errors.add(
            row.row, columns.get("lot_no", "批次号"), _("Expiry-tracked goods need a lot number.")
        )


def catalog_import_preview(table: Table) -> ImportPlan:
    """Check every row; nothing is written. Errors name the spreadsheet row and column."""
    columns = _header_map(table.headers)
    errors = RowErrors()
    rows = [_parse_row(number, cells, columns, errors) for number, cells in table.rows]
    if not rows:
        errors.add(2, "", _("The file has a header row but no data rows."))
    existing = _check_against_database(rows, columns, errors) if rows else {}
    return ImportPlan(rows, errors.items, existing)
