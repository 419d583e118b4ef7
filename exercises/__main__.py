"""Command line for authors and checks.

    python -m exercises check [FILE ...]   validate everything (or just the given files); exit 1 on errors
    python -m exercises list --json        id, kind, title, source and audience of every exercise
    python -m exercises walk ID OPTION ... follow a decision tree by option numbers; prints JSON
    python -m exercises stats --json       what each exercise trains: DEC ids, decisions, feedback, recoveries
    python -m exercises new KIND "Titel"   start a case or exercise file from a commented template
    python -m exercises fields [--write]   the field reference for CONTRIBUTING.md (generated)

Each command is one entry in ``COMMANDS``; a new command is a function plus one line there.
A broken data file fails ``check``; ``list``, ``walk`` and ``stats`` report it and go on with the rest.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import DataErrors
from .fields import reference, update_guide
from .loader import load_yaml
from .scaffold import TEMPLATES, new_file
from .stats import exercise_stats
from .site import DATA_DIR, ROOT, docs_pages, site_library
from .trees import WalkError, walk
from .validate import Checker, Library, check_case, check_exercise, check_glossary, check_laws, check_sections, check_vocabulary

GUIDE = ROOT / "CONTRIBUTING.md"


def check_files(paths: list[Path], library: Library) -> list[str]:
    """Validate single files against the shipped library (used for new files and broken fixtures)."""
    problems: list[str] = []
    for path in paths:
        display = path.resolve().relative_to(ROOT).as_posix() if path.resolve().is_relative_to(ROOT) else str(path)
        checker = Checker(display)
        data, errors = load_yaml(path, display)
        checker.errors.extend(errors)
        if not errors:
            if path.name == "love.yml" or path.name.startswith("love-"):
                check_laws(checker, data, library)
            elif path.name == "ordliste.yml":
                check_glossary(checker, data)
            elif path.name == "vocabulary.yml":
                check_vocabulary(checker, data)
            elif path.name == "sections.yml":
                check_sections(checker, data)
            elif isinstance(data, dict) and "kind" in data:
                check_exercise(checker, data, path.stem, library)
            else:
                check_case(checker, data, library, docs_pages(ROOT / "docs"))
        problems += [str(e) for e in sorted(checker.errors)]
    return problems


def _check(args: argparse.Namespace, library: Library) -> int:
    if args.files:
        problems = check_files(args.files, library)
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            return 1
        print(f"OK: {len(args.files)} fil(er) er gyldige.")
        return 0
    print(f"OK: {len(library.exercises)} øvelser og {len(library.cases)} cases er gyldige.")
    return 0


def _list(args: argparse.Namespace, library: Library) -> int:
    rows = [
        {"id": e.id, "kind": e.kind, "title": e.title, "source": list(e.source), "audience": list(e.audience)}
        for e in library.exercises.values()
    ]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            print(f"{row['id']:45} {row['kind']:14} {row['title']}")
    return 0


def _walk(args: argparse.Namespace, library: Library) -> int:
    tree = library.exercises.get(args.id)
    if tree is None or tree.kind != "decision_tree":
        print(f"'{args.id}' er ikke et beslutningstræ. Se 'python -m exercises list'.", file=sys.stderr)
        return 2
    try:
        result = walk(tree, args.options)
    except WalkError as exc:
        print(f"Kan ikke følge vejen: {exc}", file=sys.stderr)
        return 2
    data = result.to_dict()
    data["visited"] = [s.node for s in result.steps] + [result.at]
    if result.finished:
        outcome = tree.outcome(result.at)
        assert outcome is not None, "a finished walk ends on one of the tree's outcomes"
        data["outcome"] = {"id": outcome.id, "title": outcome.title, "text": outcome.text, "source": list(outcome.source)}
    print(json.dumps(data, ensure_ascii=False, indent=2))
    return 0


def _stats(args: argparse.Namespace, library: Library) -> int:
    report = exercise_stats(library)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for row in report["exercises"]:
            counts = "" if "decisions" not in row else f"  beslutninger {row['decisions']}, situationer {row['situations']}, veje tilbage {row['recoveries']}"
            print(f"{row['id']:45} {row['kind']:14} {' '.join(row['plays'])}{counts}")
    return 0


def _new(args: argparse.Namespace) -> int:
    try:
        path = new_file(args.kind, args.title, args.data)
    except FileExistsError as exc:
        print(f"{exc.filename} findes allerede – vælg en anden titel, eller ret den fil, der er.", file=sys.stderr)
        return 1
    shown = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)
    print(f"Oprettet: {shown}\nÅbn filen, ret teksterne (forklaringerne står efter #), og kør 'make check'.")
    return 0


def _fields(args: argparse.Namespace) -> int:
    if args.write:
        changed = update_guide(GUIDE)
        print("CONTRIBUTING.md er opdateret." if changed else "CONTRIBUTING.md var allerede opdateret.")
    else:
        print(reference())
    return 0


@dataclass(frozen=True)
class Command:
    """One sub-command: its help text, its arguments, and whether it needs the validated library."""

    help: str
    arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[..., int]
    needs_library: bool = True


def _check_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="*", type=Path)


def _list_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="som JSON")


def _walk_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("id")
    p.add_argument("options", nargs="*", type=int)


def _new_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("kind", choices=sorted(TEMPLATES), help="case, tree, zones, grid eller checklist")
    p.add_argument("title", help='titlen i anførselstegn, fx "Naboen ringer"')
    p.add_argument("--data", type=Path, default=DATA_DIR, help=argparse.SUPPRESS)  # tests write to a copy


def _fields_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--write", action="store_true", help="skriv feltreferencen ind i CONTRIBUTING.md")


# Add a command here: name -> Command(help, arguments, run).
COMMANDS: dict[str, Command] = {
    "check": Command("validér alle datafiler (eller kun de angivne)", _check_args, _check),
    "list": Command("vis alle øvelser", _list_args, _list),
    "walk": Command("følg et beslutningstræ", _walk_args, _walk),
    "stats": Command("tal for, hvad øvelserne træner", _list_args, _stats),
    "new": Command("start en ny case eller øvelse fra en skabelon", _new_args, _new, needs_library=False),
    "fields": Command("vis (eller skriv) feltreferencen til CONTRIBUTING.md", _fields_args, _fields, needs_library=False),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m exercises", description="Tjek og afprøv øvelser og cases.")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, command in COMMANDS.items():
        command.arguments(sub.add_parser(name, help=command.help))
    args = parser.parse_args(argv)
    command = COMMANDS[args.command]
    if not command.needs_library:
        return command.run(args)
    try:
        library = site_library()
    except DataErrors as exc:
        print(f"{len(exc.errors)} fejl i datafilerne:", file=sys.stderr)
        for error in exc.errors:
            print(f"  {error}", file=sys.stderr)
        if (args.command == "check" and not args.files) or exc.library is None:
            return 1
        library = exc.library  # the valid files still serve list, walk, stats and checking single files
    return command.run(args, library)


if __name__ == "__main__":
    sys.exit(main())
