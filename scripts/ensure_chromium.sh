#!/usr/bin/env bash
# Browser tests drive Debian's chromium. Install it when missing and we are root; else say so.
set -uo pipefail
# Chinese pages need a CJK font, or screenshots show empty boxes instead of characters.
if [ -x /usr/bin/chromium ] && fc-list :lang=zh 2>/dev/null | grep -q .; then exit 0; fi
if [ "$(id -u)" -eq 0 ]; then
  echo "Installing Debian's chromium for the browser tests…"
  bash "$(dirname "$0")/ensure_system_packages.sh" chromium fonts-noto-cjk || {
    echo "ERROR: could not install chromium" >&2
    [ "${CI:-}" = "true" ] && exit 1
  }
else
  echo "!!!!!!!! WARNING: /usr/bin/chromium is missing and we are not root: browser tests will be SKIPPED !!!!!!!!"
fi
exit 0
