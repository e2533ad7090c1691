"""End to end: parties screened by the name matcher against the real Japanese lists (MOF
asset freezes, METI export bans and End User List), decided by the shipped measures."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from seisai.matching import Matcher
from seisai.rules import Engine, MatcherScreener, Outcome
from seisai.rules.loader import default_book
from seisai.rules.screening import versions_of
from seisai.sources.base import SourceFile, group_files

pytestmark = pytest.mark.slow

FILES = [
    "japan/mof_shisantouketsu20260305.xlsx",
    "japan/meti_eul_20250929_4.xlsx",
    "japan/meti_ru_list_russia_tokutei.pdf",
    "japan/meti_ru_list_belarus_tokutei.pdf",
]


@pytest.fixture(scope="module")
def engine(lists_dir: Path) -> Engine:
    files = [SourceFile.from_path(lists_dir / name) for name in FILES]
    parsed = [pub.parse() for pub in group_files(files)]
    matcher = Matcher([e for p in parsed for e in p.entities])
    return Engine(default_book(), MatcherScreener(matcher, versions=versions_of(parsed)))


def _payment(name: str, role: str = "bank") -> dict[str, Any]:
    return {"type": "payment", "parties": [{"role": "originator", "name": "Tokyo Shoji KK", "country": "JP"},
                                            {"role": role, "name": name}]}


def _export(name: str, role: str = "end_user", country: str = "RU") -> dict[str, Any]:
    return {"type": "export", "destination_country": country, "goods": [{"hs_code": "3926.90"}],
            "parties": [{"role": role, "name": name, "schema": "Company"}]}


def test_paying_sberbank_follows_its_designation_and_lag(engine: Engine) -> None:
    before = engine.check(_payment("Sberbank"), as_of=date(2022, 5, 11))
    after = engine.check(_payment("Sberbank"), as_of=date(2022, 6, 1))
    assert before.decision is Outcome.ALLOWED
    assert after.decision is Outcome.PROHIBITED
    assert "JP-2022-021b" in after.measure_ids
    hit = next(h for h in after.party_hits if h["entity_id"] == "jp_mof-russia-banks-8")
    assert hit["listed_on"] == "2022-04-12" and hit["measures"] == ["JP-2022-021b"]
    assert set(after.list_versions) == {"jp_mof", "jp_meti_eul", "jp_meti_ru", "jp_meti_by"}


def test_katakana_name_finds_the_same_bank(engine: Engine) -> None:
    decision = engine.check(_payment("ズベルバンク"), as_of=date(2022, 6, 1))
    assert "JP-2022-021b" in decision.measure_ids


def test_first_export_ban_entity(engine: Engine) -> None:
    decision = engine.check(_export("Admiralty Shipyard JSC"), as_of=date(2022, 3, 20))
    assert decision.decision is Outcome.PROHIBITED
    assert "JP-2022-009b" in decision.measure_ids
    # Before the export ban the shipyard was already on the End User List: a licence case.
    before = engine.check(_export("Admiralty Shipyard JSC"), as_of=date(2022, 2, 20))
    assert before.measure_ids == ["JP-EUL-001"] and before.decision is Outcome.LICENCE_REQUIRED


def test_last_export_ban_entity_dates_from_its_round(engine: Engine) -> None:
    assert "JP-2025-005" not in engine.check(_export("LLC Vneshekostil"), as_of=date(2025, 9, 11)).measure_ids
    decision = engine.check(_export("LLC Vneshekostil"), as_of=date(2025, 9, 12))
    assert decision.decision is Outcome.PROHIBITED
    assert "JP-2025-005" in decision.measure_ids


def test_belarus_ministry_of_defence(engine: Engine) -> None:
    name = "The Ministry of Defence of the Republic of Belarus"
    decision = engine.check(_export(name, "consignee", "BY"), as_of=date(2022, 4, 1))
    assert "JP-2022-011c" in decision.measure_ids


def test_end_user_list_entity_needs_a_licence_with_its_concerns(engine: Engine) -> None:
    decision = engine.check(_export("Zavod Miass", country="RU"), as_of=date(2021, 6, 1))
    assert decision.decision is Outcome.LICENCE_REQUIRED
    (reason,) = decision.reasons
    assert reason.measure_id == "JP-EUL-001" and "concerns M" in reason.detail


def test_a_weak_match_gives_review(engine: Engine) -> None:
    decision = engine.check(_payment("Sberbank Leasing", "beneficiary"), as_of=date(2022, 6, 1))
    assert decision.decision is Outcome.REVIEW
    assert any("weak match" in r.detail for r in decision.reasons)


def test_an_unlisted_buyer_is_allowed(engine: Engine) -> None:
    decision = engine.check(_payment("Hokkaido Fisheries Cooperative", "beneficiary"), as_of=date(2022, 6, 1))
    assert decision.decision is Outcome.ALLOWED
