"""Partner pages reach SKP: no editor's note, a wrong-door block on each, the form first, one question per field."""

import html
import importlib.util
import logging
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from tests.conftest import ROOT


def partner_pages(site_dir: Path) -> list[Path]:
    pages = sorted((site_dir / "henvis").rglob("index.html"))
    assert len(pages) >= 9
    return pages


def main_text(page: Path) -> str:
    raw = page.read_text(encoding="utf-8")
    article = raw[raw.index("<article"):raw.index("</article>")]
    article = re.sub(r"<(script|style)\b.*?</\1>", " ", article, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", article)).split())


def test_no_built_page_shows_an_editors_note(site_dir: Path):
    leaks = [
        p.relative_to(site_dir).as_posix()
        for p in site_dir.rglob("*.html")
        if re.search(r"Til redaktøren|extra\.kommune", p.read_text(encoding="utf-8"))
    ]
    assert not leaks, leaks


def test_every_partner_page_says_where_to_go_when_skp_is_the_wrong_door(site_dir: Path):
    for page in partner_pages(site_dir):
        text = main_text(page)
        assert "Når SKP ikke er den rette dør" in text, page
        for door in ("112", "akutmodtagelse", "1813", "underretning", "demenskoordinator"):
            assert door in text, (page, door)


def test_henvis_en_borger_opens_with_three_steps_and_the_form(site_dir: Path):
    raw = (site_dir / "henvis" / "index.html").read_text(encoding="utf-8")
    article = raw[raw.index("<article"):]
    before_form = main_text_of(article[: article.index('data-role="referral"')])
    assert "Tre trin" in before_form and len(before_form.split()) < 300, len(before_form.split())


def main_text_of(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def test_consent_table_columns_say_different_things(site_dir: Path):
    raw = (site_dir / "henvis" / "index.html").read_text(encoding="utf-8")
    table = re.search(r'<h2 id="tilbagemelding".*?(<table>.*?</table>)', raw, re.S).group(1)
    headers = [main_text_of(h) for h in re.findall(r"<th[^>]*>(.*?)</th>", table, re.S)]
    assert headers == ["Det må SKP gerne uden borgerens ja", "Det kræver borgerens ja"]
    columns = list(zip(*[re.findall(r"<td[^>]*>(.*?)</td>", row, re.S) for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]], strict=False))
    assert not set(columns[0]) & set(columns[1])


def test_each_referral_question_asks_one_thing(site_dir: Path):
    raw = (site_dir / "henvis" / "henvisningsskema" / "index.html").read_text(encoding="utf-8")
    start = raw.index('data-role="referral-form"')
    form = raw[start:raw.index("</form>", start)]
    questions = re.findall(r'<p class="skp-field"><label[^>]*>(.*?)</label>', form)
    questions += re.findall(r'<fieldset class="skp-referral__choice">\s*<legend>(.*?)</legend>', form)
    assert len(questions) >= 9
    for question in questions:
        assert question.count("?") == 1 and question.endswith("?"), question
        assert not re.search(r"\bog (har|hvordan|hvor|vil)\b", question), question


def load_hook():
    path = ROOT / "overrides" / "hooks" / "kommune_contact.py"
    spec = importlib.util.spec_from_file_location("kommune_contact", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_empty_contact_is_logged_once_without_failing_strict(caplog: pytest.LogCaptureFixture):
    hook = load_hook()
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        hook.on_config(SimpleNamespace(extra={"kommune": {"navn": "", "telefon": ""}}))
        hook.on_config(SimpleNamespace(extra={"kommune": {"navn": "Testrup Kommune"}}))
    notes = [r for r in caplog.records if "ikke udfyldt" in r.getMessage()]
    assert len(notes) == 1 and notes[0].levelno == logging.INFO  # a WARNING would abort --strict


def test_a_misspelt_contact_field_stops_the_build():
    with pytest.raises(PluginError, match="svartid"):
        load_hook().on_config(SimpleNamespace(extra={"kommune": {"navn": "", "svar_tid": "2 dage"}}))
