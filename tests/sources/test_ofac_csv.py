from __future__ import annotations

from pathlib import Path

import pytest

from seisai.exc import ListFormatError
from seisai.model import IdKind, NameKind, Precision, Schema
from seisai.sources import ParsedList as Parsed
from seisai.sources import SourceFile, group_files
from seisai.sources.formats.ofac_csv import OFACLegacyCSV
from tests.sources.real_files import claimed_files

SDN_2023 = ("sdn_2023-12-28.csv", "add_2023-12-28.csv", "alt_2023-12-28.csv")
CONS = ("cons_prim.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv")


def _parse(folder: Path, names: tuple[str, ...]) -> Parsed:
    return OFACLegacyCSV().parse([SourceFile.from_path(folder / n) for n in names])


@pytest.fixture(scope="module")
def sdn_2023(lists_dir: Path) -> Parsed:
    return _parse(lists_dir / "ofac", SDN_2023)


@pytest.fixture(scope="module")
def fixture(fixtures_dir: Path) -> Parsed:
    [publication] = group_files(SourceFile.from_path(p) for p in sorted((fixtures_dir / "sources" / "ofac_csv").iterdir()))
    return publication.parse()


@pytest.mark.slow
def test_sdn_2023_counts(sdn_2023: Parsed) -> None:
    # SOURCES.md says 13,822 entries, 18,991 addresses and 17,092 aliases: each one more than
    # the files hold (it counted the line holding the end-of-file byte). The files have
    # 13,821 / 18,990 / 17,091 rows, and every row is read.
    assert sdn_2023.source == "us_ofac_sdn"
    assert str(sdn_2023.published) == "2023-12-28"
    assert sdn_2023.counts()["total"] == 13_821
    assert sdn_2023.counts()["Person"] == 6_646
    assert sum(len(e.raw.get("addresses", [])) for e in sdn_2023.entities) == 18_990
    assert sum(len(e.raw.get("aliases", [])) for e in sdn_2023.entities) == 17_091
    # 3,523 carry the programme itself and 4 more BPI-RUSSIA-EO14024 (blocked pending investigation)
    assert sum(1 for e in sdn_2023.entities if any("RUSSIA-EO14024" in p for p in e.programmes)) == 3_527
    assert sum(1 for e in sdn_2023.entities if "RUSSIA-EO14024" in e.programmes) == 3_523


@pytest.mark.slow
def test_sdn_2023_hard_records(sdn_2023: Parsed) -> None:
    by_id = {e.source_id: e for e in sdn_2023.entities}
    ebano = by_id["4243"]  # a vessel with an IMO number, former names and the vessel columns
    assert ebano.schema is Schema.VESSEL
    assert [(i.kind, i.value) for i in ebano.identifiers] == [(IdKind.IMO, "7406784")]
    assert {n.value for n in ebano.names if n.kind is NameKind.FORMER} == {"ANA I", "SAND SWAN"}
    assert ebano.properties["flag"] == ["pa"] and ebano.properties["type"] == ["General Cargo"]
    haqqani = by_id["10743"]  # three dates of birth, four places of birth, six aliases
    assert [d.iso() for d in haqqani.birth_dates] == ["1977", "1978", "1970"]
    assert len(haqqani.birth_places) == 4
    assert sum(1 for n in haqqani.names if n.kind is NameKind.ALIAS) == 6
    bnc = by_id["306"]  # aliases from alt.csv and from the remarks, four addresses
    assert ("NATIONAL BANK OF CUBA", NameKind.ALIAS) in {(n.value, n.kind) for n in bnc.names}
    assert ("BNC", NameKind.WEAK_ALIAS) in {(n.value, n.kind) for n in bnc.names}
    assert sorted(bnc.countries) == ["ch", "es", "jp", "pa"]
    ranges = [d for e in sdn_2023.entities for d in e.birth_dates if d.precision is Precision.RANGE]
    assert len(ranges) > 50, "'1951 to 1953' and '01 Jan 1951 to 31 Dec 1953' are kept as ranges"
    assert not any("birthDateText" in e.properties for e in sdn_2023.entities), "every DOB form is read"


