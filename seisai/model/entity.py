"""The one entity model every list parser yields.

Each official list has its own layout; every parser turns its records into :class:`Entity`
objects so that storage, matching, rules and export see one shape. The model follows
FollowTheMoney (FtM) where FtM has a notion (schema names, property names on export), and
keeps typed fields for what screening needs: names with their kind and script, birth dates
with their precision, identifiers with their kind, and the designations with their dates.

An entity's id is stable across versions of a list: ``<source>-<publisher's id>``, so that a
diff of two versions can tell a changed designation from a new one.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import lru_cache
from typing import Any

from seisai.model.dates import FuzzyDate
from seisai.text.scripts import Script, script_of


class Schema(StrEnum):
    """What kind of thing an entity is (FtM schema names)."""

    PERSON = "Person"
    ORGANIZATION = "Organization"
    COMPANY = "Company"
    LEGAL_ENTITY = "LegalEntity"  # a person or an organisation, the list does not say which
    PUBLIC_BODY = "PublicBody"
    VESSEL = "Vessel"
    AIRPLANE = "Airplane"
    CRYPTO_WALLET = "CryptoWallet"

    @property
    def is_organization(self) -> bool:
        return self in ORGANIZATION_SCHEMAS


ORGANIZATION_SCHEMAS = frozenset(
    {Schema.ORGANIZATION, Schema.COMPANY, Schema.LEGAL_ENTITY, Schema.PUBLIC_BODY}
)


class NameKind(StrEnum):
    """The role a name plays on the list."""

    PRIMARY = "primary"  # the listed name; MOF gives one in katakana and one in Latin
    ALIAS = "alias"  # a.k.a., strong alias
    WEAK_ALIAS = "weak_alias"  # low-quality a.k.a. (OFAC weak, UN "Low", MOF 確定に十分でない別名)
    FORMER = "former"  # f.k.a., previous name
    ORIGINAL_SCRIPT = "original_script"  # the name in the subject's own script, as published


class IdKind(StrEnum):
    """Kinds of identifier, each exported to its FtM property."""

    PASSPORT = "passport"
    NATIONAL_ID = "national_id"
    TAX_ID = "tax_id"
    REGISTRATION = "registration"
    INN = "inn"
    OGRN = "ogrn"
    LEI = "lei"
    BIC = "bic"
    IMO = "imo"
    MMSI = "mmsi"
    CALL_SIGN = "call_sign"
    AIRCRAFT_REG = "aircraft_registration"
    CRYPTO = "crypto_wallet"
    EMAIL = "email"
    PHONE = "phone"
    WEBSITE = "website"
    OTHER = "other"


FTM_ID_PROPERTY: dict[IdKind, str] = {
    IdKind.PASSPORT: "passportNumber",
    IdKind.NATIONAL_ID: "idNumber",
    IdKind.TAX_ID: "taxNumber",
    IdKind.REGISTRATION: "registrationNumber",
    IdKind.INN: "innCode",
    IdKind.OGRN: "ogrnCode",
    IdKind.LEI: "leiCode",
    IdKind.BIC: "swiftBic",
    IdKind.IMO: "imoNumber",
    IdKind.MMSI: "mmsi",
    IdKind.CALL_SIGN: "callSign",
    IdKind.AIRCRAFT_REG: "registrationNumber",
    IdKind.CRYPTO: "publicKey",
    IdKind.EMAIL: "email",
    IdKind.PHONE: "phone",
    IdKind.WEBSITE: "website",
    IdKind.OTHER: "idNumber",
}

FTM_NAME_PROPERTY: dict[NameKind, str] = {
    NameKind.PRIMARY: "name",
    NameKind.ALIAS: "alias",
    NameKind.WEAK_ALIAS: "weakAlias",
    NameKind.FORMER: "previousName",
    NameKind.ORIGINAL_SCRIPT: "alias",
}


@dataclass(frozen=True, slots=True)
class Name:
    """One name of an entity, with its kind, script and (when the list gives them) parts.

    ``script`` is detected from the value unless given. ``lang`` is an ISO 639 code when the
    publisher says which language the name is in (EU ``nameLanguage``, MOF 日本語表記 = ``ja``).
    ``family`` and ``given`` are set only when the list separates them (OFAC "LAST, First",
    UK "Name 6"); matching never relies on them being present.
    """

    value: str
    kind: NameKind = NameKind.PRIMARY
    script: Script | None = None
    lang: str | None = None
    family: str | None = None
    given: str | None = None

    def __post_init__(self) -> None:
        if not self.value.strip():
            raise ValueError("a name cannot be empty")
        if self.script is None:
            object.__setattr__(self, "script", script_of(self.value))


@dataclass(frozen=True, slots=True)
class Identifier:
    """A document or registry number (passport, INN, IMO, BIC...), as published."""

    kind: IdKind
    value: str
    country: str | None = None  # ISO alpha-2, lower case
    note: str | None = None  # issuing authority, validity, the type as the list wrote it


@dataclass(frozen=True, slots=True)
class Address:
    """A postal address: the full text as published, plus any parts the list separates."""

    full: str
    country: str | None = None
    city: str | None = None
    region: str | None = None
    postal_code: str | None = None
    street: str | None = None


@dataclass(frozen=True, slots=True)
class Sanction:
    """One designation of the entity under one programme.

    ``reference`` is the publisher's reference (UN ``QDi.001``, MOF 告示番号, UK Group ID);
    ``notice`` is the legal instrument when given (MOFA Notice No. 36 of 2022).
    ``concerns`` holds METI End User List concern types (B, C, M, N, conventional weapons).
    """

    programme: str
    authority: str | None = None
    listed_on: date | None = None
    reference: str | None = None
    notice: str | None = None
    reason: str | None = None
    concerns: tuple[str, ...] = ()


@dataclass(slots=True)
class Entity:
    """A listed person, organisation, vessel or aircraft, as one source publishes it."""

    source: str
    source_id: str
    schema: Schema
    names: list[Name] = field(default_factory=list)
    gender: str | None = None
    birth_dates: list[FuzzyDate] = field(default_factory=list)
    birth_places: list[str] = field(default_factory=list)
    nationalities: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    addresses: list[Address] = field(default_factory=list)
    identifiers: list[Identifier] = field(default_factory=list)
    sanctions: list[Sanction] = field(default_factory=list)
    positions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    properties: dict[str, list[str]] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        """Stable id: ``<source>-<publisher's id>``."""
        return make_entity_id(self.source, self.source_id)

    @property
    def caption(self) -> str:
        """The name to show: the first Latin primary name, else the first name, else the id."""
        for name in self.names:
            if name.kind is NameKind.PRIMARY and name.script is Script.LATIN:
                return name.value
        return self.names[0].value if self.names else self.id

    @property
    def programmes(self) -> list[str]:
        return sorted({s.programme for s in self.sanctions if s.programme})

    @property
    def listed_on(self) -> date | None:
        """The earliest listing date of any designation."""
        dates = [s.listed_on for s in self.sanctions if s.listed_on is not None]
        return min(dates) if dates else None

    def add_name(self, value: str | None, kind: NameKind = NameKind.PRIMARY, **kw: Any) -> None:
        """Add a name unless it is blank or already there with the same kind."""
        if value is None:
            return
        value = " ".join(value.split())
        if not value or any(n.value == value and n.kind == kind for n in self.names):
            return
        self.names.append(Name(value, kind, **kw))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; :func:`seisai.model.serialize.entity_from_dict` reads it back."""
        from seisai.model.serialize import entity_to_dict

        return entity_to_dict(self)

    def content_hash(self) -> str:
        """SHA-256 of everything but the raw record: equal hashes mean no listed fact changed."""
        data = self.to_dict()
        data.pop("raw", None)
        blob = json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")
        return hashlib.sha256(blob).hexdigest()


@lru_cache(maxsize=1 << 17)  # the matcher asks for the ids of its candidates at every screening
def make_entity_id(source: str, source_id: str) -> str:
    """``<source>-<id>`` with whitespace and slashes in the publisher's id replaced by ``_``."""
    clean = "".join("_" if c.isspace() or c in "/\\?#%" else c for c in source_id.strip())
    return f"{source}-{clean}"
