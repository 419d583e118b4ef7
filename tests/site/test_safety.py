"""Safety and health for new hires: in the learning path first, each topic covered, named sources with a year."""

import re
from pathlib import Path

from tests.site.test_partner_pages import main_text

TOPICS = {
    "sikkerhed/overdosis-og-selvmordsrisiko": ("naloxon", "overdosis", "selvmord", "112"),
    "sikkerhed/kanyler-og-smitte": ("kanyle", "hepatitis B", "72 timer", "arbejdsskade"),
    "sikkerhed/alenearbejde-og-apv": ("alenearbejde", "APV", "tjek", "hvert tredje år"),
    "sikkerhed/notater-i-anonyme-forloeb": ("anonym", "CPR-nummer", "notatpligt"),
}


def test_the_learning_path_starts_with_safety(site_dir: Path):
    raw = (site_dir / "kom-i-gang" / "ny-medarbejder" / "index.html").read_text(encoding="utf-8")
    path = re.search(r'<ol class="skp-path"[^>]*>(.*?)</ol>', raw, re.S).group(1)
    first = re.search(r"<li[^>]*>(.*?)</li>", path, re.S).group(1)
    assert 'href="../../sikkerhed/"' in first and "Sikkerhed og helbred" in first


def test_each_safety_page_covers_its_topic_and_names_dated_sources(site_dir: Path):
    for url, words in TOPICS.items():
        text = main_text(site_dir / url / "index.html")
        for word in words:
            assert word in text, (url, word)
        sources = text[text.index("Kilder og år"):]
        assert re.search(r"\b(19|20)\d\d\b", sources), url
        assert re.search(r"Sundhedsstyrelsen|Arbejdstilsynet|håndbog", sources, re.I), url
        assert 'class="skp-source"' in (site_dir / url / "index.html").read_text(encoding="utf-8"), url