@pytest.mark.slow
def test_russian_identifiers_get_their_national_kind(sdn_2023: Parsed) -> None:
    kinds = {i.kind for e in sdn_2023.entities if "RUSSIA-EO14024" in e.programmes for i in e.identifiers}
    assert {IdKind.INN, IdKind.OGRN, IdKind.BIC, IdKind.IMO, IdKind.LEI} <= kinds
    inns = [i for e in sdn_2023.entities for i in e.identifiers if i.kind is IdKind.INN]
    assert all(i.country == "ru" and i.value.isdigit() and len(i.value) in (10, 12) for i in inns)


@pytest.mark.slow
def test_ids_are_stable_across_versions(lists_dir: Path, sdn_2023: Parsed) -> None:
    newer = _parse(lists_dir / "ofac", ("sdn_2024-05-03.csv",))
    assert newer.counts()["total"] == 14_965
    assert str(newer.published) == "2024-05-03"
    old = {e.id: e.caption for e in sdn_2023.entities}
    new = {e.id: e.caption for e in newer.entities}
    assert "us_ofac_sdn-306" in old and old["us_ofac_sdn-306"] == new["us_ofac_sdn-306"]
    kept = old.keys() & new.keys()
    assert len(kept) > 13_000
    assert sum(old[i] == new[i] for i in kept) / len(kept) > 0.99


def test_consolidated_list_with_comments(lists_dir: Path) -> None:
    cons = _parse(lists_dir / "ofac", CONS)
    assert cons.source == "us_ofac_cons"
    assert cons.counts()["total"] == 442
    assert cons.published is None  # no date in the names, none in the files
    entry = next(e for e in cons.entities if e.source_id == "17014")
    # the remarks end "Registration Numbe" and cons_comments.csv continues "r 1027700342890 (Russia)"
    assert any(i.kind is IdKind.OGRN and i.value == "1027700342890" for i in entry.identifiers)
    assert entry.raw["comments"]


def test_real_folder_groups_into_three_publications(lists_dir: Path) -> None:
    files = [SourceFile.from_path(p) for p in sorted((lists_dir / "ofac").glob("*.csv"))]
    groups = {(p.format.name, p.source, tuple(sorted(f.name for f in p.files))) for p in group_files(files)}
    assert groups == {
        ("ofac_csv", "us_ofac_sdn", tuple(sorted(SDN_2023))),
        ("ofac_csv", "us_ofac_sdn", ("sdn_2024-05-03.csv",)),
        ("ofac_csv", "us_ofac_cons", tuple(sorted(CONS))),
    }


def test_detects_only_ofac_csv_files(lists_dir: Path) -> None:
    expected = {f"ofac/{n}" for n in (*SDN_2023, *CONS, "sdn_2024-05-03.csv")}
    assert claimed_files(OFACLegacyCSV, lists_dir) == expected


def test_fixture_names_and_aliases(fixture: Parsed) -> None:
    ivanov = next(e for e in fixture.entities if e.source_id == "1001")
    primary = ivanov.names[0]
    assert (primary.value, primary.family, primary.given) == ("Ivan Ivanovich IVANOV", "IVANOV", "Ivan Ivanovich")
    kinds = {n.value: n.kind for n in ivanov.names}
    assert kinds["Ivan IVANOV"] is NameKind.ALIAS
    assert kinds["Ivan Ivanovich PETROV"] is NameKind.FORMER
    assert kinds["VANYA"] is NameKind.WEAK_ALIAS
    company = next(e for e in fixture.entities if e.source_id == "1002")
    assert company.names[0].value == "ROGA I KOPYTA, OOO"  # a company's comma is part of its name
    assert "ООО РОГА И КОПЫТА" in {n.value for n in company.names}


