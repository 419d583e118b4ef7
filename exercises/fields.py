"""What every field in a case or exercise file means, for the field reference in CONTRIBUTING.md.

The guide's tables are generated from this module (cases and what every exercise has) and from each
kind's module in :mod:`exercises.kinds` (its fields and nested parts), using the validator's own key
lists, so they cannot drift from what the validator accepts; a test checks that every key used in a
data file or template is described.
``python -m exercises fields --write`` (or ``make docs-fields``) rewrites the block in the guide.
"""

from __future__ import annotations

from pathlib import Path

from .kinds import KINDS
from .kinds.base import BLOCK, LIST, ONE, Field
from .schema.case import CASE_OPTIONAL, CASE_REQUIRED, PARTS
from .learning_path import STEP_REQUIRED, TOP_KEYS as PATH_KEYS
from .schema.exercise import COMMON_OPTIONAL, COMMON_REQUIRED

BEGIN = "<!-- feltreference:start (lavet af `python -m exercises fields --write` – ret ikke her) -->"
END = "<!-- feltreference:slut -->"

def _kind_choices() -> str:
    """'`decision_tree` (beslutningstræ), …, eller `checklist` (tjekliste)', from the registry."""
    named = [f"`{k.name}` ({k.label if k.label[:2].isupper() else k.label.lower()})" for k in KINDS.values()]
    return ", ".join(named[:-1]) + " eller " + named[-1]


CASE: dict[str, Field] = {
    "id": Field(ONE, "Casens nummer, fx `CASE-15`. Filen hedder det samme med små bogstaver: `case-15.yml`."),
    "title": Field(ONE, "Casens titel. Sidens adresse laves af titlen (små bogstaver, æ/ø/å skrevet som ae/oe/aa), fx `cases/frosne-vandroer/`."),
    "source": Field(LIST, "Afsnittet i håndbogen, casen bygger på, fx `[A-3.1]` (se `exercises/data/sections.yml`)."),
    "maalgrupper": Field(LIST, "Hvem casen handler om: værdier fra afsnittet `maalgrupper` i `exercises/data/vocabulary.yml`."),
    "henviser": Field(ONE, "Hvem der henvendte sig: præcis én værdi fra afsnittet `henvisere` i `exercises/data/vocabulary.yml`, fx `nabo`."),
    "phases": Field(LIST, "Faserne i forløbet, casen viser: værdier fra `phases` i `vocabulary.yml`."),
    "themes": Field(LIST, "Emner til filtrene i case-biblioteket: værdier fra `themes` i `vocabulary.yml`."),
    "summary": Field(ONE, "Én sætning til kortet i case-biblioteket."),
    "story": Field(ONE, "Selve casen. Skriv `story:` med en lodret streg efter (som i skabelonen) og teksten på linjerne under, rykket to pladser ind; tom linje mellem afsnit."),
    "questions": Field(LIST, "Mindst to spørgsmål, et team kan drøfte."),
    "links": Field(LIST, "Sider under `docs/`, casen viser, fx `dilemmaer/omsorgspligt.md`. Siderne får selv casen i boksen «Cases om dette emne»."),
    "exercises": Field(LIST, "Id'er på øvelser, der bruger casen, fx `[dt-vaergemaal]`."),
}

EXERCISE: dict[str, Field] = {
    "id": Field(ONE, "Øvelsens id = filnavnet uden `.yml`, fx `dt-mit-dilemma`. Siden får adressen `ovelser/dt-mit-dilemma/`."),
    "kind": Field(ONE, f"Typen: {_kind_choices()}."),
    "title": Field(ONE, "Øvelsens titel."),
    "audience": Field(LIST, "Hvem øvelsen er til: `ny-medarbejder`, `samarbejdspartner` og/eller `temadag` (afsnittet `audiences` i `vocabulary.yml`)."),
    "intro": Field(ONE, "Indledningen over øvelsen: situationen, og hvad man skal gøre. Skriv `intro:` med en lodret streg efter (som i skabelonen) og teksten rykket ind under."),
    "source": Field(LIST, "Håndbogsafsnit, øvelsen bygger på, fx `[A-5.4.1, B-2.3]`."),
    "covers": Field(LIST, "Id'er fra håndbøgernes inventar, øvelsen dækker, fx `[DEC-03, MOD-19]`. Står der `CASE-07`, får casen et link til øvelsen – sådan laves linket tilbage til casen."),
}

LEARNING_PATH: dict[str, Field] = {
    "steps": Field(BLOCK, "Trinnene i rækkefølge; hvert trin starter med `- id:` og har felterne nedenfor."),
}

LEARNING_STEP: dict[str, Field] = {
    "id": Field(ONE, "Trinnets id med små bogstaver og bindestreg, fx `underretning-og-notater`. Gemte fremskridt bruger det ikke, så det kan ændres."),
    "title": Field(ONE, "Trinnets overskrift på siden «Læringsforløb for nye medarbejdere»."),
    "pages": Field(LIST, "Sider under `docs/` at læse, fx `[dilemmaer/underretningspligt.md]`. Mindst én; hver side hører til ét trin og får knappen «Jeg har læst siden»."),
    "exercises": Field(LIST, "Øvelser at lave i trinnet, fx `[dt-underretning]`, eller `[]` for ingen. Trinnet er gennemført, når siderne er læst og øvelserne gennemført."),
}


def _table(fields: dict[str, Field], required: tuple[str, ...], optional: tuple[str, ...]) -> list[str]:
    unknown = set(fields) ^ set(required + optional)
    if unknown:
        raise ValueError(f"feltbeskrivelser og skema er ikke ens: {sorted(unknown)}")
    rows = ["| Felt | Skal med? | Værdi | Betydning |", "|---|---|---|---|"]
    for key in required + optional:
        rows.append(f"| `{key}` | {'ja' if key in required else 'nej'} | {fields[key].shape} | {fields[key].meaning} |")
    return rows


def reference() -> str:
    """The field reference as Markdown, built from the validator's key lists and the texts above."""
    lines = [BEGIN, "", "### Case (`exercises/data/cases/case-NN.yml`)", ""]
    lines += _table(CASE | {key: part.field for key, part in PARTS.items()}, CASE_REQUIRED, CASE_OPTIONAL + tuple(PARTS))
    for nested in (n for part in PARTS.values() for n in part.parts):
        lines += ["", f"**{nested.title}**", ""]
        lines += _table(nested.fields, nested.required, nested.optional)
    lines += ["", "### Alle øvelser (`exercises/data/exercises/`)", ""]
    lines += _table(EXERCISE, COMMON_REQUIRED, COMMON_OPTIONAL)
    for kind in KINDS.values():
        lines += ["", f"### {kind.label} (`kind: {kind.name}`, filnavn `{kind.prefix}…`)", "", "Ud over felterne for alle øvelser:", ""]
        lines += _table(kind.fields, kind.required, kind.optional)
        for part in kind.parts:
            lines += ["", f"**{part.title}**", ""]
            lines += _table(part.fields, part.required, part.optional)
    lines += ["", "### Læringsforløbet (`exercises/data/learning_path.yml`)", ""]
    lines += _table(LEARNING_PATH, PATH_KEYS, ())
    lines += ["", "**Et trin under `steps`**", ""]
    lines += _table(LEARNING_STEP, STEP_REQUIRED, ())
    lines += ["", END]
    return "\n".join(lines)


def update_guide(path: Path) -> bool:
    """Replace the generated block in the guide; True when the file changed."""
    text = path.read_text(encoding="utf-8")
    start, end = text.index(BEGIN), text.index(END) + len(END)
    new = text[:start] + reference() + text[end:]
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text
