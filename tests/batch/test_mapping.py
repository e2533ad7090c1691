from __future__ import annotations

import pytest

from seisai.batch.errors import BatchInputError
from seisai.batch.mapping import ColumnMapping
from seisai.exc import QueryError
from seisai.model import Schema


def test_headers_are_recognised_in_english_and_japanese() -> None:
    mapping = ColumnMapping.build("b.csv", ["顧客番号", "氏名", "英字氏名", "生年月日", "国籍", "種別", "memo"])
    assert mapping.describe() == {
        "birth_date": ["生年月日"], "country": ["国籍"], "id": ["顧客番号"], "name": ["氏名", "英字氏名"], "schema": ["種別"],
    }  # fmt: skip
    query, problems = mapping.query({"氏名": "山田 太郎", "英字氏名": "Taro Yamada", "生年月日": "1970-01-02", "国籍": "日本", "種別": "個人"})
    assert query.names == ("山田 太郎", "Taro Yamada") and query.countries == ("jp",) and query.schema is Schema.PERSON
    assert problems == []


def test_explicit_mapping_and_split_names() -> None:
    mapping = ColumnMapping.build("b.csv", ["a", "b", "c"], ["a=last_name", "b=first_name", "c=identifier"])
    query, _ = mapping.query({"a": "Putin", "b": "Vladimir", "c": "AB 123"})
    assert query.names == ("Putin Vladimir",) and query.identifiers == ("AB 123",)


@pytest.mark.parametrize(
    ("header", "explicit", "message"),
    [(["a", "b"], ["x=name"], "no column 'x'"), (["a"], ["a=colour"], "unknown property 'colour'"),
     (["a"], ["a"], "expected COLUMN=PROPERTY"), (["memo", "amount"], [], "no name column found")],
)  # fmt: skip
def test_mapping_errors_name_the_column(header: list[str], explicit: list[str], message: str) -> None:
    with pytest.raises(BatchInputError, match=message):
        ColumnMapping.build("b.csv", header, explicit)


def test_bad_optional_values_leave_the_field_out_and_say_so() -> None:
    mapping = ColumnMapping.build("b.csv", ["name", "country", "dob", "type"])
    query, problems = mapping.query({"name": "Ivan Petrov", "country": "Atlantis", "dob": "not a date", "type": "alien"})
    assert query.names == ("Ivan Petrov",) and query.countries == () and query.birth_dates == ()
    assert [p.split(":")[0] for p in problems] == ["schema", "birth_dates", "countries"]


def test_a_row_without_a_name_cannot_be_screened() -> None:
    mapping = ColumnMapping.build("b.csv", ["name", "country"])
    with pytest.raises(QueryError, match="no name"):
        mapping.query({"name": "  ", "country": "jp"})
