"""core.text (folding, word counts, search terms, version order) and the catalog rules in
core.catalog (rubric passing, missing parts)."""

from __future__ import annotations

import random

import pytest

from mcdesk.core.catalog import (
    MethodComponent,
    MicroCredential,
    PartKind,
    Resource,
    ResponseKind,
    RubricCriterion,
    RubricLevel,
    SubmissionCriterion,
    SubmissionPart,
)
from mcdesk.core.text import fold, search_terms, version_key, word_count

# --- fold ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Évaluation", "evaluation"),
        ("CAFÉ", "cafe"),
        ("Café", "cafe"),
        ("naïve façade", "naive facade"),
        ("Ångström", "angstrom"),
        ("Straße", "strasse"),  # casefold, not lower
        ("e\u0301cole", "ecole"),  # already decomposed input
        ("plain ascii", "plain ascii"),
        ("", ""),
    ],
)
def test_fold_lowercases_and_drops_accents(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_fold_is_idempotent() -> None:
    for text in ("Évaluation Formative", "Straße", "ÇA VA", "日本語"):
        assert fold(fold(text)) == fold(text)


# --- word_count ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("", 0),
        ("   \n\t ", 0),
        ("one", 1),
        ("one two  three", 3),
        ("well-known", 1),
        ("teacher's", 1),
        ("teacher’s notes", 2),  # typographic apostrophe
        ("Évaluation formative", 2),
        ("3 students, 2 groups.", 4),
        ("— – ... !!! ?", 0),  # punctuation alone is not a word
        ("end-of-lesson exit-ticket", 2),
        ("line one\nline two", 4),
        ("snake_case", 2),  # underscore separates
        ("a - b", 2),  # a spaced dash is not a hyphenated word
    ],
)
def test_word_count_counts_like_a_reader(text: str, count: int) -> None:
    assert word_count(text) == count


def test_word_count_scales_linearly() -> None:
    assert word_count("word " * 250) == 250


# --- search_terms -------------------------------------------------------------------------------


def test_search_terms_fold_and_split_on_punctuation() -> None:
    assert search_terms("Évaluation formative") == ["evaluation", "formative"]
    assert search_terms("exit-tick") == ["exit", "tick"]
    assert search_terms('"CAFÉ" AND (Family)') == ["cafe", "and", "family"]
    assert search_terms("  ") == []
    assert search_terms("*:^-") == []


def test_search_terms_never_carry_fts_syntax() -> None:
    for query in ['a"b', "NEAR(a b)", "col:value", "x* OR y", "a'b"]:
        for term in search_terms(query):
            assert term.isalnum(), term


# --- version_key --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("older", "newer"),
    [
        ("1.9", "1.10"),
        ("1.2", "1.10"),
        ("2.0-beta", "2.0"),
        ("2.0beta", "2.0"),
        ("2.0-alpha", "2.0-beta"),
        ("2.0-beta", "2.0-rc1"),
        ("2.0-rc1", "2.0-rc2"),
        ("2.0-beta2", "2.0-beta10"),
        ("2.0", "2.0.1"),
        ("1.0", "2"),
        ("9", "10"),
        ("1", "1.0"),  # not equal: the tie is broken the same way every time
        ("1.0", "1.1"),
        ("2.0-RC1", "2.0"),
    ],
)
def test_version_key_reads_versions_like_people(older: str, newer: str) -> None:
    assert version_key(older) < version_key(newer)
    assert version_key(newer) > version_key(older)


def test_version_key_ignores_case_and_surrounding_space() -> None:
    assert version_key(" 2.0-Beta ") == version_key("2.0-beta")


@pytest.mark.parametrize("spelling", ["2.0.beta", "2.0 beta", "2.0_beta", "2.0beta"])
def test_version_key_separator_before_a_suffix_does_not_matter(spelling: str) -> None:
    assert version_key(spelling) == version_key("2.0-beta")
    # whatever the separator, rc is newer than beta and both are older than the release
    assert version_key(spelling) < version_key("2.0-rc1") < version_key("2.0")
    assert version_key(spelling.replace("beta", "rc1")) > version_key("2.0-beta")


def test_version_key_large_numbers_compare_as_numbers() -> None:
    assert version_key("20240101") > version_key("9999999")
    assert version_key("1.123456789012") > version_key("1.99")


@pytest.mark.parametrize("hostile", ["1²", "v⁵", "½", "1.0-β", "", "   ", "..--", "٣.١"])
def test_version_key_never_fails_on_odd_text(hostile: str) -> None:
    key = version_key(hostile)
    assert key[-1] == (0, "~")
    assert version_key("٣.١") == version_key("3.1")  # other scripts' decimal digits


