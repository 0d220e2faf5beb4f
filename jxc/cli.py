"""The `jxc` command: `jxc demo`, `jxc serve`, `jxc worker`, `jxc token …`, `jxc roles …`.

Anything else is passed to Django's manage.py (e.g. `jxc migrate`, `jxc check --deploy`).
Settings come from DJANGO_SETTINGS_MODULE (default config.settings.dev).
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys


def _manage(argv: list[str]) -> None:
    from django.core.management import execute_from_command_line

    execute_from_command_line(["jxc", *argv])


def _serve(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="jxc serve", description="Run JXC under gunicorn.")
    parser.add_argument("--host", default=os.environ.get("JXC_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("JXC_PORT", "8000")))
    parser.add_argument(
        "--workers", type=int, default=int(os.environ.get("JXC_WORKERS", "2")), help="processes"
    )
    parser.add_argument("--threads", type=int, default=int(os.environ.get("JXC_THREADS", "4")))
    parser.add_argument(
        "--no-worker",
        action="store_true",
        help="do not start a background task worker next to the web server",
    )
    args = parser.parse_args(argv)
    _manage(["collectstatic", "--noinput", "--verbosity", "0"])
    worker = None
    if not args.no_worker and os.environ.get("JXC_SERVE_WORKER", "1") != "0":
        # Background tasks (stock alerts) run in a worker; start one alongside the server.
        worker = subprocess.Popen([sys.executable, "-m", "jxc.cli", "worker"])
    print(f"JXC is running at http://{args.host}:{args.port}/  (Ctrl+C stops it)", flush=True)
    gunicorn = [
        sys.executable,
        "-m",
        "gunicorn",
        "config.wsgi:application",
        "--bind",
        f"{args.host}:{args.port}",
        "--workers",
        str(args.workers),
        "--threads",
        str(args.threads),
        "--access-logfile",
        "-",
        "--log-level",
        "warning",
    ]
    if worker is None:
        os.execv(sys.executable, gunicorn)
    _run_with_worker(gunicorn, worker)


def _run_with_worker(command: list[str], worker: subprocess.Popen[bytes]) -> None:
    """Run the web server; when it ends (or this process is told to stop), stop the worker."""
    server = subprocess.Popen(command)

    def stop(signum: int, _frame: object) -> None:
        server.send_signal(signum)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        code = server.wait()
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=10)
        except subprocess.TimeoutExpired:
            worker.kill()
    sys.exit(code)


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    command = argv[0] if argv else "help"
    if command == "serve":
        _serve(argv[1:])
    elif command == "worker":
        _manage(["db_worker", *argv[1:]])
    else:
        _manage(argv)


if __name__ == "__main__":
    main()
