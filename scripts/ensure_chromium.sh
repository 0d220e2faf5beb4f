#!/usr/bin/env bash
# Browser tests drive Debian's chromium. Install it when missing and we are root; else say so.
set -uo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" -eq 0 ]; then
  echo "Installing Debian's chromium for the browser tests…"
  bash "$(dirname "$0")/ensure_system_packages.sh" chromium || {
    echo "ERROR: could not install chromium" >&2
    [ "${CI:-}" = "true" ] && exit 1
  }
else
  echo "!!!!!!!! WARNING: /usr/bin/chromium is missing and we are not root: browser tests will be SKIPPED !!!!!!!!"
fi
exit 0
