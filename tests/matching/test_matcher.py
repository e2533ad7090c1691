"""The matcher's public API: screening, features, filters, bad input, pickling."""

from __future__ import annotations

import pickle
from datetime import date

import pytest

from seisai.exc import QueryError
from seisai.matching import DEFAULT_THRESHOLD, Explanation, Match, Matcher, Query
from seisai.model import Entity, FuzzyDate, Identifier, IdKind, Name, NameKind, Sanction, Schema


def _entity(source: str, sid: str, schema: Schema, *names: str, **kw: object) -> Entity:
    entity = Entity(source, sid, schema, names=[Name(n) for n in names], **kw)  # type: ignore[arg-type]
    entity.sanctions.append(Sanction("test", listed_on=date(2022, 3, 1)))
    return entity


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(
        [
            _entity("jp_mof", "1", Schema.PERSON, "ウラジーミル・プーチン", "Vladimir Putin",
                    birth_dates=[FuzzyDate(1952, 10, 7)], nationalities=["ru"], gender="male"),
            _entity("un_sc", "2", Schema.PERSON, "Sergey Viktorovich LAVROV", birth_dates=[FuzzyDate(1950, 3, 21)]),
            _entity("gb_hmt_ofsi", "3", Schema.ORGANIZATION, "ПАО Сбербанк", "Sberbank of Russia",
                    identifiers=[Identifier(IdKind.BIC, "SABRRUMMXXX")]),
            _entity("us_ofac_sdn", "4", Schema.VESSEL, "OCEAN SPIRIT", identifiers=[Identifier(IdKind.IMO, "9187629")]),
            _entity("us_ofac_sdn", "5", Schema.PERSON, "Ivan PETROV"),
            _entity("jp_meti_ru", "6", Schema.ORGANIZATION, "株式会社ロスオボロンエクスポルト", "JSC Rosoboronexport"),
        ]  # fmt: skip
    )


def test_screen_finds_cross_script_names_best_first(matcher: Matcher) -> None:
    results = matcher.screen(Query(names=["プーチン ウラジミール"]))
    assert results[0].entity.id == "jp_mof-1"
    assert results[0].match and 0.0 <= results[0].score <= 1.0
    assert results == sorted(results, key=lambda m: -m.score)


def test_every_match_explains_itself(matcher: Matcher) -> None:
    [best, *_] = matcher.screen(Query(names=["Лавров Сергей"], birth_dates=["1950-03-21"]))
    assert isinstance(best, Match) and best.entity.id == "un_sc-2"
    name = best.explanations["name"]
    assert isinstance(name, Explanation) and "Лавров" in name.detail and "LAVROV" in name.detail
    assert best.explanations["birth_date"].score > 0 and "same day" in best.explanations["birth_date"].detail
    assert best.query_name == "Лавров Сергей" and best.matched_name == "Sergey Viktorovich LAVROV"


def test_birth_date_qualifiers(matcher: Matcher) -> None:
    entity = matcher.entity("jp_mof-1")
    assert entity is not None
    same = matcher.compare(Query(names=["Vladimir Putin"], birth_dates=["1952-10-07"]), entity)
    swapped = matcher.compare(Query(names=["Vladimir Putin"], birth_dates=["1952-07-10"]), entity)
    other_year = matcher.compare(Query(names=["Vladimir Putin"], birth_dates=["1980"]), entity)
    assert same.score > swapped.score > other_year.score
    assert "swapped" in swapped.explanations["birth_date"].detail


def test_country_gender_and_schema_rule_out(matcher: Matcher) -> None:
    entity = matcher.entity("jp_mof-1")
    assert entity is not None
    plain = matcher.compare(Query(names=["Vladimir Putin"]), entity).score
    assert matcher.compare(Query(names=["Vladimir Putin"], countries=["fr"]), entity).score < plain
    assert matcher.compare(Query(names=["Vladimir Putin"], gender="female"), entity).score < plain
    assert not matcher.compare(Query(names=["Vladimir Putin"], schema=Schema.VESSEL), entity).match


def test_identifiers_match_after_normalisation(matcher: Matcher) -> None:
    [vessel, *_] = matcher.screen(Query(names=["Some Other Name"], identifiers=["IMO 9187629"]))
    assert vessel.entity.id == "us_ofac_sdn-4" and vessel.match
    assert vessel.explanations["identifier"].weight == 1.0
    [bank, *_] = matcher.screen(Query(names=["Unknown Bank"], identifiers=["SABRRUMM"]))
    assert bank.entity.id == "gb_hmt_ofsi-3" and bank.match  # BIC8 against BIC11


