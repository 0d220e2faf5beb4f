"""Copy the front-end files JXC serves from node_modules into jxc/static/vendor.

The list below is the whole front-end: nothing is hand-copied into git. Run after `npm ci`.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE = ROOT / "node_modules"
DEST = ROOT / "jxc" / "static" / "vendor"

ICONS = "bootstrap-icons/font"
FILES: dict[str, str] = {
    "bootstrap/dist/css/bootstrap.min.css": "bootstrap/bootstrap.min.css",
    "bootstrap/dist/js/bootstrap.bundle.min.js": "bootstrap/bootstrap.bundle.min.js",
    f"{ICONS}/bootstrap-icons.min.css": "bootstrap-icons/bootstrap-icons.min.css",
    f"{ICONS}/fonts/bootstrap-icons.woff2": "bootstrap-icons/fonts/bootstrap-icons.woff2",
    f"{ICONS}/fonts/bootstrap-icons.woff": "bootstrap-icons/fonts/bootstrap-icons.woff",
    "htmx.org/dist/htmx.min.js": "htmx/htmx.min.js",
    "echarts/dist/echarts.min.js": "echarts/echarts.min.js",
    "html5-qrcode/html5-qrcode.min.js": "html5-qrcode/html5-qrcode.min.js",
    "tom-select/dist/js/tom-select.complete.min.js": "tom-select/tom-select.complete.min.js",
    "tom-select/dist/css/tom-select.bootstrap5.min.css": "tom-select/tom-select.bootstrap5.min.css",
}


def main() -> int:
    missing = [src for src in FILES if not (NODE / src).is_file()]
    if missing:
        print("vendor_assets: missing in node_modules (run `npm ci` first):", *missing, sep="\n  ")
        return 1
    for src, dest in FILES.items():
        target = DEST / dest
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(NODE / src, target)
    print(f"vendor_assets: {len(FILES)} files in {DEST.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
