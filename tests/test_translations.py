"""zh-hans is complete and current: every source string has a Chinese translation."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "jxc" / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"


def parse_po(path: Path) -> dict[str, dict[str, str | bool]]:
    """msgid -> {"msgstr": ..., "fuzzy": ...} for every entry (plural forms use msgstr[0])."""
    entries: dict[str, dict[str, str | bool]] = {}
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        fields: dict[str, str] = {}
        current = ""
        fuzzy = False
        for line in block.splitlines():
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            elif line.startswith("#") or not line.strip():
                continue
            elif line.startswith('"'):
                fields[current] += ast.literal_eval(line)
            else:
                key, _, value = line.partition(" ")
                current = key
                fields[key] = ast.literal_eval(value)
        if "msgid" in fields and fields["msgid"]:
            text = fields.get("msgstr", fields.get("msgstr[0]", ""))
            entries[fields["msgid"]] = {"msgstr": text, "fuzzy": fuzzy}
    return entries


def test_every_string_is_translated():
    entries = parse_po(PO)
    assert len(entries) > 200
    missing = [msgid for msgid, entry in entries.items() if not entry["msgstr"]]
    fuzzy = [msgid for msgid, entry in entries.items() if entry["fuzzy"]]
    assert missing == []
    assert fuzzy == []


def test_catalogue_matches_the_source(tmp_path):
    """Re-extract the strings from a copy of the code: none may be missing from the catalogue."""
    for name in ("jxc", "config"):
        shutil.copytree(
            ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("vendor", "__pycache__")
        )
    shutil.copy(ROOT / "manage.py", tmp_path / "manage.py")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "PYTHONPATH": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "zh_Hans", "--no-obsolete"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    fresh = parse_po(tmp_path / "jxc" / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po")
    committed = parse_po(PO)
    assert sorted(set(fresh) - set(committed)) == []
