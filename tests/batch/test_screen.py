from __future__ import annotations

from seisai.batch.changes import classify, fact_gain
from seisai.batch.mapping import ColumnMapping
from seisai.batch.probe import KeyProbe
from seisai.batch.readers import InputRow
from seisai.batch.screen import PartitionResult, ScreenOptions, key_partition, screen_partition
from seisai.matching import Matcher
from seisai.model import Entity, FuzzyDate, Identifier, IdKind, Name, Schema


def _entity(sid: str, *names: str, schema: Schema = Schema.PERSON, **kw: object) -> Entity:
    return Entity("test", sid, schema, names=[Name(n) for n in names], **kw)  # type: ignore[arg-type]

ENTITIES = [
    _entity("1", "Vladimir Vladimirovich PUTIN", "ウラジーミル・プーチン", birth_dates=[FuzzyDate(1952, 10, 7)]),
    _entity("2", "Sergei LAVROV"),
    _entity("3", "ROSOBORONEXPORT", schema=Schema.COMPANY, identifiers=[Identifier(IdKind.INN, "7718852163")]),
]

def _rows(*values: dict[str, str] | None) -> list[InputRow]:
    return [InputRow(i + 1, f"line {i + 2}", v, None if v is not None else "2 fields where the header has 3") for i, v in enumerate(values)]

def test_screen_partition_hits_rejects_and_caches() -> None:
    matcher = Matcher(ENTITIES)
    mapping = ColumnMapping.build("b.csv", ["id", "name", "country", "inn"], ["id=id", "name=name", "country=country", "inn=identifier"])
    rows = _rows(
        {"id": "a", "name": "Vladimir Putin", "country": "ru", "inn": ""},
        {"id": "b", "name": "Taro Yamada", "country": "Atlantis", "inn": ""},
        None,
        {"id": "d", "name": "", "country": "jp", "inn": ""},
        {"id": "e", "name": "Some Company", "country": "", "inn": "7718852163"},
    )
    result = screen_partition(4, rows, matcher, mapping, ScreenOptions(0.7))
    assert result.index == 4 and result.rows == 5
    assert [(h["hit_row"], h["hit_entity_id"]) for h in result.hits] == [(1, "test-1"), (5, "test-3")]
    assert result.hits[0]["id"] == "a" and result.hits[0]["hit_score"] >= 0.7 and "Putin" in result.hits[0]["hit_explanation"]
    assert [(r["row"], r["action"]) for r in result.rejects] == [(2, "screened without countries"), (3, "rejected"), (4, "rejected")]
    assert result.rejects[1]["place"] == "line 4" and "header has 3" in result.rejects[1]["reason"]
    rows_of = {result.tokens[t]: row for row, _, parts in result.names for t, _ in parts}
    assert any("vrazimir" in keys and row == 1 for keys, row in rows_of.items())
    assert rows_of[("@7718852163",)] == 5
    assert all(weight > 0 and all(w > 0 for _, w in parts) for row, weight, parts in result.names if row != 5)
    assert result.near["test-1"][0][0] == 1

def test_keep_limits_hits_to_given_entities() -> None:
    mapping = ColumnMapping.build("b.csv", ["name"])
    rows = _rows({"name": "Vladimir Putin"}, {"name": "Sergei Lavrov"})
    result = screen_partition(0, rows, Matcher(ENTITIES), mapping, ScreenOptions(0.7), keep=frozenset({"test-2"}), caches=False)
    assert [h["hit_entity_id"] for h in result.hits] == ["test-2"]
    assert result.tokens == [] and result.names == [] and result.near == {}

