#!/usr/bin/env bash
# Exit 0 when the PostgreSQL server in $1 answers; try to start a local cluster once if not.
set -uo pipefail
url="$1"
check() { .venv/bin/python - "$url" <<'PY'
import sys
import psycopg
url = sys.argv[1].rsplit("/", 1)[0] + "/postgres"
try:
    psycopg.connect(url, connect_timeout=3).close()
except Exception as exc:
    print(f"PostgreSQL not reachable: {exc}", file=sys.stderr)
    sys.exit(1)
PY
}
check && exit 0
if [ "$(id -u)" -eq 0 ] && command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
  echo "Starting the local PostgreSQL cluster…"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  sleep 2
  check && exit 0
fi
exit 1