def test_version_order_is_total_and_stable() -> None:
    versions = ["1", "1.0", "1.0.0", "1.9", "1.10", "2.0-beta", "2.0-rc1", "2.0", "2.0.1", "10"]
    expected = sorted(versions, key=version_key)
    assert expected == ["1", "1.0", "1.0.0", "1.9", "1.10", "2.0-beta", "2.0-rc1", "2.0",
                        "2.0.1", "10"]
    shuffler = random.Random(1234)
    for _ in range(20):
        shuffled = versions[:]
        shuffler.shuffle(shuffled)
        assert sorted(shuffled, key=version_key) == expected
        assert max(shuffled, key=version_key) == "10"
    # distinct spellings never tie, so "which version is current" never depends on order
    assert len({version_key(v) for v in versions}) == len(versions)


# --- RubricCriterion ----------------------------------------------------------------------------


def _criterion(required: str | None) -> RubricCriterion:
    levels = tuple(RubricLevel(f"l{i}", name) for i, name in
                   enumerate(["Not yet", "Developing", "Proficient", "Exemplary"]))
    return RubricCriterion("rc", "Design", levels, required)


def test_rubric_passes_at_or_above_the_required_level() -> None:
    criterion = _criterion("l2")
    assert [criterion.passes(f"l{i}") for i in range(4)] == [False, False, True, True]
    assert criterion.required_level == RubricLevel("l2", "Proficient")
    assert criterion.is_rubric


def test_rubric_lowest_required_level_passes_everything() -> None:
    assert all(_criterion("l0").passes(f"l{i}") for i in range(4))


def test_rubric_without_required_level_always_passes() -> None:
    criterion = _criterion(None)
    assert criterion.passes("l0")
    assert criterion.required_level is None


def test_rubric_unknown_level_is_an_error_not_a_pass() -> None:
    with pytest.raises(KeyError):
        _criterion("l2").passes("nope")


def test_result_description_of_another_type_is_not_rubric() -> None:
    letter = RubricCriterion("g", "Grade", (), None, result_type="LetterGrade")
    assert not letter.is_rubric
    empty = RubricCriterion("e", "Empty", (), None)
    assert not empty.is_rubric


# --- MicroCredential.missing_parts --------------------------------------------------------------

ALL_PARTS = ["Competency", "Key method", "Method components", "Research and resources",
             "Submission criteria", "Scoring rubric"]


def _plain(**changes: object) -> MicroCredential:
    base: dict[str, object] = dict(
        achievement_id="https://example.org/a", version="1", name="A", description="d",
        criteria_narrative="n",
    )
    base.update(changes)
    return MicroCredential(**base)  # type: ignore[arg-type]


def test_plain_achievement_misses_every_part() -> None:
    assert _plain().missing_parts() == ALL_PARTS


def test_complete_micro_credential_misses_nothing() -> None:
    part = SubmissionPart("part-1", "Part 1", PartKind.OVERVIEW, (
        SubmissionCriterion("p1", "Describe", ResponseKind.TEXT, min_words=10, max_words=20),))
    complete = _plain(
        competency="c", key_method="k",
        method_components=(MethodComponent("m", "d"),),
        resources=(Resource("r"),),
        submission_parts=(part,),
        rubric=(_criterion("l2"),),
    )
    assert complete.missing_parts() == []
    assert complete.criterion("p1").max_words == 20
    with pytest.raises(KeyError):
        complete.criterion("nope")
    assert complete.rubric_criterion("rc") is not None
    assert complete.rubric_criterion("nope") is None


def test_missing_parts_in_reading_order() -> None:
    partial = _plain(competency="c", resources=(Resource("r"),))
    assert partial.missing_parts() == ["Key method", "Method components",
                                       "Submission criteria", "Scoring rubric"]


def test_rubric_of_only_non_rubric_results_counts_as_missing() -> None:
    letter = RubricCriterion("g", "Grade", (), None, result_type="LetterGrade")
    assert "Scoring rubric" in _plain(rubric=(letter,)).missing_parts()
    assert "Scoring rubric" not in _plain(rubric=(letter, _criterion("l1"))).missing_parts()


def test_blank_text_counts_as_missing() -> None:
    assert _plain(competency="", key_method="").missing_parts()[:2] == ["Competency",
                                                                        "Key method"]


def test_human_size_and_clock() -> None:
    from mcdesk.core.units import clock, human_size

    assert human_size(0) == "0 KB"
    assert human_size(10) == "1 KB"
    assert human_size(5 * 1024**2) == "5.0 MB"
    assert human_size(3 * 1024**3) == "3.0 GB"
    assert clock(7) == "0:07" and clock(750) == "12:30" and clock(3723) == "1:02:03"
