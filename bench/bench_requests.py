"""Request cost of the shell and the API, in process (no network), on a throwaway database.

Prints one JSON object: per endpoint the median and p95 milliseconds and queries per request.
Run with `make bench` (SQLite) or with JXC_DATABASE_URL set to a PostgreSQL URL.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
TMP = tempfile.mkdtemp(prefix="jxc-bench-")
os.environ.setdefault("JXC_DATABASE_URL", f"sqlite:///{TMP}/bench.sqlite3")
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

ROUNDS = int(os.environ.get("JXC_BENCH_ROUNDS", "300"))


def measure(client: Client, url: str, **headers: Any) -> dict[str, float]:
    timings = []
    queries = []
    for _ in range(ROUNDS):
        reset_queries()
        start = time.perf_counter()
        response = client.get(url, **headers)
        timings.append((time.perf_counter() - start) * 1000)
        queries.append(len(connection.queries))
        assert response.status_code == 200, (url, response.status_code)
    timings.sort()
    return {
        "median_ms": round(statistics.median(timings), 3),
        "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 3),
        "queries": max(queries),
    }


def main() -> None:
    from django.conf import settings

    setup_test_environment()
    settings.DEBUG = True  # count queries
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        with open(os.devnull, "w") as devnull:
            call_command("demo", "--no-migrate", verbosity=0, stdout=devnull)
        from jxc.accounts.models import User
        from jxc.accounts.services import api_token_create

        admin = User.objects.get(username="admin")
        _token, secret = api_token_create(actor=admin, user=admin, name="bench")
        browser = Client()
        browser.force_login(admin)
        results = {
            "benchmark": "requests",
            "database": connection.vendor,
            "rounds": ROUNDS,
            "home_page_admin": measure(browser, "/"),
            "audit_log_page": measure(browser, "/account/audit/"),
            "api_health": measure(Client(), "/api/v1/health"),
            "api_me_token": measure(Client(), "/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {secret}"),
        }
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    print(json.dumps(results, ensure_ascii=False))


if __name__ == "__main__":
    main()
