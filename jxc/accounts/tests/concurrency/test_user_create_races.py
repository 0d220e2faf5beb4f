"""Concurrent sign-ups of one username (any case) give exactly one user — real threads."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from jxc.accounts.models import User
from jxc.accounts.services import roles_sync, user_create
from jxc.core.exceptions import ApplicationError

pytestmark = pytest.mark.django_db(transaction=True)
THREADS = 8


def test_same_username_in_parallel_creates_one_user():
    if connection.vendor != "postgresql":
        pytest.skip("runs against PostgreSQL (the suite's second pass); SQLite serialises writers")
    roles_sync()
    barrier = threading.Barrier(THREADS)
    outcomes: list[str] = []
    lock = threading.Lock()

    def worker(index: int) -> None:
        name = "wang" if index % 2 else "Wang"
        barrier.wait()
        try:
            user_create(actor=None, username=name, password="Pass-word-2026", roles=["viewer"])
            result = "created"
        except ApplicationError as exc:
            result = exc.code
        finally:
            connection.close()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["created"] + ["duplicate"] * (THREADS - 1)
    assert User.objects.filter(username__iexact="wang").count() == 1
