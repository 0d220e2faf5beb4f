"""Throughput of `jxc serve` (gunicorn, 2 workers × 4 threads) over loopback.

Starts the real server on a throwaway SQLite database with the demo users, then drives
/api/v1/health, /api/v1/me (Bearer token) and the signed-in home page from 16 client threads
for a few seconds each. Prints one JSON object with requests/s and latency percentiles.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SECONDS = float(os.environ.get("JXC_BENCH_SECONDS", "5"))
CLIENTS = int(os.environ.get("JXC_BENCH_CLIENTS", "16"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def drive(port: int, path: str, headers: dict[str, str]) -> dict[str, float]:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    deadline = time.perf_counter() + SECONDS

    def client() -> None:
        nonlocal errors
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        local: list[float] = []
        failed = 0
        while time.perf_counter() < deadline:
            start = time.perf_counter()
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                failed += 1
            local.append((time.perf_counter() - start) * 1000)
        conn.close()
        with lock:
            latencies.extend(local)
            errors += failed

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()
    return {
        "requests_per_s": round(len(latencies) / SECONDS, 1),
        "p50_ms": round(latencies[len(latencies) // 2], 2),
        "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1], 2),
        "errors": errors,
    }


def session_cookie(port: int) -> str:
    conn = http.client.HTTPConnection("127.0.0.1", port)
    conn.request("GET", "/account/login/")
    response = conn.getresponse()
    body = response.read().decode()
    csrf_cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    assert csrf_cookie
    assert token
    form = f"username=admin&password=jxc-demo-2026&csrfmiddlewaretoken={token.group(1)}"
    conn.request(
        "POST",
        "/account/login/",
        body=form,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={csrf_cookie.group(1)}",
            "Referer": f"http://127.0.0.1:{port}/account/login/",
        },
    )
    response = conn.getresponse()
    response.read()
    session = re.search(r"sessionid=([^;]+)", response.getheader("Set-Cookie") or "")
    assert response.status == 302, response.status
    assert session
    return f"sessionid={session.group(1)}"


def main() -> None:
    tmp = tempfile.mkdtemp(prefix="jxc-load-")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "JXC_DEBUG": "0",
        "JXC_DATABASE_URL": f"sqlite:///{tmp}/load.sqlite3",
        "JXC_VAR_DIR": tmp,
    }
    jxc = str(BIN / "jxc")
    subprocess.run([jxc, "demo"], env=env, check=True, capture_output=True, cwd=ROOT)
    token = subprocess.run(
        [jxc, "token", "create", "admin", "--name", "load"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout.strip()
    port = free_port()
    server = subprocess.Popen(
        [jxc, "serve", "--port", str(port), "--workers", "2", "--threads", "4"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        cookie = session_cookie(port)
        results = {
            "benchmark": "http_load",
            "server": "gunicorn 2 workers x 4 threads",
            "database": "sqlite",
            "clients": CLIENTS,
            "seconds": SECONDS,
            "api_health": drive(port, "/api/v1/health", {}),
            "api_me_token": drive(port, "/api/v1/me", {"Authorization": f"Bearer {token}"}),
            "home_page": drive(port, "/", {"Cookie": cookie}),
        }
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
