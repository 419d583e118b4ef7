"""Glossary and vocabulary agree with the legal pages they explain."""

from exercises.site import site_library

LIB = site_library()
GLOSSARY = {term.term: term.definition for term in LIB.glossary}


def test_one_municipality_is_one_authority_in_the_glossary_as_in_the_table():
    """dilemmaer/samme-eller-anden-myndighed.md: other departments of the same kommune are the same authority."""
    assert "Hele kommunen regnes som én myndighed" in GLOSSARY["samme myndighed"]
    assert "forvaltning" not in GLOSSARY["anden myndighed"]
    assert "uden for din egen kommune" in GLOSSARY["anden myndighed"]


def test_kaj_was_referred_from_prison_and_neighbours_can_refer():
    referrers = LIB.vocabulary["henvisere"]
    assert referrers["kriminalforsorgen"] == "Kriminalforsorgen (fængsel og frihed)"
    assert referrers["nabo"] == "Nabo"
    assert LIB.cases["CASE-10"].henviser == "kriminalforsorgen"


def test_the_agency_has_its_current_name():
    assert "Social- og Boligstyrelsen" in GLOSSARY
    assert "Socialstyrelsen" not in GLOSSARY
