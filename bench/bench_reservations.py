"""Reservations per second with 1, 4 and 16 concurrent clients, and how far each layer is from
the raw SQL floor.

For every database (SQLite temp file in WAL mode; PostgreSQL scratch database created and dropped
here, skipped with a reason when the server is unreachable) and every workload
    hot     one SKU with 10,000,000 on hand (never runs out during the run),
    spread  10,000 SKUs with 1,000 on hand each, every reservation picks one at random,
it measures three layers, each with 1, 4 and 16 client threads for JXC_BENCH_SECONDS (3 s):
    service  `stock_reserve()` called in threads, one Django connection per thread (SKU and
             warehouse objects loaded beforehand, so only the service call is timed);
    api      `POST /api/v1/stock/reservations` with a Bearer token against `jxc serve` (gunicorn,
             2 workers x 4 threads) on the same database, keep-alive connections over 127.0.0.1;
    raw      the floor: plain sqlite3 / psycopg connections (driver defaults, same SQLite
             pragmas and BEGIN IMMEDIATE as Django) running only the minimal SQL in one
             transaction, the conditional `UPDATE inventory_stocklevel SET reserved =
             reserved + 1 WHERE id = ? AND on_hand - reserved >= 1` plus one
             `INSERT INTO inventory_reservation`.
The data is seeded through the product's services (`jxc demo`, `product_create`,
`stock_receive`, the import's `stock_opening_bulk`) and must pass `stock_drift_list()`.

Both the service layer and the server run with the deployed settings (config.settings.dev,
JXC_DEBUG=0), so each `stock_reserve()` also queues one stock-alert refresh task in the database
queue after its commit. The server is started with `--no-worker` so the task worker does not
compete with the cells; afterwards one `jxc worker` works the queue for JXC_BENCH_DRAIN_SECONDS
(3 s) and the drain rate and backlog are reported ("alert_refresh_worker"); the refreshes queued
by the demo and the seeding are removed from the scratch queue before the cells.

Every reservation has its own reference (1 unit). After each cell SQL checks that no stock level
has reserved > on_hand and that every level's reserved equals the sum of its active
reservations ("oversold" must be 0), and that the rows written equal the successes counted.

Prints one JSON line: per cell reservations/s, p50/p95 latency in ms and errors, the ratio
service/raw (and api/raw) per cell, and the targets (service >= 50 % of raw; >= 1,000/s on
PostgreSQL with 16 clients over 10,000 SKUs; zero oversell).

The matrix can be cut down with comma lists: JXC_BENCH_RESERVATION_CLIENTS (1,4,16),
JXC_BENCH_RESERVATION_LAYERS (raw,service,api), JXC_BENCH_RESERVATION_WORKLOADS (hot,spread),
JXC_BENCH_DATABASES (sqlite,postgresql); JXC_BENCH_SKUS (10000) and JXC_BENCH_PG_URL
(postgres://postgres@127.0.0.1:5432) change the spread size and the PostgreSQL server.

The script runs itself once per database as a child process (`--child`), because Django is set
up for exactly one database per process; the parent creates/drops the scratch databases.
"""

from __future__ import annotations

import http.client
import json
import os
import platform
import random
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from jxc.catalog.models import Sku
    from jxc.inventory.models import Warehouse

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECONDS = float(os.environ.get("JXC_BENCH_SECONDS", "3"))
CLIENTS = [int(c) for c in _env_list("JXC_BENCH_RESERVATION_CLIENTS", "1,4,16")]
LAYERS = _env_list("JXC_BENCH_RESERVATION_LAYERS", "raw,service,api")
WORKLOADS = _env_list("JXC_BENCH_RESERVATION_WORKLOADS", "hot,spread")
DATABASES = _env_list("JXC_BENCH_DATABASES", "sqlite,postgresql")
SKU_COUNT = int(os.environ.get("JXC_BENCH_SKUS", "10000"))
DRAIN_SECONDS = float(os.environ.get("JXC_BENCH_DRAIN_SECONDS", "3"))
PG_URL = os.environ.get("JXC_BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432").rstrip("/")
HOT_STOCK = 10_000_000
SPREAD_STOCK = 1_000
SERVER = ["--workers", "2", "--threads", "4"]
RAW_UPDATE = (
    "UPDATE inventory_stocklevel SET reserved = reserved + 1 "
    "WHERE id = {p} AND on_hand - reserved >= 1"
)
RAW_INSERT = {
    "sqlite": (
        "INSERT INTO inventory_reservation "
        "(created_at, updated_at, reference, sku_id, warehouse_id, quantity, status) VALUES "
        "(strftime('%Y-%m-%d %H:%M:%f', 'now'), strftime('%Y-%m-%d %H:%M:%f', 'now'), "
        "?, ?, ?, 1, 'active')"
    ),
    "postgresql": (
        "INSERT INTO inventory_reservation "
        "(created_at, updated_at, reference, sku_id, warehouse_id, quantity, status) VALUES "
        "(now(), now(), %s, %s, %s, 1, 'active')"
    ),
}


