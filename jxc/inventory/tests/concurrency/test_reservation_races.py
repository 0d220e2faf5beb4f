"""Real parallel reservations against the suite's database engine (SQLite or PostgreSQL).

50 workers, each with its own connection, reserve 1 unit of a SKU with 10 available: exactly
10 succeed, 40 get insufficient_stock, none error, reserved = 10. The same with two SKUs taken
in opposite orders: no deadlock, no oversell. Threads 20 times, forked processes 5 times.
The workers run in a separate process (the harness) on a scratch database it migrates itself.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[4]


@pytest.fixture(scope="module")
def scratch_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if connection.vendor != "postgresql":
        yield f"sqlite:///{tmp_path_factory.mktemp('races')}/races.sqlite3"
        return
    base = os.environ["JXC_DATABASE_URL"].rsplit("/", 1)[0]
    name = f"jxc_races_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run_harness(url: str, *args: str) -> dict[str, Any]:
    env = {**os.environ, "JXC_DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    result = subprocess.run(
        [sys.executable, "-m", "jxc.inventory.tests.concurrency.harness", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    ("scenario", "mode", "reps"),
    [
        ("hot", "threads", 20),
        ("multi", "threads", 20),
        ("hot", "processes", 5),
        ("multi", "processes", 5),
    ],
)
def test_fifty_workers_never_oversell(scratch_database: str, scenario: str, mode: str, reps: int):
    report = run_harness(
        scratch_database,
        f"--scenario={scenario}",
        f"--mode={mode}",
        "--workers=50",
        "--stock=10",
        f"--reps={reps}",
    )
    assert report["vendor"] == connection.vendor
    assert len(report["runs"]) == reps
    for run in report["runs"]:
        assert run["errors"] == []
        assert run["outcomes"] == {"reserved": 10, "insufficient_stock": 40}
        assert set(run["reserved"]) == {10}
    assert report["drift"] == []