def test_a_name_reaching_no_kept_entity_is_skipped_in_later_rows_but_not_with_an_identifier() -> None:
    """A delta's re-screen: once a row's name is known to reach no kept entity, later rows of
    that name are counted and skipped, whatever their dates; a row with an identifier is not."""
    mapping = ColumnMapping.build("b.csv", ["name", "dob", "inn"], ["name=name", "dob=birth_date", "inn=identifier"])
    matcher = Matcher(ENTITIES)
    keep = frozenset({"test-3"})
    rows = _rows(
        {"name": "Sergei Lavrov", "dob": "", "inn": ""},
        {"name": "Sergei Lavrov", "dob": "1950-03-21", "inn": ""},
        {"name": "Sergei Lavrov", "dob": "", "inn": "7718852163"},
        {"name": "Rosoboronexport", "dob": "", "inn": ""},
        {"name": "Rosoboronexport", "dob": "", "inn": ""},
    )
    unreached: set[str] = set()
    options = ScreenOptions(0.7)
    result = screen_partition(0, rows, matcher, mapping, options, keep=keep, caches=False, unreached=unreached)
    assert [(h["hit_row"], h["hit_entity_id"]) for h in result.hits] == [(3, "test-3"), (4, "test-3"), (5, "test-3")]
    assert result.unreached == 1 and len(unreached) == 1  # row 2: Lavrov reaches no kept entity
    assert result.rows == 5
    plain = screen_partition(0, rows, matcher, mapping, options, keep=keep, caches=False)
    assert plain.hits == result.hits and plain.unreached == 0
    assert not matcher.reaches(mapping.query(rows[0].values or {})[0], keep)


def _book(matcher: Matcher, *names: str, identifier: str = "") -> PartitionResult:
    mapping = ColumnMapping.build("b.csv", ["name", "inn"], ["name=name", "inn=identifier"])
    return key_partition(0, _rows(*({"name": n, "inn": identifier} for n in names)), matcher, mapping)


def test_probe_reaches_rows_through_typos_scripts_and_identifiers() -> None:
    matcher = Matcher(ENTITIES)
    probe = KeyProbe(ENTITIES[:1] + ENTITIES[2:])
    for text in ("Vladimir Putin", "Wladimir Putn", "プーチン", "Владимир Путин", "Putin Holdings"):
        assert probe.rows(_book(matcher, text), 0.3) == {1}, text
    assert probe.rows(_book(matcher, "x", identifier="7718852163"), 0.3) == {1}
    assert probe.rows(_book(matcher, "Taro Yamada", "Sergei Lavrov"), 0.0) == set()


def test_probe_bounds_the_share_of_a_name_an_entity_can_cover() -> None:
    """A row meeting a changed entity on one common part of a long name is not re-screened."""
    matcher = Matcher(ENTITIES)
    probe = KeyProbe([ENTITIES[1]])
    book = _book(matcher, "Sergei Ivanovich Petrov Smirnov Kuznetsov", "Sergei Lavrov")
    assert probe.rows(book, 0.0) == {1, 2}
    assert probe.rows(book, 0.3) == {2}


def test_probe_reaches_arabic_script_through_skeletons() -> None:
    listed = _entity("9", "Abdul Rahman AL-HASSAN")
    matcher = Matcher([listed])
    probe = KeyProbe([listed])
    assert probe.rows(_book(matcher, "عبد الرحمن الحسن"), 0.3) == {1}
    arabic = _entity("8", "عبد الرحمن الحسن")
    assert KeyProbe([arabic]).rows(_book(Matcher([arabic]), "Abdul Rahman Al Hassan"), 0.3) == {1}


def test_classify_changes() -> None:
    old = _entity("1", "Ivan IVANOV", countries=["ru"])
    assert classify(old, _entity("1", "Ivan IVANOV", countries=["ru"], notes=["new remark"])) is None
    assert classify(old, _entity("1", "Ivan IVANOV", "Jean Ivanov", countries=["ru"])) == ("names", 0.0)
    assert classify(old, _entity("1", "Ivan IVANOV")) == ("facts", fact_gain("countries"))
    assert classify(old, _entity("1", "Ivan IVANOV", countries=["ru"], schema=Schema.COMPANY)) == ("names", 0.0)
    born = _entity("1", "Ivan IVANOV", countries=["ru"], birth_dates=[FuzzyDate(1960)])
    assert classify(old, born) == ("facts", fact_gain("birth"))
    assert fact_gain("birth") > fact_gain("countries") > 0 and fact_gain("gender") > 0
