"""The inventory ids the coverage test needs, kept in the repository so a clone passes on its own.

``tests/site/inventory_ids.txt`` is generated from ``../shared/INVENTORY.md`` (the project's id list,
which lives outside the repository). Regenerate it after the inventory changes:

    .venv/bin/python -m tests.site.inventory
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import ROOT

SHARED_INVENTORY = ROOT.parent / "shared" / "INVENTORY.md"
IDS_FILE = Path(__file__).with_name("inventory_ids.txt")


def parse_inventory(text: str) -> set[str]:
    """Every id the inventory defines: section rows, models/laws/decisions in bold, case headings."""
    ids = set(re.findall(r"^\| ((?:A|B)-[0-9.]+) \|", text, re.M))
    ids |= set(re.findall(r"^(?:\*\*|- \*\*|\| )((?:MOD|MET|CHK|FACT|LAW|DEC)-[AB]?\d+)\b", text, re.M))
    ids |= set(re.findall(r"^### (CASE-\d+)", text, re.M))
    return ids


def stored_ids() -> set[str]:
    return {line.strip() for line in IDS_FILE.read_text(encoding="utf-8").splitlines() if line.strip()}


def main() -> None:
    ids = parse_inventory(SHARED_INVENTORY.read_text(encoding="utf-8"))
    IDS_FILE.write_text("".join(f"{i}\n" for i in sorted(ids)), encoding="utf-8")
    print(f"{len(ids)} id'er skrevet til {IDS_FILE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
