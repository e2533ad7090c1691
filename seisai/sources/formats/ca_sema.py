"""Canada's Consolidated Canadian Autonomous Sanctions List, XML (SEMA and JVCFOA).

The file is ``<data-set>`` with one flat ``<record>`` per listed person, entity or ship::

    <record>
      <Country>Russia / Russie</Country>          regime, English / French
      <LastName>DVORNIKOV</LastName> <GivenName>Aleksandr Vladimirovich</GivenName>
      <EntityOrShip>...</EntityOrShip>             for entities and ships instead
      <TitleOrShip>...</TitleOrShip>               a person's title, a ship's type
      <Aliases>Alexander </Aliases>                free text (see _sema_aliases)
      <DateOfBirthOrShipBuildDate>1961-08-22</DateOfBirthOrShipBuildDate>
      <ShipIMONumber>7612448</ShipIMONumber>
      <Schedule>1, Part 1</Schedule> <Item>117</Item>
      <DateOfListing>2019-03-15</DateOfListing>
    </record>

The file has no record id. A record is identified by its place in the regulations: the
regime (Country), the schedule and part, and the item number. Canada does not renumber
items when others are repealed, so ``<regime>-<schedule>-<item>`` is stable across versions:
``ca_sema-ru-s1-p1-117``. The regime is its ISO country code when it is a country (``ru``,
``mm`` for "Myanmar (Burma)"), else its acronym or a slug of its English name (``jvcfor``,
``hamas-terrorist-attacks``). Spelling variants of the schedule ("1, Part 3" and "1,Part 3")
give the same key.

The file carries no date of its own; ``published`` is the latest listing date in it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from lxml import etree

from seisai.exc import ListFormatError
from seisai.geo.countries import country_code
from seisai.model import (
    DateParseError,
    Entity,
    FuzzyDate,
    Identifier,
    IdKind,
    NameKind,
    Sanction,
    Schema,
    parse_fuzzy_date,
)
from seisai.sources.base import ListFormat, ParsedList, SourceFile, register
from seisai.sources.building import add_name, add_unique
from seisai.sources.formats._sema_aliases import split_aliases
from seisai.sources.safe import local, parse_xml
from seisai.text.scripts import Script, script_of

SOURCE = "ca_sema"
AUTHORITY = "Global Affairs Canada"
_SCHEDULE = re.compile(r"^(?:(?:schedule\s*)?(\d+(?:\.\d+)?))?\s*,?\s*(?:part\s*(\d+(?:\.\d+)?))?$", re.I)
_DECADE = re.compile(r"^(?:born\s+in\s+the\s+)?(?:early|mid|late)?[\s-]*(\d{3})0s$", re.I)
_OR = re.compile(r"\s+or\s+", re.I)


def _text(el: etree._Element, tag: str) -> str:
    child = el.find(tag)
    if child is None or child.text is None:
        return ""
    return " ".join(child.text.replace("\xa0", " ").split())


def regime_key(country: str) -> str:
    """The stable key of a regime ("Russia / Russie" -> ``ru``; see the module docstring)."""
    english = country.split(" / ")[0].strip()
    code = country_code(english) or country_code(re.sub(r"\s*\([^)]*\)", "", english))
    if code:
        return code
    acronym = re.search(r"\(([A-Z]{3,})\)", english)
    if acronym:
        return acronym.group(1).lower()
    return re.sub(r"[^a-z0-9]+", "-", english.casefold()).strip("-")


def schedule_key(schedule: str) -> str:
    """``"1, Part 1"`` -> ``"s1-p1"``, ``"Part 2"`` -> ``"p2"``, ``"1.1"`` -> ``"s1.1"``."""
    m = _SCHEDULE.match(schedule.strip())
    if not schedule.strip():
        return ""
    if not m:
        return re.sub(r"[^a-z0-9.]+", "-", schedule.casefold()).strip("-")
    number, part = m.groups()
    return "-".join(p for p in (f"s{number}" if number else "", f"p{part}" if part else "") if p)


def record_id(country: str, schedule: str, item: str) -> str:
    """The entity's source id: regime, schedule and item."""
    return "-".join(p for p in (regime_key(country), schedule_key(schedule), item.strip()) if p)


def parse_birth_dates(text: str) -> list[FuzzyDate]:
    """A DateOfBirth cell: ISO dates, years, "1963-1964", "X or Y", "born in the early 1970s".

    Raises :class:`DateParseError` for text that is none of these ("Sep-99").
    """
    result = []
    for part in _OR.split(text.strip()):
        part = part.strip()
        decade = _DECADE.match(part)
        if decade:
            start = int(decade.group(1)) * 10
            result.append(FuzzyDate(start, circa=True, until_year=start + 9))
        else:
            result.append(parse_fuzzy_date(part))
    return result


