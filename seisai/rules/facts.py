"""What the engine knows about a transaction before it tests any measure.

:func:`gather_facts` screens the parties, finds the occupied regions named in the addresses,
and works out where the goods come from and go to. Every measure is then tested against
these :class:`Facts`, so the screening and the place detection run once per transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from seisai.geo.countries import find_countries
from seisai.rules.places import DEFINITE, PlaceMatch, detect_places, region_names
from seisai.rules.screening import PartyHit, PartyScreener
from seisai.rules.transaction import Party, Transaction
from seisai.rules.vocab import DESTINATION_ROLES, ORIGIN_ROLES, RECIPIENT_ROLES, Role


@dataclass(frozen=True, slots=True)
class Place:
    """A country or region the goods come from or go to, and what says so."""

    code: str  # country code (lower case) or region id (UA-43)
    evidence: str
    certain: bool = True


@dataclass
class Facts:
    """A transaction with its parties screened and its places resolved."""

    tx: Transaction
    as_of: date
    parties: list[Party]
    hits: list[list[PartyHit]]
    screened: bool
    origin: list[Place] = field(default_factory=list)
    shipped_from: list[Place] = field(default_factory=list)
    destination: list[Place] = field(default_factory=list)
    party_places: list[list[PlaceMatch]] = field(default_factory=list)


def _region_places(matches: tuple[PlaceMatch, ...], where: str) -> list[Place]:
    return [Place(m.region, f"{where}: {m.describe()}", m.certainty == DEFINITE) for m in matches]


def _explicit_region(region: str | None, where: str) -> list[Place]:
    if region is None:
        return []
    return [Place(region, f"{where} = {region} {region_names()[region]}")]


def _address_countries(address: str | None, where: str) -> list[Place]:
    if not address:
        return []
    return [Place(code, f"{where} names {code.upper()}") for code in find_countries(address)[:1]]


def _goods_origins(tx: Transaction) -> list[Place]:
    """Each goods line's origin: where it was last processed, else its stated origin, else
    the country it is shipped from (the usual case of one origin for the whole shipment)."""
    out = []
    for i, line in enumerate(tx.goods):
        code = line.processed_in or line.origin_country or tx.origin_country
        if code is not None:
            how = "processed in" if line.processed_in else "origin"
            out.append(Place(code, f"goods[{i}] {how} {code.upper()}"))
    return out


def _party_label(index: int, party: Party) -> str:
    return f"parties[{index}] ({party.role.value} {party.name!r})"


def moves_goods(tx: Transaction) -> bool:
    """True when the transaction carries goods or an oil cargo, whose places must be known."""
    return bool(tx.goods) or tx.oil is not None


def all_parties(tx: Transaction) -> list[Party]:
    """The transaction's parties, plus the security's issuer when no party has that role."""
    parties = list(tx.parties)
    sec = tx.security
    if sec is not None and sec.issuer and not any(p.role is Role.ISSUER for p in parties):
        schema = "PublicBody" if sec.issuer_type in {"sovereign", "central_bank", "state_agency"} else "Organization"
        parties.append(Party.model_validate({"role": "issuer", "name": sec.issuer, "schema": schema, "country": sec.issuer_country}))
    return parties


def gather_facts(tx: Transaction, as_of: date, screener: PartyScreener, screened: bool = True) -> Facts:
    """Screen the parties and resolve the places of ``tx`` as of ``as_of``."""
    parties = all_parties(tx)
    facts = Facts(tx, as_of, parties, [list(screener.screen(p)) for p in parties], screened)
    facts.party_places = [list(detect_places(p.address)) for p in parties]
    facts.shipped_from = [
        *([Place(tx.origin_country, "origin_country")] if tx.origin_country else []),
        *_address_countries(tx.origin_address, "origin_address"),
        *_region_places(detect_places(tx.origin_address), "origin_address"),
        *_explicit_region(tx.origin_region, "origin_region"),
    ]
    regions = region_names()
    facts.origin = [p for p in facts.shipped_from if p.code in regions or not tx.goods] + _goods_origins(tx)
    for i, party in enumerate(parties):
        label = _party_label(i, party)
        if party.role in ORIGIN_ROLES:
            facts.origin += _region_places(tuple(facts.party_places[i]), f"{label} address")
        if party.role in DESTINATION_ROLES:
            if party.country:
                facts.destination.append(Place(party.country, f"{label} country"))
            facts.destination += _region_places(tuple(facts.party_places[i]), f"{label} address")
        elif party.role is Role.BUYER and party.country and moves_goods(tx):
            facts.destination.append(Place(party.country, f"{label} country (the buyer; check for diversion)", False))
        elif party.role in RECIPIENT_ROLES and not moves_goods(tx):
            # A service, payment or investment goes where its recipient is.
            if party.country:
                facts.destination.append(Place(party.country, f"{label} country"))
            facts.destination += _region_places(tuple(facts.party_places[i]), f"{label} address")
    facts.destination += [
        *([Place(tx.destination_country, "destination_country")] if tx.destination_country else []),
        *_address_countries(tx.destination_address, "destination_address"),
        *_region_places(detect_places(tx.destination_address), "destination_address"),
        *_explicit_region(tx.destination_region, "destination_region"),
    ]
    if not any(p.certain for p in facts.destination):
        # Only the buyer's country is known: that is where the goods go.
        facts.destination = [Place(p.code, p.evidence.replace("; check for diversion", ""), True) for p in facts.destination]
    return facts
