"""The entity model shared by parsers, store, matching and rules."""

from seisai.model.dates import DateParseError, FuzzyDate, Precision, parse_fuzzy_date
from seisai.model.entity import (
    Address,
    Entity,
    Identifier,
    IdKind,
    Name,
    NameKind,
    Sanction,
    Schema,
    make_entity_id,
)
from seisai.model.serialize import entity_from_dict, entity_to_dict, entity_to_ftm

__all__ = [
    "Address",
    "DateParseError",
    "Entity",
    "FuzzyDate",
    "IdKind",
    "Identifier",
    "Name",
    "NameKind",
    "Precision",
    "Sanction",
    "Schema",
    "entity_from_dict",
    "entity_to_dict",
    "entity_to_ftm",
    "make_entity_id",
    "parse_fuzzy_date",
]
