from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from seisai.exc import ListFormatError
from seisai.model import NameKind, Schema
from seisai.sources import ParsedList, SourceFile, group_files
from seisai.sources.formats.eu_fsf_csv import EUFlattenedCSV, eu_nationalities, split_aliases
from seisai.text.scripts import Script, scripts_in
from tests.sources.real_files import claimed_files

NAME = "DERIVED_eu_fsf_flattened_2025-05-25.csv"
HEADER = b"Name,Alias,Nationality,Designation,Sanction Type,Source\n"


@pytest.fixture(scope="module")
def parsed(lists_dir: Path) -> ParsedList:
    [publication] = group_files([SourceFile.from_path(lists_dir / "eu" / NAME)])
    return publication.parse()


def _parse(body: bytes, name: str = "eu.csv") -> ParsedList:
    return EUFlattenedCSV().parse([SourceFile(name, HEADER + body)])


def test_counts_match_sources_md(parsed: ParsedList) -> None:
    assert (parsed.source, parsed.format) == ("eu_fsf_derived", "eu_fsf_csv")
    assert parsed.counts() == {"total": 5_316, "Person": 4_110, "Organization": 1_206}
    assert parsed.published == date(2025, 5, 25)  # from the file name
    assert parsed.warnings == []  # every nationality cell is understood


def test_cyrillic_names(parsed: ParsedList) -> None:
    with_cyrillic = [e for e in parsed.entities if any(Script.CYRILLIC in scripts_in(n.value) for n in e.names)]
    assert len(with_cyrillic) == 3_022
    # ten of them have Cyrillic only inside mixed names ("Мрежа „Haqqani“"), mostly Latin
    assert sum(any(n.script is Script.CYRILLIC for n in e.names) for e in with_cyrillic) == 3_012


def test_ids_are_unique_and_do_not_depend_on_row_order(lists_dir: Path, parsed: ParsedList) -> None:
    lines = (lists_dir / "eu" / NAME).read_bytes().splitlines(keepends=True)
    reordered = EUFlattenedCSV().parse([SourceFile(NAME, b"".join([lines[0], *reversed(lines[1:])]))])
    before = {e.id: e.raw["row"] for e in parsed.entities}
    after = {e.id: e.raw["row"] for e in reordered.entities}
    assert len(before) == 5_316
    unique = [i for i in before if not i.endswith("-2") and f"{i}-2" not in before]
    assert len(unique) == 5_312  # two pairs of rows share name, type and nationality
    assert all(before[i] == after[i] for i in unique)


def test_hard_records(parsed: ParsedList) -> None:
    taeb = [e for e in parsed.entities if e.names[0].value == "Hossein TAEB"]
    assert len(taeb) == 2 and taeb[0].id != taeb[1].id  # listed twice, with different nationality cells
    vomz = next(e for e in parsed.entities if e.caption.startswith("Vologdský"))
    assert vomz.schema is Schema.ORGANIZATION
    assert "AO “Вологодский оптико-механический завод”" in {n.value for n in vomz.names}
    assert not any(n.value in ("a. s.", "a. s") for e in parsed.entities for n in e.names)
    congo = [e for e in parsed.entities if e.raw["row"]["nationality"].startswith("CONGO, Democratic")]
    assert len(congo) == 38 and all(e.nationalities == ["cd"] for e in congo)
    abu_nidal = next(e for e in parsed.entities if e.names[0].value == "Επαναστατικό Συμβούλιο Φατάχ")
    assert len(abu_nidal.names) > 100
    assert {"Abu Nidal Organisation", "Черен септември", "Black September"} <= {n.value for n in abu_nidal.names}


def test_split_aliases() -> None:
    org = split_aliases("Bizon, s. r. o.", "Bizon, s. r. o., LLC Bizon, Bison Kft., STC, Ltd, ООО “Бизон”", Schema.ORGANIZATION)
    assert org == [
        ("LLC Bizon", NameKind.ALIAS),
        ("Bison Kft.", NameKind.ALIAS),
        ("STC, Ltd", NameKind.ALIAS),
        ("ООО “Бизон”", NameKind.ALIAS),
    ]
    person = split_aliases("Hossein TAEB", "Hossein TAEB, Taeb, Hassan, حسين طائب, Hojjatoleslam Hossein Ta'eb", Schema.PERSON)
    assert person == [
        ("Taeb", NameKind.WEAK_ALIAS),
        ("Hassan", NameKind.WEAK_ALIAS),
        ("حسين طائب", NameKind.ALIAS),
        ("Hojjatoleslam Hossein Ta'eb", NameKind.ALIAS),
    ]


@pytest.mark.parametrize(
    ("cell", "codes"),
    [
        ("RUSSIAN FEDERATION", ["ru"]),
        ("CONGO, Democratic Republic of (was Zaire)", ["cd"]),
        ("MOLDOVA, REPUBLIC OF, ROMANIA", ["md", "ro"]),
        ("KOREA, DEMOCRATIC PEOPLE'S REPUBLIC OF", ["kp"]),
        ("PALESTINIAN TERRITORY, Occupied, ALGERIA", ["ps", "dz"]),
        ("BOSNIA AND HERZEGOWINA", ["ba"]),
        ("UKRAINE, RUSSIAN FEDERATION", ["ua", "ru"]),
        ("", []),
    ],
)
def test_eu_nationalities(cell: str, codes: list[str]) -> None:
    assert eu_nationalities(cell) == (codes, [])


def test_detects_only_the_derived_file(lists_dir: Path) -> None:
    assert claimed_files(EUFlattenedCSV, lists_dir) == {f"eu/{NAME}"}


def test_row_errors_name_the_line() -> None:
    good = b'Ivan IVANOV,"Ivan IVANOV, Iwan IWANOW",RUSSIAN FEDERATION,person,amendment,Europe\n'
    with pytest.raises(ListFormatError, match=r"eu\.csv: line 3: expected 6 columns, found 4"):
        _parse(good + b"A,B,C,D\n")
    with pytest.raises(ListFormatError, match=r"eu\.csv: line 2: unknown Designation 'vessel'"):
        _parse(good.replace(b"person", b"vessel"))
    with pytest.raises(ListFormatError, match=r"eu\.csv: line 2: empty Name"):
        _parse(b',"X",,person,amendment,Europe\n')


def test_truncated_file_is_refused(lists_dir: Path) -> None:
    data = (lists_dir / "eu" / NAME).read_bytes()
    cut = data[: data.index(b"Abid Hamid Bid") + 5]  # inside a quoted Alias cell
    with pytest.raises(ListFormatError, match=r"eu\.csv: line \d+: malformed CSV"):
        EUFlattenedCSV().parse([SourceFile("eu.csv", cut)])


def test_other_headers_are_refused() -> None:
    with pytest.raises(ListFormatError, match=r"eu\.csv: line 1: expected the columns"):
        EUFlattenedCSV().parse([SourceFile("eu.csv", b"Name,Alias\nA,B\n")])
    assert not EUFlattenedCSV.detect(SourceFile("x.csv", b"Name,Alias,Country\n"))
