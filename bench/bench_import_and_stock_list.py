"""Import 10,000 SKUs with opening stock, then time the stock list page over many SKUs.

Prints one JSON line: import seconds (preview + commit), and the stock list page's median/p95
milliseconds and SQL queries per page at two page sizes (queries must not grow with page size).
JXC_BENCH_LIST_SKUS sets how many SKUs the stock list holds (default 100,000; they are added by
bulk insert of consistent ledger rows after the timed import).
"""

from __future__ import annotations

import csv
import io
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
TMP = tempfile.mkdtemp(prefix="jxc-bench-import-")
os.environ.setdefault("JXC_DATABASE_URL", f"sqlite:///{TMP}/bench.sqlite3")
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

IMPORT_SKUS = int(os.environ.get("JXC_BENCH_IMPORT_SKUS", "10000"))
LIST_SKUS = int(os.environ.get("JXC_BENCH_LIST_SKUS", "100000"))
ROUNDS = int(os.environ.get("JXC_BENCH_ROUNDS", "40"))


def import_file(count: int) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        ["商家编码", "商品名称", "规格", "分类", "成本价", "销售价", "仓库编码", "期初数量"]
    )
    for i in range(count):
        product = i // 10
        writer.writerow(
            [
                f"IM-{i:06d}",
                f"导入商品{product:05d}",
                f"尺码:{i % 10}",
                "服装/导入",
                "10",
                "25",
                "SH",
                str(1 + i % 50),
            ]
        )
    return buffer.getvalue().encode("gbk")


def bulk_ledger(count: int, warehouse_id: int, bin_id: int) -> None:
    """Add `count` SKUs with one receipt each, written as consistent ledger rows in bulk."""
    from jxc.catalog.models import Product, Sku
    from jxc.inventory.models import BinStock, SkuValuation, StockLevel, StockMove

    product = Product.objects.create(title="批量商品")
    skus = Sku.objects.bulk_create(
        [Sku(product=product, merchant_code=f"BL-{i:07d}") for i in range(count)], batch_size=5000
    )
    StockLevel.objects.bulk_create(
        [StockLevel(sku=s, warehouse_id=warehouse_id, on_hand=5) for s in skus], batch_size=5000
    )
    BinStock.objects.bulk_create(
        [BinStock(sku=s, bin_id=bin_id, quantity=5) for s in skus], batch_size=5000
    )
    SkuValuation.objects.bulk_create(
        [SkuValuation(sku=s, quantity=5) for s in skus], batch_size=5000
    )
    StockMove.objects.bulk_create(
        [
            StockMove(sku=s, warehouse_id=warehouse_id, bin_id=bin_id, quantity=5, kind="opening")
            for s in skus
        ],
        batch_size=5000,
    )


def time_page(client: Client, url: str) -> dict[str, float]:
    timings, queries = [], []
    for _ in range(ROUNDS):
        reset_queries()
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        queries.append(len(connection.queries))
        assert response.status_code == 200
    timings.sort()
    return {
        "median_ms": round(statistics.median(timings), 1),
        "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 1),
        "queries": max(queries),
    }


def main() -> None:
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from jxc.accounts.demo import demo_users_load
        from jxc.accounts.models import User
        from jxc.core.spreadsheets import read_table
        from jxc.inventory.imports import catalog_import_preview
        from jxc.inventory.selectors import stock_drift_list
        from jxc.inventory.services.imports import catalog_import_commit
        from jxc.inventory.tests.factories import make_warehouse

        demo_users_load()
        warehouse, bins = make_warehouse("SH", bins="A-{01..10}")
        data = import_file(IMPORT_SKUS)
        start = time.perf_counter()
        table = read_table(data, "bench.csv")
        plan = catalog_import_preview(table)
        preview_s = time.perf_counter() - start
        assert not plan.errors, plan.errors[:3]
        summary = catalog_import_commit(actor=None, table=table, filename="bench.csv")
        import_s = time.perf_counter() - start
        drift_free = stock_drift_list() == []
        bulk_ledger(max(0, LIST_SKUS - IMPORT_SKUS), warehouse.pk, bins[0].pk)
        settings.DEBUG = True
        client = Client()
        client.force_login(User.objects.get(username="admin"))
        settings.JXC_PAGE_SIZE = 50
        page50 = time_page(client, "/inventory/?page=500")
        settings.JXC_PAGE_SIZE = 200
        page200 = time_page(client, "/inventory/?page=100")
        search = time_page(client, "/inventory/?q=IM-0099")
        results = {
            "benchmark": "import_and_stock_list",
            "database": connection.vendor,
            "import_skus": IMPORT_SKUS,
            "import_preview_s": round(preview_s, 2),
            "import_total_s": round(import_s, 2),
            "import_new_skus": summary["new_skus"],
            "import_opening_units": summary["opening_units_booked"],
            "ledger_consistent_after_import": drift_free,
            "stock_list_skus": max(LIST_SKUS, IMPORT_SKUS),
            "stock_list_page_50": page50,
            "stock_list_page_200": page200,
            "stock_list_search": search,
        }
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    print(json.dumps(results, ensure_ascii=False))


if __name__ == "__main__":
    main()