def test_filters_limit_and_exclusions(matcher: Matcher) -> None:
    query = Query(names=["Rosoboronexport"])
    assert [m.entity.id for m in matcher.screen(query)] == ["jp_meti_ru-6"]
    assert matcher.screen(query, datasets={"un_sc"}) == []
    assert matcher.screen(query, schemas={Schema.PERSON}) == []
    assert matcher.screen(query, exclude_ids={"jp_meti_ru-6"}) == []
    assert len(matcher.screen(Query(names=["Sergey Lavrov"]), limit=1)) == 1


def test_threshold_sets_the_match_flag(matcher: Matcher) -> None:
    results = matcher.screen(Query(names=["Ivan A. Petrov"]), threshold=0.99)
    assert results and all(not m.match for m in results)
    for m in matcher.screen(Query(names=["Ivan Petrov"])):
        assert m.match is (m.score >= DEFAULT_THRESHOLD)


def test_introspection_and_subset_build(matcher: Matcher) -> None:
    assert len(matcher) == 6
    assert matcher.datasets == {"jp_mof", "un_sc", "gb_hmt_ofsi", "us_ofac_sdn", "jp_meti_ru"}
    assert matcher.entity("nope") is None
    subset = Matcher([e for e in (matcher.entity("un_sc-2"),) if e is not None])
    assert [m.entity.id for m in subset.screen(Query(names=["Sergei Lavrov"]))] == ["un_sc-2"]


def test_matcher_pickles_for_workers(matcher: Matcher) -> None:
    clone = pickle.loads(pickle.dumps(matcher))
    query = Query(names=["ПАО Сбербанк"])
    assert [(m.entity.id, m.score) for m in clone.screen(query)] == [(m.entity.id, m.score) for m in matcher.screen(query)]


def test_caches_kept_across_queries_change_no_result(matcher: Matcher) -> None:
    queries = [Query(names=[n]) for n in ("Vladimir Putin", "プーチン", "Sberbank", "Ivan Petrov", "Sergei Lavrov")]
    first = [[m.to_dict() for m in matcher.screen(q)] for q in queries]
    again = [[m.to_dict() for m in matcher.screen(q)] for q in queries]  # warm caches
    fresh = Matcher(matcher.index.entities)
    assert first == again == [[m.to_dict() for m in fresh.screen(q)] for q in queries]
    clone = pickle.loads(pickle.dumps(matcher))  # caches keyed by object ids are left behind
    assert [[m.to_dict() for m in clone.screen(q)] for q in queries] == first


def test_weak_alias_counts_less() -> None:
    entity = Entity("x", "1", Schema.PERSON, names=[Name("Abu Ali", NameKind.WEAK_ALIAS), Name("Khalid Hamid")])
    m = Matcher([entity])
    assert m.compare(Query(names=["Abu Ali"]), entity).score < 1.0


@pytest.mark.parametrize("schema", [Schema.ORGANIZATION, Schema.COMPANY, Schema.VESSEL])
def test_given_name_variants_do_not_pair_parts_of_an_organisation(schema: Schema) -> None:
    # Peter = Petro as given names; an organisation or a vessel has none
    org = Entity("x", "1", schema, names=[Name("PETRO GREEN")])
    person = Entity("x", "2", Schema.PERSON, names=[Name("Petro GREEN")])
    m = Matcher([org, person])
    query = Query(names=["Peter Green"])
    org_score, person_score = m.compare(query, org), m.compare(query, person)
    assert "variant" not in org_score.explanations["name"].detail
    assert "variant" in person_score.explanations["name"].detail
    assert org_score.score < DEFAULT_THRESHOLD <= person_score.score
    assert [r.entity.id for r in m.screen(query) if r.match] == ["x-2"]


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"names": []}, "names"),
        ({"names": ["  ", "\x00"]}, "names"),
        ({"names": ["x"], "birth_dates": ["1983-23-10"]}, "birth_dates"),
        ({"names": ["x"], "countries": ["Atlantis"]}, "countries"),
        ({"names": ["x"], "gender": "robot"}, "gender"),
        ({"names": ["x"], "schema": "Spaceship"}, "schema"),
    ],
)
def test_bad_queries_raise_query_error_naming_the_field(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(QueryError, match=field):
        Query(**kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["x" * 10_000, "\u202eevil", "Ивaн Peтров ヤマダ", "!!!", "1234567"])
def test_odd_names_give_a_sensible_result(matcher: Matcher, name: str) -> None:
    for result in matcher.screen(Query(names=[name])):
        assert 0.0 <= result.score <= 1.0


def test_a_name_of_emoji_only_is_a_query_error() -> None:
    with pytest.raises(QueryError, match="names"):
        Query(names=["😀😀"])
