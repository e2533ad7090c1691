"""The engine's mechanics: output shape, dates, jurisdictions, unscreened and unknown facts,
superseded and fallback measures. Per-measure behaviour is in the scenario files."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from seisai.exc import TransactionError
from seisai.rules import Engine, NullScreener, Outcome
from seisai.rules.loader import default_book
from tests.rules.scenarios import CaseScreener

ICS: dict[str, Any] = {
    "type": "export",
    "date": "2022-03-20",
    "id": "TX-1",
    "destination_country": "RU",
    "parties": [{"role": "buyer", "name": "Sibir Elektronika LLC", "country": "RU"}],
    "goods": [{"hs_code": "8542.31", "value_jpy": 7000000}],
}
SBER = [{"id": "jp_mof-russia-banks-8", "source": "jp_mof", "name": "Sberbank",
         "programme": "ロシア連邦(特定銀行)", "listed_on": "2022-04-12"}]


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(default_book(), CaseScreener(SBER))


def test_output_has_the_documented_fields(engine: Engine) -> None:
    out = engine.check(ICS).to_dict()
    assert json.loads(json.dumps(out, ensure_ascii=False)) == out
    assert {"decision", "reasons", "party_hits", "as_of", "list_versions"} <= set(out)
    assert out["decision"] == "prohibited" and out["id"] == "TX-1" and out["as_of"] == "2022-03-20"
    reason = out["reasons"][0]
    assert {"measure_id", "title", "type", "effective", "legal_basis", "source", "detail"} <= set(reason)
    assert reason["measure_id"] == "JP-2022-013b"
    assert reason["effective"] == "2022-03-18"
    assert reason["source"].startswith("https://")
    assert "HS 8542.31" in reason["detail"]
    assert out["list_versions"] == {"test": "cases"}


def test_as_of_overrides_the_transaction_date(engine: Engine) -> None:
    assert engine.check(ICS, as_of=date(2022, 2, 20)).decision is Outcome.ALLOWED
    assert engine.check(ICS).decision is Outcome.PROHIBITED
    assert engine.check({**ICS, "date": None}).as_of == date.today()


def test_jurisdictions_from_call_transaction_or_default(engine: Engine) -> None:
    assert engine.check(ICS).jurisdictions == ["JP"]
    assert engine.check({**ICS, "jurisdiction": ["EU", "US"]}).jurisdictions == ["EU", "US"]
    decision = engine.check(ICS, jurisdictions=["us", "JP"])
    assert decision.jurisdictions == ["US", "JP"]
    assert decision.by_jurisdiction == {"US": Outcome.ALLOWED, "JP": Outcome.PROHIBITED}
    with pytest.raises(TransactionError, match="unknown jurisdiction 'XX'"):
        engine.check(ICS, jurisdictions=["XX"])


def test_unscreened_parties_give_review() -> None:
    decision = Engine(default_book(), NullScreener()).check(ICS, as_of=date(2022, 2, 20))
    assert decision.decision is Outcome.REVIEW
    assert decision.reasons[-1].type == "screening"
    no_parties = {**ICS, "parties": []}
    assert Engine(default_book()).check(no_parties, as_of=date(2022, 2, 20)).decision is Outcome.ALLOWED


def test_missing_facts_are_grouped_into_one_review(engine: Engine) -> None:
    tx = {**ICS, "destination_country": None, "parties": []}
    decision = engine.check(tx)
    (reason,) = [r for r in decision.reasons if r.type == "incomplete"]
    assert decision.decision is Outcome.REVIEW
    assert reason.detail.startswith("destination (no country, region or address given) is needed to evaluate ")
    # Only measures whose other conditions hold are waiting for the destination.
    assert reason.measures == ["JP-2022-003", "JP-2022-013b"]


def test_superseded_measure_is_dropped(engine: Engine) -> None:
    tx = {**ICS, "goods": [{"hs_code": "8457.10", "controlled": True}]}
    ids = engine.check(tx).measure_ids
    assert "JP-2022-013" in ids
    assert "JP-2022-005" not in ids and "JP-2014-005" not in ids
    assert "JP-2022-005" in engine.check(tx, as_of=date(2022, 3, 10)).measure_ids


def test_fallback_is_dropped_when_a_round_cites_the_entity(engine: Engine) -> None:
    tx = {"type": "payment", "parties": [{"role": "bank", "name": "Sberbank"}]}
    ids = engine.check(tx, as_of=date(2022, 6, 1)).measure_ids
    assert ids == ["JP-2022-021b"]


def test_party_hits_are_reported_with_the_measures_citing_them(engine: Engine) -> None:
    tx = {"type": "payment", "parties": [{"role": "bank", "name": "Sberbank"}]}
    (hit,) = engine.check(tx, as_of=date(2022, 6, 1)).to_dict()["party_hits"]
    assert hit["entity_id"] == "jp_mof-russia-banks-8"
    assert hit["role"] == "bank" and hit["match"] is True and hit["relevant"] is True
    assert hit["listed_on"] == "2022-04-12"
    assert hit["measures"] == ["JP-2022-021b"]
    (early,) = engine.check(tx, as_of=date(2022, 5, 1)).to_dict()["party_hits"]
    assert early["measures"] == []


def test_hits_on_lists_of_other_jurisdictions_are_not_relevant() -> None:
    screener = CaseScreener([{"id": "x", "source": "us_ofac_sdn", "name": "Some SDN", "programme": "IRAN"}])
    decision = Engine(default_book(), screener).check(
        {"type": "payment", "parties": [{"role": "beneficiary", "name": "Some SDN"}]}, as_of=date(2023, 1, 1)
    )
    assert decision.decision is Outcome.ALLOWED
    assert decision.party_hits[0]["relevant"] is False


def test_security_issuer_is_screened_as_a_party(engine: Engine) -> None:
    tx = {"type": "securities", "security": {"issuer": "Sberbank", "market": "secondary"}}
    decision = engine.check(tx, as_of=date(2022, 6, 1))
    assert decision.party_hits[0]["role"] == "issuer"
    assert "JP-2022-021b" in decision.measure_ids


def test_check_many_keeps_order(engine: Engine) -> None:
    txs = [ICS, {**ICS, "id": "TX-2", "date": "2022-02-20"}]
    assert [d.transaction_id for d in engine.check_many(txs)] == ["TX-1", "TX-2"]
