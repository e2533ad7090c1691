"""The labels OFAC puts before the facts it publishes, loaded from ``ofac_labels.yml``.

OFAC's remarks ("DOB 15 Dec 1951; Passport 123 (Russia); Linked To: X") and its XML idType
values ("SWIFT/BIC", "Tax ID No.") use one vocabulary of labels. :func:`match_label` finds
the label a clause starts with and says what the clause holds: a fact read by code, an
identifier of some :class:`~seisai.model.IdKind`, a property, or a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Any

import yaml

from seisai.model import IdKind

_ALT = re.compile(r"^alt\.\s*", re.I)


class LabelKind(StrEnum):
    """What a labelled clause holds."""

    FACT = "fact"
    IDENTIFIER = "identifier"
    PROPERTY = "property"
    NOTE = "note"


@dataclass(frozen=True, slots=True)
class Label:
    """One label of the table: its text, what it holds and where it goes."""

    text: str
    kind: LabelKind
    target: str  # the fact name, IdKind value, property name, or "" for notes


@dataclass(frozen=True, slots=True)
class LabelMatch:
    """A clause read against the table: the label, and the text after it."""

    label: Label
    rest: str


@dataclass(frozen=True, slots=True)
class LabelTable:
    """The labels, longest first, and the properties whose values are dates.

    ``by_start`` indexes the labels by their first two case-folded characters, each with its
    case-folded text, so that a clause is compared with a handful of labels, not all of them.
    """

    labels: tuple[Label, ...]
    date_properties: frozenset[str]
    by_start: dict[str, tuple[tuple[str, Label], ...]]


def _entries(section: dict[str, Any], kind: LabelKind) -> list[Label]:
    return [Label(str(text), kind, str(target)) for target, texts in section.items() for text in texts]


@cache
def label_table() -> LabelTable:
    """The table from ``seisai/data/sources/ofac_labels.yml`` (read once)."""
    raw = resources.files("seisai.data").joinpath("sources/ofac_labels.yml").read_text("utf-8")
    data = yaml.safe_load(raw)
    labels = _entries(data["facts"], LabelKind.FACT)
    for kind in data["identifiers"]:
        IdKind(kind)  # a typo in the table fails loudly here, not at match time
    labels += _entries(data["identifiers"], LabelKind.IDENTIFIER)
    labels += _entries(data["properties"], LabelKind.PROPERTY)
    labels += [Label(str(text), LabelKind.NOTE, "") for text in data["notes"]]
    labels.sort(key=lambda label: len(label.text), reverse=True)
    by_start: dict[str, list[tuple[str, Label]]] = {}
    for label in labels:
        key = label.text.casefold()
        by_start.setdefault(key[:2], []).append((key, label))
    return LabelTable(
        tuple(labels),
        frozenset(data.get("dates", [])),
        {start: tuple(entries) for start, entries in by_start.items()},
    )


def strip_alt(text: str) -> str:
    """``alt. Passport 123`` -> ``Passport 123`` (OFAC marks second values with "alt.")."""
    return _ALT.sub("", text.strip(), count=1)


def match_label(clause: str) -> LabelMatch | None:
    """The longest label ``clause`` starts with (ignoring case and "alt."), or ``None``.

    A label must be followed by a space, ":", "-" or the end of the clause, so "Passport"
    does not match "Passports".

    >>> m = match_label("alt. Passport 563210175 (Korea, North)")
    >>> m.label.target, m.rest
    ('passport', '563210175 (Korea, North)')
    """
    text = strip_alt(clause)
    folded = text.casefold()
    for key, label in label_table().by_start.get(folded[:2], ()):
        if not folded.startswith(key):
            continue
        after = text[len(key) :]
        if after and not (after[0].isspace() or after[0] in ":-") and not key.endswith((".", "#", ")")):
            continue
        return LabelMatch(label, after.strip().lstrip(":-").strip())
    return None
