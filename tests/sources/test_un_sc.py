from __future__ import annotations

from pathlib import Path

import pytest

from seisai.exc import ListFormatError
from seisai.model import NameKind, Precision, Schema
from seisai.sources import SourceFile, detect_format, group_files
from seisai.sources.formats.un_sc import UNSecurityCouncil
from seisai.text.scripts import Script


def parse(path: Path):  # type: ignore[no-untyped-def]
    [publication] = group_files([SourceFile.from_path(path)])
    return publication.parse()


@pytest.mark.parametrize(
    ("name", "individuals", "entities"),
    [("UN_consolidated_2026-02-27.xml", 730, 273), ("UN_consolidated_2024-11-30.xml", 686, 193)],
)
def test_counts_match_sources_md(lists_dir: Path, name: str, individuals: int, entities: int) -> None:
    parsed = parse(lists_dir / "un" / name)
    assert parsed.source == "un_sc"
    assert parsed.counts()["Person"] == individuals
    assert parsed.counts()["Organization"] == entities


def test_original_script_and_dates(lists_dir: Path) -> None:
    parsed = parse(lists_dir / "un" / "UN_consolidated_2026-02-27.xml")
    assert str(parsed.published) == "2026-02-27"
    saddam = next(e for e in parsed.entities if e.source_id == "6908048")
    originals = [n for n in saddam.names if n.kind is NameKind.ORIGINAL_SCRIPT]
    assert originals and originals[0].script is Script.ARABIC
    assert saddam.birth_dates[0].iso() == "1937-04-28"
    assert saddam.nationalities == ["iq"]
    ranges = [d for e in parsed.entities for d in e.birth_dates if d.precision is Precision.RANGE]
    assert ranges, "BETWEEN dates must be kept as ranges"


def test_detects_only_un_files(lists_dir: Path) -> None:
    assert detect_format(SourceFile.from_path(lists_dir / "un" / "UN_consolidated_2026-02-27.xml")) is UNSecurityCouncil
    assert not UNSecurityCouncil.detect(SourceFile("x.xml", b"<?xml version='1.0'?><other/>"))


def test_entity_without_dataid_names_the_line() -> None:
    data = b"<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL><FIRST_NAME>A</FIRST_NAME></INDIVIDUAL>\n</INDIVIDUALS></CONSOLIDATED_LIST>"
    with pytest.raises(ListFormatError, match=r"x\.xml: line 3: INDIVIDUAL without DATAID"):
        UNSecurityCouncil().parse([SourceFile("x.xml", data)])


def test_truncated_file_is_refused(lists_dir: Path) -> None:
    data = (lists_dir / "un" / "UN_consolidated_2026-02-27.xml").read_bytes()[:100_000]
    with pytest.raises(ListFormatError, match=r"UN\.xml: line \d+"):
        UNSecurityCouncil().parse([SourceFile("UN.xml", data)])


def test_schema_of_entities(lists_dir: Path) -> None:
    parsed = parse(lists_dir / "un" / "UN_consolidated_2026-02-27.xml")
    assert {e.schema for e in parsed.entities} == {Schema.PERSON, Schema.ORGANIZATION}
