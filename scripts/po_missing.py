"""List zh-hans catalogue entries that are untranslated or fuzzy (run after makemessages)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from test_translations import PO, parse_po  # noqa: E402

for msgid, entry in parse_po(PO).items():
    if not entry["msgstr"] or entry["fuzzy"]:
        print(repr(msgid), "=>", repr(entry["msgstr"]), "fuzzy" if entry["fuzzy"] else "")