def test_fixture_remarks(fixture: Parsed) -> None:
    ivanov = next(e for e in fixture.entities if e.source_id == "1001")
    assert [str(d) for d in ivanov.birth_dates] == ["1951-12-15", "c. 1953"]
    assert ivanov.birth_places == ["Moscow, Russia"]
    assert ivanov.nationalities == ["ru"] and ivanov.gender == "male"
    assert ivanov.positions == ["Deputy Minister of Energy"]
    passport = next(i for i in ivanov.identifiers if i.kind is IdKind.PASSPORT)
    assert (passport.value, passport.country) == ("712345678", "ru")
    assert "expires 01 Jan 2020" in (passport.note or "")
    assert ivanov.programmes == ["RUSSIA-EO14024", "UKRAINE-EO13661"]
    assert ivanov.properties["linkedTo"] == ["ROGA I KOPYTA, OOO"]
    mansur = next(e for e in fixture.entities if e.source_id == "1005")
    assert [d.iso() for d in mansur.birth_dates] == ["1960/1962", "1958/1959", "1965"]
    assert mansur.nationalities == ["ps"]
    assert {i.kind for i in mansur.identifiers} == {IdKind.NATIONAL_ID, IdKind.CRYPTO, IdKind.EMAIL}


def test_fixture_comments_continue_the_remarks(fixture: Parsed) -> None:
    company = next(e for e in fixture.entities if e.source_id == "1002")
    kinds = {i.kind: i.value for i in company.identifiers}
    assert kinds[IdKind.LEI] == "253400ABCDEFGHIJ1234"  # "Legal Entity Numbe" + "r 2534..."
    assert kinds[IdKind.INN] == "7701234567" and kinds[IdKind.OGRN] == "1027700123456"
    assert kinds[IdKind.BIC] == "RGKPRUMM"
    assert ("RIK", NameKind.WEAK_ALIAS) in {(n.value, n.kind) for n in company.names}
    assert company.properties["listingDate"] == ["2022-02-24 (EO 14024 Directive 2)"]
    assert company.raw["comments"] == ["r 253400ABCDEFGHIJ1234; a.k.a. 'RIK'."]


def test_fixture_vessel_and_aircraft(fixture: Parsed) -> None:
    vessel = next(e for e in fixture.entities if e.schema is Schema.VESSEL)
    assert {(i.kind, i.value) for i in vessel.identifiers} == {
        (IdKind.CALL_SIGN, "UBCD7"),
        (IdKind.IMO, "9123456"),
        (IdKind.MMSI, "273123456"),
    }
    assert vessel.properties["flag"] == ["ru"] and vessel.properties["pastFlags"] == ["pa"]
    assert vessel.properties["grossRegisteredTonnage"] == ["81,000"]
    assert vessel.properties["ownerName"] == ["ROGA I KOPYTA, OOO"]
    assert not vessel.addresses, "an address row of -0- cells is no address"
    plane = next(e for e in fixture.entities if e.schema is Schema.AIRPLANE)
    assert any(i.kind is IdKind.AIRCRAFT_REG and i.value == "RA-76001" for i in plane.identifiers)
    assert plane.properties["model"] == ["IL-76TD"] and plane.properties["buildDate"] == ["1992"]


def test_fixture_raw_record_is_kept(fixture: Parsed) -> None:
    ivanov = next(e for e in fixture.entities if e.source_id == "1001")
    assert ivanov.raw["row"]["name"] == "IVANOV, Ivan Ivanovich"
    assert ivanov.raw["row"]["call_sign"] is None  # "-0-"
    assert [a["add_num"] for a in ivanov.raw["addresses"]] == ["501"]


def test_main_file_alone(fixtures_dir: Path) -> None:
    parsed = OFACLegacyCSV().parse([SourceFile.from_path(fixtures_dir / "sources" / "ofac_csv" / "sdn.csv")])
    assert parsed.counts()["total"] == 6
    assert not any(e.addresses for e in parsed.entities)


def _files(fixtures_dir: Path, **replace: bytes) -> list[SourceFile]:
    folder = fixtures_dir / "sources" / "ofac_csv"
    return [SourceFile(p.name, replace.get(p.stem, p.read_bytes())) for p in sorted(folder.iterdir())]


