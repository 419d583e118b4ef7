"""Every exercise's printed worksheets, read from the built HTML (no browser, so all 30 are checked).

The participant sheet is handed out before the exercise is played: it must carry every question,
option and task, and nothing that gives the answer away (feedback, ratings, the key, the
handbook's view, which way a statement pulls). The facilitator sheet must carry all of that.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from exercises.models import RATINGS, Exercise
from exercises.site import site_library
from macros.render import ADVICE_LABELS, TAG_LABELS, tree_sheet

LIB = site_library()
EXERCISES = sorted(LIB.exercises.values(), key=lambda e: e.id)


def norm(text: str) -> str:
    return " ".join(text.split())


class SheetText(HTMLParser):
    """The text of one <table data-sheet=…> and the classes used inside it."""

    def __init__(self, sheet: str):
        super().__init__()
        self.sheet = sheet
        self.depth = 0
        self.parts: list[str] = []
        self.classes: set[str] = set()
        self.found = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if self.depth:
            self.classes.update((attributes.get("class") or "").split())
            if tag not in ("br", "img", "input", "meta", "link", "hr"):
                self.depth += 1
        elif tag == "table" and attributes.get("data-sheet") == self.sheet:
            self.depth, self.found = 1, self.found + 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(data)

    @property
    def text(self) -> str:
        return norm("".join(self.parts))


def sheet(site_dir: Path, exercise: Exercise, name: str) -> SheetText:
    parser = SheetText(name)
    parser.feed((site_dir / "ovelser" / exercise.id / "index.html").read_text(encoding="utf-8"))
    assert parser.found == 1, f"{exercise.id}: {parser.found} {name}ark i siden"
    return parser


def questions(exercise: Exercise) -> list[str]:
    """Everything a participant needs on paper: the exercise's questions, options and tasks."""
    texts = [exercise.title]
    for node in exercise.nodes:
        texts += [node.question, node.help, *(option.label for option in node.options)]
    texts += [item.text for item in exercise.items] + ([exercise.next_step] if exercise.next_step else [])
    texts += [*exercise.options, *exercise.prompts]
    for group in exercise.groups:
        texts += [group.title, group.help, *(item.text for item in group.items)]
    texts += [question.question for question in exercise.reflection]
    return [norm(t) for t in texts if t.strip()]


def answers(exercise: Exercise) -> list[str]:
    """What gives the exercise away: feedback, outcomes, the key, the handbook's view, the leans."""
    texts = [option.feedback for node in exercise.nodes for option in node.options]
    texts += [text for outcome in exercise.outcomes for text in (outcome.title, outcome.text, outcome.supervision)]
    texts += [item.reason for item in exercise.items]
    texts += [exercise.handbook_view.text] if exercise.handbook_view else []
    texts += [text for group in exercise.groups for _, text in group.advice]
    return [norm(t) for t in texts if t.strip()]


def first_sentence(text: str) -> str:
    """A leak shows in any part of an answer: its first sentence is enough to look for (unless a
    question says the same words, as «Fysisk modstand.» may)."""
    return text.split(". ")[0]


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_participant_sheet_has_every_question_and_no_answer(site_dir: Path, exercise: Exercise):
    participant = sheet(site_dir, exercise, "deltager")
    for text in questions(exercise):
        assert text in participant.text, f"{exercise.id}: mangler på deltagerarket: {text!r}"
    allowed = " ".join(questions(exercise) + [norm(exercise.intro), norm(exercise.scenario)])
    for text in answers(exercise):
        clue = first_sentence(text) if first_sentence(text) not in allowed else text
        assert clue not in participant.text, f"{exercise.id}: facit på deltagerarket: {text!r}"
    for word in [*RATINGS.values(), "Håndbøgernes valg", "Forslag", "Håndbogens syn", *ADVICE_LABELS.values()]:
        if word not in allowed:
            assert word not in participant.text, f"{exercise.id}: {word!r} på deltagerarket"
    if exercise.groups:  # a checklist's tags (for tæt, faresignal …) are marks only the facilitator sees
        assert "skp-ws__mark" not in participant.classes and "skp-ws__advice" not in participant.classes


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_facilitator_sheet_has_the_questions_and_the_key(site_dir: Path, exercise: Exercise):
    facilitator = sheet(site_dir, exercise, "facilitator")
    for text in questions(exercise) + answers(exercise):
        assert text in facilitator.text, f"{exercise.id}: mangler på facilitatorarket: {text!r}"
    for outcome in exercise.outcomes:
        assert f"vurdering: {outcome.rating_label}" in facilitator.text
    assert facilitator.text.count("✓ Forslag") == len(exercise.items)  # one mark per ZNU task
    for group in exercise.groups:
        for item in group.items:
            if item.tag:
                assert f"{item.text} {TAG_LABELS[item.tag]}" in facilitator.text


@pytest.mark.parametrize("exercise", [e for e in EXERCISES if e.kind == "decision_tree"], ids=lambda e: e.id)
def test_every_tree_option_on_paper_says_where_it_leads(site_dir: Path, exercise: Exercise):
    text = sheet(site_dir, exercise, "deltager").text
    plan = tree_sheet(exercise)
    assert plan.nodes[0].id == exercise.start and len(plan.nodes) == len(exercise.nodes)
    for number, node in enumerate(plan.nodes, start=1):
        block = text.split(f"Spørgsmål {number} · ")[1].split(f"Spørgsmål {number + 1} · ")[0]
        assert node.question in block
        for option in node.options:
            target = f"→ {plan.targets[option.next]}"
            assert re.search(re.escape(option.label) + r"\s*" + re.escape(target), block), (node.id, option.label, target)
    assert len(plan.letters) == len(exercise.outcomes)
