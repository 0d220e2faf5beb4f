"""Catalog + opening stock import: encodings, per-row errors, all-or-nothing, re-import."""

from __future__ import annotations

import csv
import io

import pytest

from jxc.catalog.models import Product, Sku
from jxc.core.exceptions import ApplicationError
from jxc.core.spreadsheets import read_table, write_xlsx
from jxc.inventory.imports import catalog_import_preview, template_headers
from jxc.inventory.models import StockLevel, StockMove
from jxc.inventory.selectors import stock_drift_list
from jxc.inventory.services.imports import catalog_import_commit

from .factories import make_warehouse

pytestmark = pytest.mark.django_db
HEADERS = [
    "商家编码",
    "商品名称",
    "规格",
    "条码",
    "分类",
    "成本价",
    "销售价",
    "仓库编码",
    "期初数量",
]


def csv_bytes(rows: list[list[str]], encoding: str = "gbk", headers: list[str] = HEADERS) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


GOOD = [
    [
        "TX-01",
        "纯棉T恤",
        "颜色:红;尺码:M",
        "6901234567892",
        "服装/男装/T恤",
        "25",
        "59",
        "SH",
        "10",
    ],
    ["TX-02", "纯棉T恤", "颜色:红;尺码:L", "", "服装/男装/T恤", "25", "59", "SH", "5"],
    ["BZ-01", "保温杯", "", "", "家居", "30.5", "89", "", ""],
]


@pytest.mark.parametrize("encoding", ["gbk", "utf-8", "utf-8-sig"])
def test_import_reads_gbk_and_utf8_and_books_opening_stock(encoding: str) -> None:
    make_warehouse("SH")
    table = read_table(csv_bytes(GOOD, encoding), "export.csv")
    summary = catalog_import_commit(actor=None, table=table, filename="export.csv")
    assert summary["new_skus"] == 3
    assert summary["new_products"] == 2
    assert Sku.objects.get(merchant_code="TX-02").spec_label == "红 / L"
    assert str(Product.objects.get(title="纯棉T恤").category) == "T恤"
    assert StockLevel.objects.get(sku__merchant_code="TX-01").on_hand == 10
    assert stock_drift_list() == []


def test_reimport_updates_by_merchant_code_and_books_opening_once() -> None:
    make_warehouse("SH")
    catalog_import_commit(actor=None, table=read_table(csv_bytes(GOOD), "a.csv"))
    changed = [row[:] for row in GOOD]
    changed[0][6] = "69"
    summary = catalog_import_commit(actor=None, table=read_table(csv_bytes(changed), "a.csv"))
    assert summary["updated_skus"] == 3
    assert summary["new_skus"] == 0
    assert summary["opening_units_booked"] == 0
    assert Sku.objects.count() == 3
    assert str(Sku.objects.get(merchant_code="TX-01").sale_price) == "69.00"
    assert StockLevel.objects.get(sku__merchant_code="TX-01").on_hand == 10


def test_every_bad_row_is_reported_and_nothing_is_written() -> None:
    make_warehouse("SH")
    rows = [
        ["TX-01", "", "颜色红", "123", "", "abc", "-1", "SH", "2.5"],
        ["TX 02", "杯子", "", "", "", "", "", "XX", "3"],
        ["TX-03", "杯子", "", "", "", "", "", "SH", "1"],
        ["TX-03", "杯子", "", "", "", "", "", "SH", "1"],
    ]
    plan = catalog_import_preview(read_table(csv_bytes(rows), "bad.csv"))
    found = {(e["row"], e["column"]) for e in plan.errors}
    assert {(2, "商品名称"), (2, "规格"), (2, "成本价"), (2, "销售价"), (2, "期初数量")} <= found
    assert (2, "条码") not in found  # a short numeric code is valid Code128
    assert {(3, "商家编码"), (3, "仓库编码"), (5, "商家编码")} <= found
    with pytest.raises(ApplicationError) as error:
        catalog_import_commit(actor=None, table=read_table(csv_bytes(rows), "bad.csv"))
    assert error.value.code == "import_invalid"
    assert not Sku.objects.exists()
    assert not StockMove.objects.exists()


def test_wrong_headers_and_empty_and_wrong_format() -> None:
    with pytest.raises(ApplicationError) as error:
        catalog_import_preview(read_table(csv_bytes([["x"]], headers=["编码", "名称"]), "f.csv"))
    assert error.value.code == "bad_headers"
    assert "商家编码" in error.value.message
    with pytest.raises(ApplicationError):
        read_table(b"", "f.csv")
    with pytest.raises(ApplicationError):
        read_table(b"PK\x03\x04broken", "f.xlsx")
    with pytest.raises(ApplicationError):
        read_table(b"data", "f.pdf")
    assert read_table("商家编码,商品名称\n\n\nA-1,杯\n".encode(), "f.csv").rows == [
        (4, {"商家编码": "A-1", "商品名称": "杯"})
    ]


def test_xlsx_template_round_trip() -> None:
    make_warehouse("SH")
    headers = template_headers()
    row: dict[str, object] = dict.fromkeys(headers, "")
    row.update(
        {"商家编码": "XL-1", "商品名称": "抽纸", "期初数量": 7, "仓库编码": "SH", "销售价": 12.9}
    )
    data = write_xlsx(headers, [[row[h] for h in headers]])
    summary = catalog_import_commit(actor=None, table=read_table(data, "t.xlsx"))
    assert summary["new_skus"] == 1
    assert StockLevel.objects.get(sku__merchant_code="XL-1").on_hand == 7


def test_too_many_rows_is_a_clear_error() -> None:
    rows = "\n".join(f"C-{i},杯" for i in range(12))
    with pytest.raises(ApplicationError) as error:
        read_table(f"商家编码,商品名称\n{rows}\n".encode(), "big.csv", max_rows=10)
    assert error.value.code == "too_many_rows"


def test_import_page_preview_then_commit(make_user, login_client) -> None:
    make_warehouse("SH")
    client = login_client(make_user("admin"))
    template = client.get("/inventory/import/template.xlsx")
    assert template.status_code == 200
    assert read_table(template.content, "t.xlsx").headers[:2] == ["商家编码", "商品名称"]
    upload = io.BytesIO(csv_bytes(GOOD))
    upload.name = "淘宝导出.csv"
    preview = client.post("/inventory/import/", {"file": upload})
    assert preview.status_code == 200
    assert preview.context["summary"]["new_skus"] == 3
    assert not Sku.objects.exists()  # preview writes nothing
    expired = client.post("/inventory/import/", {"token": "0" * 32, "filename": "淘宝导出.csv"})
    assert expired.status_code == 302
    assert not Sku.objects.exists()
    committed = client.post(
        "/inventory/import/",
        {"token": preview.context["token"], "filename": preview.context["filename"]},
    )
    assert committed.status_code == 302
    assert Sku.objects.count() == 3
    export = client.get("/inventory/export.xlsx")
    table = read_table(export.content, "stock.xlsx")
    first = table.headers[0]
    assert [row[first] for _n, row in table.rows] == ["TX-01", "TX-02"]


def test_import_page_shows_row_errors(make_user, login_client) -> None:
    client = login_client(make_user("admin"))
    upload = io.BytesIO(csv_bytes([["", "杯", "", "", "", "x", "", "", ""]]))
    upload.name = "bad.csv"
    response = client.post("/inventory/import/", {"file": upload})
    assert {(e["row"], e["column"]) for e in response.context["errors"]} == {
        (2, "商家编码"),
        (2, "成本价"),
    }
    assert 'data-testid="import-commit"' not in response.content.decode()