@register
class CanadaSEMA(ListFormat):
    name = "ca_sema_xml"
    title = "Canada, Consolidated Canadian Autonomous Sanctions List (XML)"
    source = SOURCE

    @classmethod
    def detect(cls, file: SourceFile) -> bool:
        head = file.head
        return b"<data-set" in head and b"<record" in head and b"<DateOfListing>" in head

    def parse(self, files: Sequence[SourceFile]) -> ParsedList:
        file = files[0]
        root = parse_xml(file.name, file.content)
        if local(root.tag) != "data-set":
            raise ListFormatError(file.name, f"line {root.sourceline}", f"expected data-set, found {local(root.tag)}")
        warnings: list[str] = []
        entities: list[Entity] = []
        for el in root.iterfind("record"):
            entities.append(self._entity(file.name, el, warnings))
        listed = [s.listed_on for e in entities for s in e.sanctions if s.listed_on]
        return ParsedList(SOURCE, self.name, list(files), entities, max(listed, default=None), warnings)

    def _entity(self, name: str, el: etree._Element, warnings: list[str]) -> Entity:
        where = f"line {el.sourceline}"
        country, item = _text(el, "Country"), _text(el, "Item")
        if not country or not item:
            raise ListFormatError(name, where, "record without Country or Item")
        schedule = _text(el, "Schedule")
        last, given, org = _text(el, "LastName"), _text(el, "GivenName"), _text(el, "EntityOrShip")
        imo = _text(el, "ShipIMONumber")
        schema = Schema.PERSON if (last or given) else Schema.VESSEL if imo else Schema.ORGANIZATION
        entity = Entity(SOURCE, record_id(country, schedule, item), schema)
        if schema is Schema.PERSON:
            add_name(entity, f"{given} {last}", NameKind.PRIMARY, family=last or None, given=given or None)
        else:
            add_name(entity, org, NameKind.PRIMARY)
        if not entity.names:
            raise ListFormatError(name, where, "record without a name")
        for alias in split_aliases(_texts(el, "Aliases"), schema is Schema.PERSON):
            kind = NameKind.ALIAS
            if script_of(alias.value) not in (Script.LATIN, Script.NONE):
                kind = NameKind.ORIGINAL_SCRIPT
            elif schema is Schema.PERSON and len(alias.value.split()) == 1:
                kind = NameKind.WEAK_ALIAS  # a lone given name or surname variant
            add_name(entity, alias.value, kind, lang=alias.lang)
        if imo:
            entity.identifiers.append(Identifier(IdKind.IMO, imo))
        self._details(entity, el, f"{name}: {where}", warnings)
        entity.sanctions.append(self._sanction(name, where, el, country, schedule, item))
        entity.raw = {"xml": etree.tostring(el, encoding="unicode").strip()}
        return entity

    def _details(self, entity: Entity, el: etree._Element, where: str, warnings: list[str]) -> None:
        title, dated = _text(el, "TitleOrShip"), _text(el, "DateOfBirthOrShipBuildDate")
        if entity.schema is Schema.ORGANIZATION:  # neither column is meant for entities
            entity.notes.extend(f"{tag}: {text}" for tag, text in (("TitleOrShip", title), ("Date", dated)) if text)
            return
        if title:
            add_unique(entity.properties.setdefault("title" if entity.schema is Schema.PERSON else "type", []), title)
        if not dated:
            return
        if entity.schema is Schema.VESSEL:
            entity.properties["buildDate"] = [dated]
            return
        try:
            entity.birth_dates.extend(parse_birth_dates(dated))
        except (DateParseError, ValueError) as exc:
            warnings.append(f"{where}: date of birth not read: {exc}")
            entity.properties.setdefault("birthDateText", []).append(dated)

    def _sanction(self, name: str, where: str, el: etree._Element, country: str, schedule: str, item: str) -> Sanction:
        listed = _text(el, "DateOfListing")
        try:
            listed_on = date.fromisoformat(listed) if listed else None
        except ValueError:
            raise ListFormatError(name, where, f"bad DateOfListing {listed!r}") from None
        if schedule[:1].isdigit():
            schedule = f"Schedule {schedule}"
        reference = f"{schedule}, item {item}" if schedule else f"item {item}"
        return Sanction(
            programme=country.split(" / ")[0].strip(),
            authority=AUTHORITY,
            listed_on=listed_on,
            reference=reference,
        )


def _texts(el: etree._Element, tag: str) -> str:
    """The raw text of an element, line breaks kept (they can separate aliases)."""
    child = el.find(tag)
    return child.text if child is not None and child.text else ""
