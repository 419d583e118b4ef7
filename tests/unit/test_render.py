"""Macros render from Jinja partials: exercise HTML honours the runtime contract."""

import json
import re
from types import SimpleNamespace

import pytest

from exercises.site import ROOT, site_library
from macros.render import Renderer, paragraphs


def renderer(extra=None, page_url="dilemmaer/omsorgspligt/", src="dilemmaer/omsorgspligt.md"):
    page = SimpleNamespace(url=page_url, file=SimpleNamespace(src_uri=src))
    return Renderer(site_library(), ROOT / "docs", extra or {}, current_page=lambda: page)


def test_paragraphs_escape_markup_and_split_on_blank_lines():
    assert str(paragraphs("a <b>\n\nc")) == "<p>a &lt;b&gt;</p><p>c</p>"


@pytest.mark.parametrize("exercise_id", sorted(site_library().exercises))
def test_exercise_html_has_the_runtime_contract_and_the_same_model(exercise_id):
    html = renderer().exercise(exercise_id)
    assert f'data-exercise-id="{exercise_id}"' in html and 'data-runtime="static"' in html
    kind = site_library().exercises[exercise_id].kind
    assert f'data-exercise-kind="{kind}"' in html
    embedded = re.search(r'<script type="application/json" data-role="definition">(.*?)</script>', html, re.S)
    assert json.loads(embedded.group(1).replace("<\\/", "</")) == site_library().exercises[exercise_id].to_dict()
    assert "\n\n" not in html  # one raw HTML block for Markdown


def test_links_in_raw_html_are_relative_to_the_page():
    assert renderer().url("cases/eva.md") == "../../cases/eva/"
    assert renderer(page_url="", src="index.md").url("dilemmaer/index.md") == "dilemmaer/"
    assert renderer().link("cases/eva.md") == "../cases/eva.md"


def test_kommune_contact_uses_extra_or_a_placeholder():
    filled = renderer({"kommune": {"navn": "Testrup Kommune", "telefon": "12 34 56 78", "email": "skp@testrup.dk"}}).kommune_kontakt()
    assert "Testrup Kommune" in filled and 'href="tel:12345678"' in filled and 'data-configured="ja"' in filled
    empty = renderer({"kommune": {"navn": "", "telefon": ""}}).kommune_kontakt()
    assert 'data-configured="nej"' in empty and "kommunens hjemmeside" in empty and "extra.kommune" not in empty
    assert 'data-configured="nej"' in renderer({}).kommune_kontakt()


def test_unknown_exercise_or_law_fails_loudly():
    with pytest.raises(KeyError, match="findes ikke"):
        renderer().exercise("findes-ikke")
    with pytest.raises(KeyError, match="LAW-99"):
        renderer().lov("LAW-99")
