"""What every field in a case or exercise file means, for the field reference in CONTRIBUTING.md.

The guide's tables are generated from this module and the validator's own key lists, so they cannot
drift from what the validator accepts: which keys exist and which are required come from
:mod:`exercises.validate` for the top level; the nested parts (questions, options, items …) are
listed here, and a test checks that every key used in a data file or template is described.
``python -m exercises fields --write`` (or ``make docs-fields``) rewrites the block in the guide.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .learning_path import STEP_REQUIRED, TOP_KEYS as PATH_KEYS
from .validate import CASE_REQUIRED, COMMON_REQUIRED, KIND_KEYS

BEGIN = "<!-- feltreference:start (lavet af `python -m exercises fields --write` – ret ikke her) -->"
END = "<!-- feltreference:slut -->"

ONE, LIST, BLOCK = "én værdi", "liste", "samling"


@dataclass(frozen=True)
class Field:
    shape: str  # ONE, LIST or BLOCK (keys with their own fields under them)
    meaning: str


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
    "kind": Field(ONE, "Typen: `decision_tree` (beslutningstræ), `zones` (ZNU-sortering), `choice_grid` (valgskema) eller `checklist` (tjekliste)."),
    "title": Field(ONE, "Øvelsens titel."),
    "audience": Field(LIST, "Hvem øvelsen er til: `ny-medarbejder`, `samarbejdspartner` og/eller `temadag` (afsnittet `audiences` i `vocabulary.yml`)."),
    "intro": Field(ONE, "Indledningen over øvelsen: situationen, og hvad man skal gøre. Skriv `intro:` med en lodret streg efter (som i skabelonen) og teksten rykket ind under."),
    "source": Field(LIST, "Håndbogsafsnit, øvelsen bygger på, fx `[A-5.4.1, B-2.3]`."),
    "covers": Field(LIST, "Id'er fra håndbøgernes inventar, øvelsen dækker, fx `[DEC-03, MOD-19]`. Står der `CASE-07`, får casen et link til øvelsen – sådan laves linket tilbage til casen."),
}

KINDS: dict[str, dict[str, Field]] = {
    "decision_tree": {
        "start": Field(ONE, "Id'et på det første spørgsmål under `nodes`."),
        "nodes": Field(BLOCK, "Spørgsmålene. Hvert spørgsmål har sit eget id (små bogstaver og bindestreg) med felterne nedenfor."),
        "outcomes": Field(BLOCK, "Udfaldene, som svarene ender i. Hvert udfald har sit eget id med felterne nedenfor."),
    },
    "zones": {
        "items": Field(BLOCK, "Mindst fire opgaver, der skal placeres i en zone (se felterne nedenfor)."),
        "next_step": Field(ONE, "Tekst efter sorteringen: hvad er det næste skridt?"),
    },
    "choice_grid": {
        "scenario": Field(ONE, "Situationen, der skal vælges i."),
        "options": Field(LIST, "Præcis to muligheder, som vejes på kort og lang sigt."),
        "prompts": Field(LIST, "Spørgsmål, der hjælper med at udfylde skemaet."),
        "handbook_view": Field(BLOCK, "Håndbogens syn på valget, som vises, når man har truffet sin beslutning: `text` og `source` (se nedenfor)."),
    },
    "checklist": {
        "groups": Field(BLOCK, "Grupper af udsagn, fx tid, rum, klima og indhold (se felterne nedenfor)."),
        "reflection": Field(BLOCK, "Refleksionsspørgsmål efter tjeklisten."),
        "scale": Field(ONE, "`naerhed-afstand` for en nærhed/afstand-liste: så skal hvert udsagn have et `tag`, og hver gruppe råd for begge retninger. Filnavnet starter da med `cl-naerhed-`."),
        "dated": Field(ONE, "`true`, hvis hver opsummering skal gemmes med dato, så man kan se udviklingen over tid (fx relationstjekket)."),
    },
}

# Nested parts: (title, required keys, optional keys, fields). The validator's checks decide.
NESTED: dict[str, list[tuple[str, tuple[str, ...], tuple[str, ...], dict[str, Field]]]] = {
    "decision_tree": [
        ("Et spørgsmål under `nodes`", ("type", "question", "options"), ("help",), {
            "type": Field(ONE, "`beslutning` («Hvad gør du?» – ét svar er håndbøgernes, mindst ét er fristende, men forkert) eller `situation` («Hvad sker der?» – intet svar er forkert)."),
            "question": Field(ONE, "Spørgsmålet, som det står på skærmen."),
            "options": Field(BLOCK, "Mindst to svar; hvert svar starter med `- label:`."),
            "help": Field(ONE, "Et hint, man kan folde ud under spørgsmålet."),
        }),
        ("Et svar under `options`", ("label", "next", "feedback"), ("see", "recommended", "recovery"), {
            "label": Field(ONE, "Svarets tekst."),
            "next": Field(ONE, "Id'et på det spørgsmål eller udfald, svaret fører til."),
            "feedback": Field(ONE, "Det, der sker bagefter: først konsekvensen i scenariet, så reglen eller håndbogens begrundelse."),
            "see": Field(ONE, "En side under `docs/`, der forklarer metoden, fx `dilemmaer/omsorgspligt.md`."),
            "recommended": Field(ONE, "`true` på præcis ét svar i hver beslutning: det svar, håndbøgerne anbefaler."),
            "recovery": Field(ONE, "`true`, når svaret fører tilbage til et tidligere spørgsmål, så man kan prøve igen (en vej tilbage)."),
        }),
        ("Et udfald under `outcomes`", ("title", "text", "source", "rating", "next_page", "supervision"), ("law", "positions"), {
            "title": Field(ONE, "Udfaldets overskrift."),
            "text": Field(ONE, "Hvorfor – forklaringen, man får til sidst."),
            "source": Field(LIST, "Håndbogsafsnit, forklaringen bygger på."),
            "rating": Field(ONE, "Vurderingen: `anbefalet`, `forsvarligt`, `risikabelt` eller `i-strid-med-reglerne`."),
            "next_page": Field(ONE, "Siden under `docs/`, man bør læse bagefter."),
            "supervision": Field(ONE, "Ét spørgsmål at tage med til supervision."),
            "law": Field(LIST, "Lovpunkter fra `exercises/data/love.yml`, fx `[LAW-26]`; vises med årstal og hvad der gælder nu."),
            "positions": Field(BLOCK, "Når håndbøgerne er uenige: mindst to synspunkter, hver med `source` og `text`."),
        }),
    ],
    "zones": [
        ("En opgave under `items`", ("id", "text", "suggested", "reason"), (), {
            "id": Field(ONE, "Kort id med små bogstaver og bindestreg."),
            "text": Field(ONE, "Opgaven, fx «Få vasket sit tøj»."),
            "suggested": Field(ONE, "Forslaget: `kan-endnu-ikke`, `kan-med-hjaelp` eller `kan-selv`."),
            "reason": Field(ONE, "Hvorfor forslaget er sådan."),
        }),
    ],
    "choice_grid": [
        ("Håndbogens syn under `handbook_view`", ("text", "source"), (), {
            "text": Field(ONE, "Håndbogens syn på valget, med dine egne ord."),
            "source": Field(LIST, "Håndbogsafsnit, synet bygger på, fx `[B-4.6.1]`."),
        }),
    ],
    "checklist": [
        ("En gruppe under `groups`", ("id", "title", "items"), ("help", "advice"), {
            "id": Field(ONE, "Kort id med små bogstaver og bindestreg."),
            "title": Field(ONE, "Gruppens overskrift."),
            "items": Field(BLOCK, "Udsagnene; hvert starter med `- id:` og har `text`."),
            "help": Field(ONE, "En forklaring under overskriften."),
            "advice": Field(BLOCK, "Hvad man kan prøve: i en nærhed/afstand-liste `for-taet` og `for-fjern`, ellers `faresignal`."),
        }),
        ("Råd under `advice`", (), ("for-taet", "for-fjern", "faresignal"), {
            "for-taet": Field(ONE, "Hvad man kan prøve, når man trækker for tæt på (nærhed/afstand-lister)."),
            "for-fjern": Field(ONE, "Hvad man kan prøve, når man trækker for langt væk (nærhed/afstand-lister)."),
            "faresignal": Field(ONE, "Hvad man gør, når et faresignal er sat (andre tjeklister)."),
        }),
        ("Et udsagn under `items`", ("id", "text"), ("tag",), {
            "id": Field(ONE, "Kort id, forskelligt fra alle andre i filen."),
            "text": Field(ONE, "Udsagnet, man sætter flueben ved."),
            "tag": Field(ONE, "Hvilken vej udsagnet peger: `balance`, `for-taet` eller `for-fjern` (nærhed/afstand), eller `faresignal`."),
        }),
        ("Et spørgsmål under `reflection`", ("id", "question"), (), {
            "id": Field(ONE, "Kort id, forskelligt fra alle andre i filen."),
            "question": Field(ONE, "Refleksionsspørgsmålet."),
        }),
    ],
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

KIND_NAMES = {
    "decision_tree": "Beslutningstræ (`kind: decision_tree`, filnavn `dt-…`)",
    "zones": "ZNU-sortering (`kind: zones`, filnavn `zn-…`)",
    "choice_grid": "Valgskema (`kind: choice_grid`, filnavn `cg-…`)",
    "checklist": "Tjekliste (`kind: checklist`, filnavn `cl-…`)",
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
    lines += _table(CASE, CASE_REQUIRED, ("exercises",))
    lines += ["", "### Alle øvelser (`exercises/data/exercises/`)", ""]
    lines += _table(EXERCISE, COMMON_REQUIRED, ("covers",))
    for kind, (required, optional) in KIND_KEYS.items():
        lines += ["", f"### {KIND_NAMES[kind]}", "", "Ud over felterne for alle øvelser:", ""]
        lines += _table(KINDS[kind], required, optional)
        for title, nested_required, nested_optional, fields in NESTED.get(kind, []):
            lines += ["", f"**{title}**", ""]
            lines += _table(fields, nested_required, nested_optional)
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