# --------------------------------------------------------------------------- parent process


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        child()
        return
    started = time.perf_counter()
    results: dict[str, Any] = {
        "benchmark": "reservations",
        "seconds_per_cell": SECONDS,
        "clients": CLIENTS,
        "server": "jxc serve --no-worker: gunicorn 2 workers x 4 threads",
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_average_at_start": round(os.getloadavg()[0], 2),
        },
        "databases": {},
    }
    for database in DATABASES:
        runner = run_postgresql if database == "postgresql" else run_sqlite
        results["databases"][database] = runner()
    results["targets"] = targets(results["databases"])
    results["machine"]["load_average_at_end"] = round(os.getloadavg()[0], 2)
    results["total_seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(results, ensure_ascii=False))


def run_sqlite() -> dict[str, Any]:
    tmp = tempfile.mkdtemp(prefix="jxc-reservations-")
    try:
        return run_child(f"sqlite:///{tmp}/reservations.sqlite3", tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run_postgresql() -> dict[str, Any]:
    import psycopg

    try:
        admin = psycopg.connect(f"{PG_URL}/postgres", autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        return {"skipped": f"PostgreSQL is not reachable at {PG_URL}: {exc}".strip()}
    name = f"jxc_bench_reservations_{uuid.uuid4().hex[:8]}"
    tmp = tempfile.mkdtemp(prefix="jxc-reservations-")
    try:
        admin.execute(f'CREATE DATABASE "{name}"')
        version = admin.execute("SHOW server_version").fetchone()
        result = run_child(f"{PG_URL}/{name}", tmp)
        result["server_version"] = version[0] if version else None
        return result
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
        shutil.rmtree(tmp, ignore_errors=True)


def run_child(url: str, tmp: str) -> dict[str, Any]:
    env = {**os.environ, "JXC_DATABASE_URL": url, "JXC_VAR_DIR": tmp}
    done = subprocess.run(
        [sys.executable, __file__, "--child"],
        env=env,
        cwd=ROOT,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def targets(databases: dict[str, Any]) -> dict[str, Any]:
    """The product's targets, each with its verdict from the figures measured."""
    ratios = [
        {"database": db, "workload": cell["workload"], "clients": cell["clients"], **cell["ratio"]}
        for db, result in databases.items()
        for cell in result.get("ratios", [])
    ]
    service = [r["service_over_raw"] for r in ratios if r.get("service_over_raw") is not None]
    pg = databases.get("postgresql", {})
    pg_cells = {
        c["layer"]: c["reservations_per_s"]
        for c in pg.get("cells", [])
        if c["workload"] == "spread" and c["clients"] == 16
    }
    oversold = sum(c["oversold"] for r in databases.values() for c in r.get("cells", []))
    return {
        "service_at_least_half_of_raw": {
            "met": bool(service) and min(service) >= 0.5,
            "cells_met": sum(1 for s in service if s >= 0.5),
            "cells": len(service),
            "lowest": min(service) if service else None,
        },
        "postgresql_16_clients_spread_1000_per_s": {
            "met": pg_cells["service"] >= 1000 if "service" in pg_cells else None,
            "service": pg_cells.get("service"),
            "api": pg_cells.get("api"),
            "raw": pg_cells.get("raw"),
        },
        "zero_oversell": {"met": oversold == 0, "oversold": oversold},
    }


# --------------------------------------------------------------------------- child process


@dataclass
class Seed:
    warehouse: Warehouse
    hot: Sku
    skus: list[Sku]
    level_ids: dict[int, int]  # sku id -> stock level id in the warehouse
    seconds: float


class Client(Protocol):
    def reserve(self, sku: Sku, reference: str) -> None: ...

    def close(self) -> None: ...


def child() -> None:
    """One database: demo users + token, seed, start the server, run every cell, then let a
    task worker drain the queued alert refreshes for a few seconds."""
    started = time.perf_counter()
    url = os.environ["JXC_DATABASE_URL"]
    vendor = "sqlite" if url.startswith("sqlite") else "postgresql"
    # The server's settings (tasks go to the database queue) in this process too.
    os.environ.update(DJANGO_SETTINGS_MODULE="config.settings.dev", JXC_DEBUG="0")
    os.environ.setdefault("JXC_LOG_LEVEL", "WARNING")
    jxc = str(BIN / "jxc")
    subprocess.run([jxc, "demo"], check=True, capture_output=True, cwd=ROOT)
    token = subprocess.run(
        [jxc, "token", "create", "admin", "--name", "bench-reservations"],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout.strip()

    port = free_port()
    server = subprocess.Popen(  # starts (collectstatic, gunicorn) while the data is seeded
        [jxc, "serve", "--port", str(port), "--no-worker", *SERVER],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        seed = seed_data()
        dropped = drop_setup_tasks()
        wait_for_server(port)
        setup_seconds = time.perf_counter() - started
        cells = run_cells(vendor, url, seed, port, token)
    finally:
        server.terminate()
        server.wait(timeout=10)
    queries = service_queries(seed)
    drain = worker_drain(jxc)
    from django.db import connection

    from jxc.inventory.selectors import stock_drift_list

    print(
        json.dumps(
            {
                "vendor": connection.vendor,
                "seed": {
                    "skus": len(seed.skus),
                    "spread_stock_each": SPREAD_STOCK,
                    "hot_stock": HOT_STOCK,
                    "seconds": round(seed.seconds, 1),
                },
                "setup_seconds": round(setup_seconds, 1),
                "service_queries_per_reservation": queries,
                "cells": cells,
                "ratios": ratios(cells),
                "alert_refresh_worker": {"setup_tasks_dropped": dropped, **drain},
                "ledger_drift_after_run": len(stock_drift_list()),
            },
            ensure_ascii=False,
        )
    )


def drop_setup_tasks() -> int:
    """Remove the alert refreshes queued by the demo and the seeding from this scratch queue
    (~650 tasks, 30-50 s of worker time on the 2-core box): the drain after the cells is meant
    to show the refreshes the reservations queue."""
    from django_tasks_db.models import DBTaskResult

    return int(DBTaskResult.objects.filter(status="READY").delete()[0])


def worker_drain(jxc: str) -> dict[str, Any]:
    """Every reservation queues one stock-alert refresh (django-tasks, database queue). The cells
    run without a worker so that it does not compete with them; here one `jxc worker` works the
    queue for DRAIN_SECONDS and we report how fast it goes and what is left."""
    from django.db.models import Max, Min
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    queued = DBTaskResult.objects.filter(status="READY").count()
    since = timezone.now()
    worker = subprocess.Popen(
        [jxc, "worker", "--no-reload", "--no-startup-delay", "--interval", "0.1"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(DRAIN_SECONDS)
    worker.terminate()
    worker.wait(timeout=30)
    done = DBTaskResult.objects.filter(started_at__gte=since, finished_at__isnull=False)
    span = done.aggregate(first=Min("started_at"), last=Max("finished_at"))
    seconds = (span["last"] - span["first"]).total_seconds() if span["first"] else 0.0
    count = done.count()
    return {
        "queued_before": queued,
        "worker_seconds": DRAIN_SECONDS,
        "processed": count,
        "failed": done.filter(status="FAILED").count(),
        "tasks_per_s": round(count / seconds, 1) if seconds else None,
        "left": DBTaskResult.objects.filter(status="READY").count(),
    }


def seed_data() -> Seed:
    """A warehouse, the hot SKU and SKU_COUNT spread SKUs, all with stock on hand.

    Through the product's services: `stock_receive` for the hot SKU; `product_create` (1,000 SKUs
    per product) and `stock_opening_bulk` (the import's set-wise opening stock, the same ledger
    rows as `stock_receive`) for the spread SKUs. `stock_drift_list()` must be empty afterwards.
    """
    from django.db import transaction

    from jxc.catalog.models import Sku
    from jxc.catalog.services import SkuInput, product_create
    from jxc.inventory.models import StockLevel
    from jxc.inventory.selectors import stock_drift_list
    from jxc.inventory.services import stock_receive
    from jxc.inventory.services.opening import OpeningLine, stock_opening_bulk
    from jxc.inventory.tests.factories import make_sku, make_warehouse

    started = time.perf_counter()
    tag = uuid.uuid4().hex[:6].upper()
    warehouse, _bins = make_warehouse(f"RB{tag}")
    hot = make_sku(f"HOT-{tag}")
    stock_receive(actor=None, sku=hot, warehouse=warehouse, quantity=HOT_STOCK)
    with transaction.atomic():
        for start in range(0, SKU_COUNT, 1000):
            codes = range(start, min(start + 1000, SKU_COUNT))
            product_create(
                actor=None,
                title=f"bench {tag} {start}",
                skus=[
                    SkuInput(f"S-{tag}-{i}", cost_price=Decimal(10), sale_price=Decimal(20))
                    for i in codes
                ],
            )
    skus = list(
        Sku.objects.filter(merchant_code__startswith=f"S-{tag}-")
        .select_related("product")
        .order_by("pk")
    )
    lines = [OpeningLine(sku, warehouse, SPREAD_STOCK, f"bench-{tag}-{sku.pk}") for sku in skus]
    with transaction.atomic():
        stock_opening_bulk(actor=None, lines=lines, source_id=f"bench-{tag}")
    drift = stock_drift_list()
    if drift:
        raise RuntimeError(f"seeded rows break the ledger invariants: {drift[:3]}")
    levels = StockLevel.objects.filter(warehouse=warehouse).values_list("sku_id", "id")
    return Seed(warehouse, hot, skus, dict(levels), time.perf_counter() - started)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_server(port: int) -> None:
    for _ in range(300):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/api/v1/health")
            if conn.getresponse().status == 200:
                conn.close()
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError("jxc serve did not answer /api/v1/health within 30 s")


def run_cells(vendor: str, url: str, seed: Seed, port: int, token: str) -> list[dict[str, Any]]:
    factories: dict[str, Callable[[], Client]] = {
        "raw": lambda: RawClient(vendor, url, seed),
        "service": lambda: ServiceClient(seed),
        "api": lambda: ApiClient(port, token, seed),
    }
    cells = []
    for workload in WORKLOADS:
        for clients in CLIENTS:
            for layer in LAYERS:
                prefix = f"{layer}-{workload}-{clients}-"
                cell = drive(factories[layer], seed, workload, clients, prefix)
                cell.update(integrity(prefix, cell["ok"]))
                cells.append({"layer": layer, "workload": workload, "clients": clients, **cell})
    return cells


def drive(
    factory: Callable[[], Client], seed: Seed, workload: str, clients: int, prefix: str
) -> dict[str, Any]:
    """`clients` threads reserve 1 unit each call until the deadline; rate, latency, errors."""
    latencies: list[float] = []
    failures: list[str] = []
    finished: list[float] = []
    lock = threading.Lock()
    clock: dict[str, float] = {}

    def release() -> None:
        clock["start"] = time.perf_counter()
        clock["deadline"] = clock["start"] + SECONDS

    barrier = threading.Barrier(clients, action=release)

    def work(index: int) -> None:
        try:
            client = factory()
        except BaseException:
            barrier.abort()
            raise
        rng = random.Random(index)
        local: list[float] = []
        failed: list[str] = []
        try:
            barrier.wait()
            count = 0
            while time.perf_counter() < clock["deadline"]:
                sku = seed.hot if workload == "hot" else seed.skus[rng.randrange(len(seed.skus))]
                begin = time.perf_counter()
                try:
                    client.reserve(sku, f"{prefix}{index}-{count}")
                except Exception as exc:  # counted and reported, never hidden
                    failed.append(f"{type(exc).__name__}: {exc}"[:160])
                local.append((time.perf_counter() - begin) * 1000)
                count += 1
        finally:
            client.close()
            with lock:
                latencies.extend(local)
                failures.extend(failed)
                finished.append(time.perf_counter())

    threads = [threading.Thread(target=work, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if "start" not in clock:
        raise RuntimeError("a client could not connect (see the traceback above)")
    elapsed = max(finished) - clock["start"]
    ok = len(latencies) - len(failures)
    latencies.sort()
    return {
        "reservations_per_s": round(ok / elapsed, 1),
        "ok": ok,
        "p50_ms": round(latencies[len(latencies) // 2], 2) if latencies else None,
        "p95_ms": round(latencies[int(len(latencies) * 0.95)], 2) if latencies else None,
        "errors": len(failures),
        "error_samples": sorted(set(failures))[:3],
    }


class ServiceClient:
    """`stock_reserve()` on this thread's own Django connection."""

    def __init__(self, seed: Seed) -> None:
        from django.db import connection

        from jxc.inventory.services import ReservationLine, stock_reserve

        self.connection = connection
        self.line = ReservationLine
        self.stock_reserve = stock_reserve
        self.warehouse = seed.warehouse
        connection.ensure_connection()

    def reserve(self, sku: Sku, reference: str) -> None:
        made = self.stock_reserve(reference=reference, lines=[self.line(sku, self.warehouse, 1)])
        if len(made) != 1 or made[0].reference != reference:
            raise RuntimeError(f"unexpected result {made!r}")

    def close(self) -> None:
        self.connection.close()


class RawClient:
    """The floor: the conditional UPDATE and the INSERT in one transaction, nothing else."""

    def __init__(self, vendor: str, url: str, seed: Seed) -> None:
        self.vendor = vendor
        self.levels = seed.level_ids
        self.warehouse_id = seed.warehouse.pk
        self.conn: Any
        if vendor == "sqlite":
            # The same connection settings as Django's (config.settings.base.database_from_url).
            self.conn = sqlite3.connect(
                url.removeprefix("sqlite:///"),
                timeout=20,
                isolation_level=None,
                check_same_thread=False,
            )
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.update = RAW_UPDATE.format(p="?")
        else:
            import psycopg

            self.conn = psycopg.connect(url)
            self.update = RAW_UPDATE.format(p="%s")
        self.insert = RAW_INSERT[vendor]

    def reserve(self, sku: Sku, reference: str) -> None:
        cursor = self.conn.cursor()
        if self.vendor == "sqlite":
            cursor.execute("BEGIN IMMEDIATE")
        try:
            cursor.execute(self.update, (self.levels[sku.pk],))
            if cursor.rowcount != 1:
                raise RuntimeError("insufficient stock")
            cursor.execute(self.insert, (reference, sku.pk, self.warehouse_id))
        except BaseException:
            if self.vendor == "sqlite":
                cursor.execute("ROLLBACK")
            else:
                self.conn.rollback()
            raise
        if self.vendor == "sqlite":
            cursor.execute("COMMIT")
        else:
            self.conn.commit()

    def close(self) -> None:
        self.conn.close()


class ApiClient:
    """`POST /api/v1/stock/reservations` over one keep-alive connection."""

    def __init__(self, port: int, token: str, seed: Seed) -> None:
        self.port = port
        self.warehouse = seed.warehouse.code
        self.headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        self.conn = self._connect()

    def _connect(self) -> http.client.HTTPConnection:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        conn.connect()
        return conn

    def reserve(self, sku: Sku, reference: str) -> None:
        body = json.dumps(
            {
                "sku": sku.merchant_code,
                "warehouse": self.warehouse,
                "quantity": 1,
                "reference": reference,
            }
        )
        try:
            self.conn.request("POST", "/api/v1/stock/reservations", body, self.headers)
            response = self.conn.getresponse()
            answer = response.read()
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = self._connect()
            raise
        if response.status != 201:
            raise RuntimeError(f"HTTP {response.status}: {answer[:100]!r}")

    def close(self) -> None:
        self.conn.close()


def integrity(prefix: str, ok: int) -> dict[str, int]:
    """Oversell check in SQL over every stock level, plus rows written vs successes counted."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM inventory_stocklevel WHERE reserved > on_hand")
        over_on_hand = cursor.fetchone()[0]
        cursor.execute(
            "SELECT COUNT(*) FROM inventory_stocklevel l LEFT JOIN ("
            " SELECT sku_id, warehouse_id, SUM(quantity) AS total FROM inventory_reservation"
            " WHERE status = 'active' GROUP BY sku_id, warehouse_id"
            ") r ON r.sku_id = l.sku_id AND r.warehouse_id = l.warehouse_id"
            " WHERE l.reserved <> COALESCE(r.total, 0)"
        )
        mismatched = cursor.fetchone()[0]
        cursor.execute(
            "SELECT COUNT(*) FROM inventory_reservation WHERE reference LIKE %s", [f"{prefix}%"]
        )
        written = cursor.fetchone()[0]
    return {
        "oversold": over_on_hand + mismatched,
        "reserved_gt_on_hand": over_on_hand,
        "reserved_ne_active_sum": mismatched,
        "rows_minus_ok": written - ok,
    }


def ratios(cells: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rate = {(c["layer"], c["workload"], c["clients"]): c["reservations_per_s"] for c in cells}
    out = []
    for workload in WORKLOADS:
        for clients in CLIENTS:
            raw = rate.get(("raw", workload, clients))
            ratio = {
                f"{layer}_over_raw": round(rate[(layer, workload, clients)] / raw, 3)
                for layer in ("service", "api")
                if raw and (layer, workload, clients) in rate
            }
            out.append({"workload": workload, "clients": clients, "ratio": ratio})
    return out


def service_queries(seed: Seed) -> int:
    """SQL statements of one `stock_reserve()` call, BEGIN and COMMIT included (raw: 4)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = ServiceClient(seed)
    with CaptureQueriesContext(connection) as captured:
        client.reserve(seed.skus[-1], f"queries-{uuid.uuid4().hex[:8]}")
    return len(captured.captured_queries)


if __name__ == "__main__":
    main()
