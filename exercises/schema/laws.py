"""The schema of the legal points (exercises/data/love.yml): the handbook's citation and today's rule."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

from ..models import LawPoint
from .toolkit import Checker, section_check

if TYPE_CHECKING:
    from ..library import Library

LAW_STATUSES = ("gaeldende", "aendret", "uafklaret", "historisk")
LAW_URL = re.compile(r"^https://www\.retsinformation\.dk/\S+$")
# An unresolved point says exactly this, followed by what to check; a resolved one never says it.
UNRESOLVED = "Tjek gældende regler:"


def check_laws(c: Checker, data: Any, library: Library) -> dict[str, LawPoint]:
    laws: dict[str, LawPoint] = {}
    if not isinstance(data, list):
        c.add(1, "filen skal være en liste af lovpunkter (linjer, der starter med '- id:')")
        return laws
    for index, entry in enumerate(data):
        law_id = entry.get("id") if isinstance(entry, dict) else None
        what = f"lovpunkt {law_id}" if isinstance(law_id, str) else f"lovpunkt {index + 1}"
        keys = ("id", "title", "reference", "source", "source_year", "handbook", "law", "paragraph", "status", "checked", "url", "now")
        if not c.mapping(entry, keys, (), what):
            continue
        law_id = c.text(entry, "id", what)
        if law_id and not re.match(r"^LAW-\d{2}$", law_id):
            c.add(c.line(entry, "id"), f"et lovpunkt skal have et id som LAW-07 (står: '{law_id}')")
        for key in ("title", "reference", "handbook", "law", "paragraph", "now"):
            c.text(entry, key, what)
        status = c.choice(entry, "status", LAW_STATUSES, what)
        c.text_list(entry, "source", what, check=section_check(library.sections))
        year = entry.get("source_year")
        if not isinstance(year, int) or not 1900 <= year <= 2030:
            c.add(c.line(entry, "source_year"), f"'source_year' i {what} skal være et årstal som 2006")
        checked = _checked_date(c, entry, what)
        url = c.text(entry, "url", what)
        if url and not LAW_URL.match(url):
            c.add(c.line(entry, "url"), f"'url' i {what} skal være et link til lovteksten på retsinformation.dk, som begynder med https://www.retsinformation.dk/ (står: '{url}')")
        _check_unresolved(c, entry, status, what)
        if law_id in laws:
            c.add(c.line(entry, "id"), f"lovpunktet '{law_id}' står to gange")
        if law_id and not c.errors:
            values = {k: (tuple(v) if k == "source" else v) for k, v in entry.items()}
            laws[law_id] = LawPoint(**{**values, "checked": checked, "url": url, "now": entry["now"].strip()})
    return laws


def _checked_date(c: Checker, entry: dict, what: str) -> str | None:
    """'checked' as YYYY-MM-DD; YAML reads an unquoted date as a date, a quoted one as text."""
    value = entry.get("checked")
    line = c.line(entry, "checked")
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            pass
    if not isinstance(value, date):
        c.add(line, f"'checked' i {what} skal være den dato, punktet sidst blev tjekket, skrevet som 2026-12-02 (står: '{value}')")
        return None
    if value > date.today():
        c.add(line, f"'checked' i {what} ligger i fremtiden ({value.isoformat()}) – skriv den dato, du faktisk tjekkede punktet")
        return None
    return value.isoformat()


def _check_unresolved(c: Checker, entry: dict, status: str | None, what: str) -> None:
    """'Tjek gældende regler' belongs only to unresolved points, and must say what to check."""
    now = entry.get("now")
    if not isinstance(now, str) or status is None:
        return
    line = c.line(entry, "now")
    says_check = "tjek gældende regler" in now.lower()
    if status != "uafklaret" and says_check:
        c.add(line, f"{what} har status '{status}', men 'now' siger 'Tjek gældende regler' – skriv, hvad der gælder, eller sæt status til uafklaret")
    elif status == "uafklaret":
        match = re.search(re.escape(UNRESOLVED) + r"\s+(\S+(?:\s+\S+){4,})", now)
        if not match:
            c.add(line, f"{what} er uafklaret, så 'now' skal indeholde '{UNRESOLVED}' efterfulgt af, hvad der konkret skal tjekkes")
