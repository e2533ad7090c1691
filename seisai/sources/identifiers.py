"""Identifiers as parsers build them: the national kind of a generically labelled number.

Lists label a Russian INN "Tax ID No." (OFAC) or give it as a tax number with country RU
(EU); matching compares identifiers kind by kind, so :func:`identifier` gives such numbers
their national kind following the rules in ``seisai/data/sources/national_ids.yml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from seisai.model import Identifier, IdKind


@dataclass(frozen=True, slots=True)
class _Rule:
    kind: IdKind
    country: str
    pattern: re.Pattern[str]
    becomes: IdKind


@cache
def _rules() -> tuple[_Rule, ...]:
    text = resources.files("seisai.data").joinpath("sources/national_ids.yml").read_text("utf-8")
    return tuple(
        _Rule(IdKind(r["kind"]), str(r["country"]), re.compile(str(r["pattern"])), IdKind(r["becomes"]))
        for r in yaml.safe_load(text) or []
    )


def national_kind(kind: IdKind, value: str, country: str | None) -> IdKind:
    """The national kind of a number published under the generic ``kind``, or ``kind`` itself.

    >>> national_kind(IdKind.TAX_ID, "7744001497", "ru").value
    'inn'
    >>> national_kind(IdKind.TAX_ID, "7744001497", "kz").value
    'tax_id'
    """
    if country is None:
        return kind
    compact = re.sub(r"\s", "", value)
    for rule in _rules():
        if rule.kind is kind and rule.country == country and rule.pattern.fullmatch(compact):
            return rule.becomes
    return kind


def identifier(kind: IdKind, value: str, country: str | None = None, note: str | None = None) -> Identifier:
    """An :class:`Identifier` with whitespace collapsed and its national kind applied."""
    value = " ".join(value.split())
    return Identifier(national_kind(kind, value, country), value, country, note or None)
