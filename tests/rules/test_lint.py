"""The measures lint: the shipped files are clean; each kind of mistake is caught."""

from __future__ import annotations

import textwrap

import pytest

from seisai.rules.lint import lint_texts
from seisai.rules.loader import shipped_files

GOOD = textwrap.dedent(
    """\
    jurisdiction: JP
    regime: test
    title: Test measures
    authority: Test
    sources:
      S1: {url: "https://example.org/a", title: A source, official: true}
    measures:
      - id: JP-2022-901
        title: A test measure
        type: export_ban
        announced: 2022-03-11
        effective: 2022-03-18
        legal_basis: FEFTA art. 48(3)
        sources: [S1]
        confidence: O
        outcome: prohibited
        when:
          types: [export]
          destination: {countries: [ru], regions: [UA-43]}
          goods:
            - {label: chips, hs: ["8542"]}
    """
)


def test_shipped_measures_are_clean() -> None:
    problems = [p for p in lint_texts(list(shipped_files())) if p.level == "error"]
    assert problems == []


def test_a_good_file_passes() -> None:
    assert lint_texts([("measures/jp/test.yml", GOOD)]) == []


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("effective: 2022-03-18", "effective: 2022-03-32", "date"),
        ("effective: 2022-03-18", "effective: 2022-03-01", "announced (2022-03-11) after it took effect"),
        ("effective: 2022-03-18", "effective: 2022-03-18\n    end: 2022-03-01", "ends (2022-03-01) before"),
        ("countries: [ru]", "countries: [xx]", "'xx' is not a lower-case ISO"),
        ("countries: [ru]", "countries: [RU]", "'RU' is not a lower-case ISO"),
        ("regions: [UA-43]", "regions: [UA-99]", "unknown region 'UA-99'"),
        ('hs: ["8542"]', 'hs: ["85X2"]', "invalid HS code"),
        ("sources: [S1]", "sources: [S9]", "cites source 'S9'"),
        ("confidence: O", "confidence: U", "confidence U needs a note"),
        ("outcome: prohibited", "outcome: forbidden", "outcome"),
        ("types: [export]", "types: [export]\n      parties: {lists: [jp_nowhere]}", "unknown list 'jp_nowhere'"),
        ("outcome: prohibited", "outcome: prohibited\n    supersedes: [JP-2022-999]", "supersedes unknown measure"),
        ("id: JP-2022-901", "id: US-2022-901", "must start with the file's jurisdiction"),
        ("types: [export]", "typs: [export]", "unknown field"),
        ("  - id: JP-2022-901", "  - id: JP-2022-901\n    bogus: 1", "unknown field"),
    ],
)
def test_mistakes_are_reported(old: str, new: str, message: str) -> None:
    text = GOOD.replace(old, new, 1)
    assert text != GOOD
    problems = lint_texts([("measures/jp/test.yml", text)])
    assert any(message in str(p) and p.level == "error" for p in problems), problems


def test_dangling_reference_between_files() -> None:
    other = GOOD.replace("JP-2022-901", "JP-2022-902").replace(
        "outcome: prohibited", "outcome: prohibited\n    supersedes: [JP-2022-901]"
    )
    assert lint_texts([("measures/jp/a.yml", GOOD), ("measures/jp/b.yml", other)]) == []
    problems = lint_texts([("measures/jp/b.yml", other)])
    assert any("supersedes unknown measure 'JP-2022-901'" in str(p) for p in problems)


def test_duplicate_ids_across_files() -> None:
    problems = lint_texts([("measures/jp/a.yml", GOOD), ("measures/jp/b.yml", GOOD)])
    assert any("duplicate measure id" in str(p) for p in problems)


def test_folder_must_match_jurisdiction() -> None:
    problems = lint_texts([("measures/us/test.yml", GOOD)])
    assert any("folder 'us'" in str(p) for p in problems)


def test_yaml_syntax_error_names_the_line() -> None:
    problems = lint_texts([("measures/jp/bad.yml", GOOD + "  - id: [unclosed\n")])
    assert problems and "line" in problems[0].where


def test_unused_source_is_a_warning() -> None:
    text = GOOD.replace("measures:", '  S2: {url: "https://example.org/b", title: B}\nmeasures:')
    problems = lint_texts([("measures/jp/test.yml", text)])
    assert [(p.level, p.where) for p in problems] == [("warning", "sources.S2")]
