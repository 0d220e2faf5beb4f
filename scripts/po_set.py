"""Set zh-hans translations: `python scripts/po_set.py "msgid" "译文" ...` (pairs).

Also clears the fuzzy flag of those entries. Single-line msgids only.
"""

import re
import sys
from pathlib import Path

MSGSTR = re.compile(r'msgstr ".*"(\n".*")*')

PO = (
    Path(__file__).resolve().parent.parent
    / "jxc"
    / "locale"
    / "zh_Hans"
    / "LC_MESSAGES"
    / "django.po"
)


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main(pairs: list[str]) -> int:
    if len(pairs) % 2:
        print("give msgid / msgstr pairs")
        return 1
    wanted = dict(zip(pairs[::2], pairs[1::2], strict=True))
    blocks = PO.read_text(encoding="utf-8").split("\n\n")
    done = set()
    for index, block in enumerate(blocks):
        for msgid, msgstr in wanted.items():
            if f"\nmsgid {quote(msgid)}\n" in f"\n{block}\n":
                lines = [
                    line
                    for line in block.split("\n")
                    if not line.startswith("#| ") and line != "#, fuzzy"
                ]
                lines = [line.replace("#, fuzzy, ", "#, ") for line in lines]
                block = "\n".join(lines)
                block = MSGSTR.sub(("msgstr " + quote(msgstr)).replace("\\", "\\\\"), block)
                blocks[index] = block
                done.add(msgid)
    PO.write_text("\n\n".join(blocks), encoding="utf-8")
    missing = set(wanted) - done
    if missing:
        print("not found:", *missing)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
