"""Run many real workers (threads or forked processes, each with its own database connection)
reserving stock at once, and report what happened as JSON.

Used by the concurrency tests and the reservation benchmark; runs in its own process against
the database in JXC_DATABASE_URL (a scratch database: it migrates it and adds its own rows).

    python -m jxc.inventory.tests.concurrency.harness --scenario hot --mode threads \
        --workers 50 --stock 10 --reps 20
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
import threading
import time
import uuid
from collections import Counter
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, connections  # noqa: E402

from jxc.catalog.models import Sku  # noqa: E402
from jxc.inventory.exceptions import InsufficientStock  # noqa: E402
from jxc.inventory.models import StockLevel, Warehouse  # noqa: E402
from jxc.inventory.selectors import stock_drift_list  # noqa: E402
from jxc.inventory.services import ReservationLine, stock_receive, stock_reserve  # noqa: E402
from jxc.inventory.tests.factories import make_sku, make_warehouse  # noqa: E402


def seed(stock: int, sku_count: int) -> tuple[int, list[int]]:
    tag = uuid.uuid4().hex[:6].upper()
    warehouse, _bins = make_warehouse(f"W{tag}")
    skus = []
    for index in range(sku_count):
        sku = make_sku(f"C-{tag}-{index}")
        stock_receive(actor=None, sku=sku, warehouse=warehouse, quantity=stock)
        skus.append(sku.pk)
    return warehouse.pk, skus


def attempt(warehouse_id: int, sku_ids: list[int], reference: str) -> str:
    warehouse = Warehouse.objects.get(pk=warehouse_id)
    lines = [ReservationLine(Sku.objects.get(pk=pk), warehouse, 1) for pk in sku_ids]
    try:
        stock_reserve(reference=reference, lines=lines)
        return "reserved"
    except InsufficientStock:
        return "insufficient_stock"
    except Exception as exc:  # any other outcome is an error the test reports
        return f"error: {type(exc).__name__}: {exc}"[:200]
    finally:
        connection.close()


def _orders(index: int, skus: list[int]) -> list[int]:
    return skus if index % 2 == 0 else list(reversed(skus))


def run_threads(workers: int, warehouse_id: int, skus: list[int], tag: str) -> list[str]:
    results: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(workers)

    def work(index: int) -> None:
        barrier.wait()
        outcome = attempt(warehouse_id, _orders(index, skus), f"{tag}-{index}")
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def _process_work(args: tuple[int, list[int], str, Any]) -> str:
    warehouse_id, skus, reference, barrier = args
    barrier.wait()
    return attempt(warehouse_id, skus, reference)


def run_processes(workers: int, warehouse_id: int, skus: list[int], tag: str) -> list[str]:
    connections.close_all()  # forked children must open their own connections
    context = multiprocessing.get_context("fork")
    barrier = context.Manager().Barrier(workers)
    jobs = [(warehouse_id, _orders(i, skus), f"{tag}-{i}", barrier) for i in range(workers)]
    with context.Pool(workers) as pool:
        return pool.map(_process_work, jobs)


def main(argv: list[str]) -> dict[str, Any]:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scenario", choices=["hot", "multi"], default="hot")
    parser.add_argument("--mode", choices=["threads", "processes"], default="threads")
    parser.add_argument("--workers", type=int, default=50)
    parser.add_argument("--stock", type=int, default=10)
    parser.add_argument("--reps", type=int, default=1)
    args = parser.parse_args(argv)
    call_command("migrate", verbosity=0)
    runs = []
    for rep in range(args.reps):
        warehouse_id, skus = seed(args.stock, 1 if args.scenario == "hot" else 2)
        runner = run_threads if args.mode == "threads" else run_processes
        started = time.perf_counter()
        outcomes = runner(args.workers, warehouse_id, skus, f"R{rep}-{uuid.uuid4().hex[:6]}")
        elapsed = time.perf_counter() - started
        reserved = [
            StockLevel.objects.get(sku_id=pk, warehouse_id=warehouse_id).reserved for pk in skus
        ]
        counts = Counter(o if not o.startswith("error") else "error" for o in outcomes)
        runs.append(
            {
                "outcomes": dict(counts),
                "errors": sorted({o for o in outcomes if o.startswith("error")})[:3],
                "reserved": reserved,
                "seconds": round(elapsed, 3),
            }
        )
    drift = [d.__dict__ for d in stock_drift_list()]
    return {"vendor": connection.vendor, "args": vars(args), "runs": runs, "drift": drift}


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:])))
