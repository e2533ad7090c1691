"""Party conditions: parties found on sanctions lists (with their programmes, listing dates,
entry numbers and concern types), parties named in a measure itself, and parties' countries."""

from __future__ import annotations

import re
import unicodedata
from datetime import timedelta
from functools import lru_cache

from seisai.geo.countries import find_countries
from seisai.model import Sanction
from seisai.rules.facts import Facts
from seisai.rules.logic import FALSE, Check
from seisai.rules.screening import PartyHit
from seisai.rules.spec import NamedPartiesCond, PartyCond, PartyCountryCond
from seisai.rules.transaction import Party
from seisai.rules.vocab import RECIPIENT_ROLES

LEGAL_FORMS = frozenset(
    {"pjsc", "ojsc", "cjsc", "jsc", "pao", "oao", "zao", "ao", "ooo", "llc", "ltd", "plc", "inc",
     "corp", "co", "company", "limited", "public", "joint", "stock", "пао", "оао", "зао", "ао", "ооо"}
)


def _label(index: int, party: Party) -> str:
    return f"parties[{index}] ({party.role.value} {party.name!r})"


def _programme_ok(sanction: Sanction, cond: PartyCond) -> bool:
    programme = sanction.programme.casefold()
    if cond.programmes and not any(p.casefold() in programme for p in cond.programmes):
        return False
    return not any(p.casefold() in programme for p in cond.exclude_programmes)


def _hit_detail(facts: Facts, hit: PartyHit, cond: PartyCond) -> tuple[bool, str]:
    """Whether ``hit`` meets ``cond`` as of the facts' date, and a description of it."""
    if hit.source not in cond.lists:
        return False, ""
    if cond.entries is not None and (hit.entry is None or not cond.entries.contains(hit.entry)):
        return False, ""
    if cond.unnumbered and hit.entry is not None:
        return False, ""
    sanctions = [s for s in hit.sanctions if _programme_ok(s, cond)]
    if not sanctions and (cond.programmes or hit.sanctions):
        return False, ""
    if cond.concerns:
        concerns = sorted({c for s in sanctions for c in s.concerns} & set(cond.concerns))
        if not concerns:
            return False, ""
    listed = min((s.listed_on for s in sanctions if s.listed_on), default=None)
    if cond.listed is not None and (listed is None or not cond.listed.contains(listed)):
        return False, ""
    programme = ", ".join(sorted({s.programme for s in sanctions if s.programme})) or hit.source
    text = f"on {hit.source} as {hit.caption!r} ({programme}"
    if hit.entry is not None:
        text += f", entry {hit.entry}"
    concerns = sorted({c for s in sanctions for c in s.concerns})
    if concerns:
        text += f", concerns {'/'.join(concerns)}"
    if listed is None:
        return True, text + ", listing date not published)"
    in_effect = listed + timedelta(days=cond.lag_days)
    text += f", listed {listed}" + (f", in effect from {in_effect}" if cond.lag_days else "") + ")"
    return in_effect <= facts.as_of, text


def check_parties(facts: Facts, cond: PartyCond) -> Check:
    """Some party (in ``cond.roles``) is a listed entity that meets the condition on the date."""
    strong: list[Check] = []
    weak: list[Check] = []
    for i, party in enumerate(facts.parties):
        if cond.roles and party.role not in cond.roles:
            continue
        for hit in facts.hits[i]:
            ok, text = _hit_detail(facts, hit, cond)
            if not ok:
                continue
            detail = f"{_label(i, party)} is {text}"
            if hit.match:
                strong.append(Check.true(f"{detail}, score {hit.score:.2f}", entities=[hit.entity_id]))
            else:
                doubt = f"{_label(i, party)} may be {hit.caption!r} on {hit.source} (weak match, score {hit.score:.2f})"
                weak.append(Check.true(f"possibly: {detail}", doubt=doubt, entities=[hit.entity_id]))
    found = strong or weak
    if not found:
        return FALSE
    out = Check.true("; ".join(d for c in found for d in c.details))
    out.doubts = [] if strong else [d for c in weak for d in c.doubts]
    out.entities = [e for c in found for e in c.entities]
    return out


@lru_cache(maxsize=8192)
def name_tokens(name: str) -> tuple[str, ...]:
    """Words of a name, folded, without punctuation or legal forms (``PJSC Sberbank`` -> ``sberbank``)."""
    text = unicodedata.normalize("NFKC", name).casefold().replace("ё", "е")
    words = re.findall(r"\w+", text)
    return tuple(w for w in words if w not in LEGAL_FORMS)


def _contains(words: tuple[str, ...], target: tuple[str, ...]) -> bool:
    n = len(target)
    return n > 0 and any(words[i : i + n] == target for i in range(len(words) - n + 1))


def check_named_parties(facts: Facts, cond: NamedPartiesCond) -> Check:
    """Some party (in ``cond.roles``) bears one of the names the measure lists."""
    targets = [(name, name_tokens(name)) for name in cond.names]
    for i, party in enumerate(facts.parties):
        if cond.roles and party.role not in cond.roles:
            continue
        words = name_tokens(party.name)
        joined = "".join(words)
        for name, target in targets:
            japanese = any("\u3040" <= c <= "\u9fff" for c in name)
            if _contains(words, target) or (japanese and "".join(target) in joined):
                return Check.true(f"{_label(i, party)} is {name} (named in the measure)")
    return FALSE


def _country_of(party: Party) -> str | None:
    if party.country or party.nationality:
        return party.country or party.nationality
    found = find_countries(party.address) if party.address else []
    return found[0] if found else None


def check_party_countries(facts: Facts, cond: PartyCountryCond) -> Check:
    """Some party in ``cond.roles`` (of ``cond.schemas``) is in one of ``cond.countries``.
    For recipient roles, the transaction's destination country counts as the recipient's."""
    missing: list[str] = []
    for i, party in enumerate(facts.parties):
        if cond.roles and party.role not in cond.roles:
            continue
        if cond.schemas and party.schema_ not in cond.schemas:
            continue
        country = _country_of(party)
        if country is None:
            missing.append(f"parties[{i}].country")
        elif country in cond.countries:
            return Check.true(f"{_label(i, party)} is in {country.upper()}")
    recipient = not cond.roles or bool(set(cond.roles) & RECIPIENT_ROLES)
    dest = facts.tx.destination_country
    if recipient and not cond.schemas and dest is not None:
        return Check.true(f"destination_country {dest.upper()}") if dest in cond.countries else FALSE
    if missing:
        return Check.unknown(missing[0])
    if not any(not cond.roles or p.role in cond.roles for p in facts.parties):
        roles = "/".join(r.value for r in cond.roles) or "any"
        return Check.unknown(f"parties (a {roles} party and its country)")
    return FALSE
