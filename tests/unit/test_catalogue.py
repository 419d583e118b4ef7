"""Pure views over the shipped library: sources, cross-links and filter groups."""

from exercises.catalogue import FACETS, cases_for_page, exercises_for_case, group_cases, source_refs
from exercises.site import site_library

LIB = site_library()


def test_source_refs_keep_only_sections_in_handbook_order():
    refs = source_refs(["MOD-39", "B-3.2.2.1", "A-5.3", "A-5.1", "A-5.3"], LIB)
    assert [r.id for r in refs] == ["A-5.1", "A-5.3", "B-3.2.2.1"]
    assert refs[0].heading and "Isbryder" in refs[0].handbook_title
    assert "2006" in refs[-1].handbook_title


def test_cases_for_page_follow_the_case_links():
    for case in LIB.cases.values():
        for page in case.links:
            assert case in cases_for_page(page, LIB)
    assert cases_for_page("no/such/page.md", LIB) == []


def test_exercises_for_case_combine_both_directions():
    for case in LIB.cases.values():
        ids = exercises_for_case(case, LIB)
        assert set(case.exercises) <= set(ids)
        for exercise in LIB.exercises.values():
            if case.id in exercise.covers:
                assert exercise.id in ids


def test_every_case_appears_in_every_facet_grouping():
    for facet in FACETS:
        grouped = {c.id for _, _, members in group_cases(LIB, facet) for c in members}
        assert grouped == set(LIB.cases), facet
