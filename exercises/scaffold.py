"""Start a new case or exercise file from a template whose comments explain every field.

The templates are YAML files in ``exercises/templates/``, next to this module but outside the
package data: the wheel the browser loads carries Python only, and the browser never writes files.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .kinds import KINDS
from .validate import slugify

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
# command word -> (template file, file-name prefix of an exercise; None for a case)
TEMPLATES: dict[str, tuple[str, str | None]] = {
    "case": ("case.yml", None),
    **{kind.template: (f"{kind.template}.yml", kind.prefix) for kind in KINDS.values()},
}


def _next_case_number(cases_dir: Path) -> int:
    numbers = [int(m.group(1)) for p in cases_dir.glob("case-*.yml") if (m := re.fullmatch(r"case-(\d+)", p.stem))]
    return max(numbers, default=0) + 1


def new_file(kind: str, title: str, data_dir: Path) -> Path:
    """Write the template for ``kind`` with id and title filled in; never overwrites a file.

    A case gets the next free number (case-15.yml, CASE-15); an exercise's id and file name are its
    kind's prefix plus the title as a slug (``tree`` + "Naboen ringer" -> dt-naboen-ringer.yml).
    """
    template, prefix = TEMPLATES[kind]
    if prefix is None:
        number = _next_case_number(data_dir / "cases")
        item_id, path = f"CASE-{number:02d}", data_dir / "cases" / f"case-{number:02d}.yml"
    else:
        item_id = prefix + slugify(title)
        path = data_dir / "exercises" / f"{item_id}.yml"
    text = (TEMPLATE_DIR / template).read_text(encoding="utf-8")
    text = text.replace("__ID__", item_id).replace("__TITEL__", json.dumps(title.strip(), ensure_ascii=False))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:  # "x": refuse to overwrite
        handle.write(text)
    return path
