"""Reading transactions: what is accepted, and errors that name the field."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from seisai.exc import InputError, TransactionError
from seisai.rules.transaction import isin_valid, parse_transaction

EXPORT: dict[str, Any] = {
    "type": "export",
    "date": "2022-03-20",
    "jurisdiction": "JP",
    "parties": [
        {"role": "buyer", "name": "Sibir Elektronika LLC", "schema": "Company", "country": "RU",
         "address": "ul. Lenina 1, Novosibirsk, Russia"},
        {"role": "bank", "name": "Sberbank", "bic": "SABRRUMM"},
    ],
    "goods": [{"hs_code": "8542.31", "description": "processors", "value_jpy": 7000000, "quantity": 10,
               "origin_country": "JP"}],
    "destination_country": "RU",
}


def test_the_documented_example_is_accepted() -> None:
    tx = parse_transaction(EXPORT)
    assert tx.date == date(2022, 3, 20)
    assert tx.jurisdiction == ("JP",)
    assert tx.destination_country == "ru"
    assert tx.parties[0].schema_ == "Company"
    assert tx.goods[0].hs_code == "854231"
    assert tx.goods[0].unit_value_jpy == 700000


def test_every_documented_block_is_accepted() -> None:
    tx = parse_transaction({
        "type": "securities", "date": "2022-03-01",
        "security": {"isin": "RU000A0JX0J2", "issuer": "Ministry of Finance of the Russian Federation",
                     "issuer_type": "sovereign", "issuer_country": "RU", "issue_date": "2022-03-01",
                     "market": "primary", "maturity_days": 3650},
        "investment": {"stake_percent": 15, "loan_term_days": 400},
        "service": {"category": "trust"},
        "oil": {"product": "crude", "price_usd_per_barrel": 55, "project": "Sakhalin 2"},
        "goods": [{"hs_code": "7102.31", "carat": 0.7, "origin_country": "RU", "processed_in": "IN"}],
        "origin_address": "Mirny", "destination_address": "Tokyo", "origin_country": "ru",
        "contract_date": "2022-01-01", "loading_date": "2022-02-01", "instrument": "bond",
        "purpose": "humanitarian", "personal_use": False, "meta": {"anything": [1, 2]},
    })
    assert tx.oil is not None and tx.oil.project == "sakhalin-2"
    assert tx.goods[0].processed_in == "in"


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"type": "barter"}, "type", "Input should be"),
        ({"date": "2022-02-30"}, "date", "valid date"),
        ({"destination_country": "XX"}, "destination_country", "unknown country code 'XX'"),
        ({"goods": [{"hs_code": "85A2"}]}, "goods[0].hs_code", "invalid HS code '85A2'"),
        ({"goods": [{"hs_code": "8542", "value_jpy": -1}]}, "goods[0].value_jpy", "greater than or equal"),
        ({"goods": []}, "goods", "required for a transaction of type 'export'"),
        ({"parties": [{"role": "buyer"}]}, "parties[0].name", "required field is missing"),
        ({"parties": [{"role": "buyer", "name": "X", "country": "Russia!"}]}, "parties[0].country", "unknown country code"),
        ({"parties": [{"role": "king", "name": "X"}]}, "parties[0].role", "Input should be"),
        ({"parties": [{"role": "buyer", "name": "X", "birth_date": "tomorrow"}]}, "parties[0].birth_date", "unrecognised date"),
        ({"destinaton_country": "RU"}, "destinaton_country", "unknown field"),
        ({"jurisdiction": "XX"}, "jurisdiction", "unknown jurisdiction 'XX'"),
        ({"destination_region": "UA-99"}, "destination_region", "unknown region"),
        ({"purpose": "fun"}, "purpose", "unknown purpose 'fun'"),
    ],
)
def test_bad_input_names_the_field(change: dict[str, Any], field: str, message: str) -> None:
    with pytest.raises(TransactionError) as err:
        parse_transaction({**EXPORT, **change})
    assert err.value.field == field
    assert message in str(err.value)
    assert isinstance(err.value, InputError)


def test_missing_type_and_non_object() -> None:
    with pytest.raises(TransactionError, match="^type: required"):
        parse_transaction({"date": "2022-03-20"})
    with pytest.raises(TransactionError, match="expected a JSON object"):
        parse_transaction([1, 2])


def test_where_prefixes_the_field() -> None:
    with pytest.raises(TransactionError, match=r"^book\.jsonl line 3: goods\[0\]\.hs_code: "):
        parse_transaction({**EXPORT, "goods": [{"hs_code": "1"}]}, where="book.jsonl line 3")


def test_type_specific_requirements() -> None:
    for tx_type, name in [("payment", "parties"), ("securities", "security"), ("investment", "investment"),
                          ("service", "service"), ("visa", "parties"), ("import", "goods")]:
        with pytest.raises(TransactionError, match=f"^{name}: required"):
            parse_transaction({"type": tx_type})


def test_isin_check_digit() -> None:
    assert isin_valid("US0378331005")
    assert not isin_valid("US0378331006")
    with pytest.raises(TransactionError, match="security.isin: ISIN 'US0378331006' fails its check digit"):
        parse_transaction({"type": "securities", "security": {"isin": "US0378331006"}})