def test_wrong_column_count_names_the_line(fixtures_dir: Path) -> None:
    data = (fixtures_dir / "sources" / "ofac_csv" / "add.csv").read_bytes()
    broken = data.replace(b'1002,503,-0- ,"Saint Petersburg","Russia",-0- ', b'1002,503,"Saint Petersburg"')
    with pytest.raises(ListFormatError, match=r"add\.csv: line 3: expected 6 columns \(address file\), found 3"):
        OFACLegacyCSV().parse(_files(fixtures_dir, add=broken))


def test_truncated_main_file_is_refused(lists_dir: Path) -> None:
    data = (lists_dir / "ofac" / "cons_prim.csv").read_bytes()[:50_000]
    with pytest.raises(ListFormatError, match=r"cons_prim\.csv: line 1\d\d: the file ends in the middle of a row"):
        OFACLegacyCSV().parse([SourceFile("cons_prim.csv", data)])
    cut_row = data[: data.rindex(b"\r\n")] + b"\r\n1,2,3\r\n"  # ends cleanly, but with a short row
    with pytest.raises(ListFormatError, match=r"cons_prim\.csv: line 1\d\d: expected 12 columns \(main file\), found 3"):
        OFACLegacyCSV().parse([SourceFile("cons_prim.csv", cut_row)])


def test_bad_ent_num_names_the_line(fixtures_dir: Path) -> None:
    data = (fixtures_dir / "sources" / "ofac_csv" / "sdn.csv").read_bytes().replace(b"\n1004,", b"\nX1004,")
    with pytest.raises(ListFormatError, match=r"sdn\.csv: line 4: ent_num 'X1004' is not a number"):
        OFACLegacyCSV().parse([SourceFile("sdn.csv", data)])


def test_publication_needs_its_main_file(fixtures_dir: Path) -> None:
    files = [f for f in _files(fixtures_dir) if f.name != "sdn.csv"]
    with pytest.raises(ListFormatError, match="no main file"):
        OFACLegacyCSV().parse(files)


def test_unreadable_date_of_birth_is_kept_and_reported(fixtures_dir: Path) -> None:
    data = (fixtures_dir / "sources" / "ofac_csv" / "sdn.csv").read_bytes().replace(b"DOB 1965", b"DOB 31 Feb 1965")
    parsed = OFACLegacyCSV().parse([SourceFile("sdn.csv", data)])
    mansur = next(e for e in parsed.entities if e.source_id == "1005")
    assert mansur.properties["birthDateText"] == ["31 Feb 1965"]
    assert any("1005" in w and "31 Feb 1965" in w for w in parsed.warnings)


def test_grouping_by_date_in_the_name() -> None:
    key = OFACLegacyCSV.publication_key
    assert key(SourceFile("sdn_2023-12-28.csv", b"")) == key(SourceFile("add_2023-12-28.csv", b""))
    assert key(SourceFile("sdn_2023-12-28.csv", b"")) != key(SourceFile("sdn_2024-05-03.csv", b""))
    assert key(SourceFile("cons_prim.csv", b"")) == key(SourceFile("cons_alt.csv", b""))
    assert OFACLegacyCSV.source_of(SourceFile("cons_add.csv", b"")) == "us_ofac_cons"
    assert OFACLegacyCSV.source_of(SourceFile("alt.csv", b"")) == "us_ofac_sdn"


def test_other_csv_shapes_are_not_claimed() -> None:
    assert not OFACLegacyCSV.detect(SourceFile("x.csv", b"id,name,type\n1,A,B\n"))
    assert not OFACLegacyCSV.detect(SourceFile("x.csv", b"1,2,3,4,5,6\n7,8,9,10,11,12\n"))  # no -0- or EOF byte
    assert not OFACLegacyCSV.detect(SourceFile("notes.csv", b'1,"some text"\n'))  # 2 columns, no sign of OFAC
    assert OFACLegacyCSV.detect(SourceFile("sdn_comments.csv", b'1,"some text"\n'))
