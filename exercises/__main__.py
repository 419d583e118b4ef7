"""Command line for authors and checks.

    python -m exercises check [FILE ...]   validate everything (or just the given files); exit 1 on errors
    python -m exercises list --json        id, kind, title, source and audience of every exercise
    python -m exercises walk ID OPTION ... follow a decision tree by option numbers; prints JSON
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .errors import DataErrors
from .trees import WalkError, walk
from .validate import Checker, Library, check_case, check_exercise, check_glossary, check_laws
from .loader import load_yaml

from .site import ROOT, site_library, docs_pages


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
            elif isinstance(data, dict) and "kind" in data:
                check_exercise(checker, data, path.stem, library)
            else:
                check_case(checker, data, library, docs_pages(ROOT / "docs"))
        problems += [str(e) for e in sorted(checker.errors)]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m exercises", description="Tjek og afprøv øvelser og cases.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validér alle datafiler (eller kun de angivne)")
    check.add_argument("files", nargs="*", type=Path)
    listing = sub.add_parser("list", help="vis alle øvelser")
    listing.add_argument("--json", action="store_true", help="som JSON")
    walker = sub.add_parser("walk", help="følg et beslutningstræ")
    walker.add_argument("id")
    walker.add_argument("options", nargs="*", type=int)
    args = parser.parse_args(argv)

    try:
        library = site_library()
    except DataErrors as exc:
        print(f"{len(exc.errors)} fejl i datafilerne:", file=sys.stderr)
        for error in exc.errors:
            print(f"  {error}", file=sys.stderr)
        return 1

    if args.command == "check":
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
    if args.command == "list":
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


if __name__ == "__main__":
    sys.exit(main())
