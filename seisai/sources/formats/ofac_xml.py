"""OFAC SDN list (``sdn.xml``) and consolidated non-SDN list (``consolidated.xml``), XML.

Both share one schema: ``sdnList`` holds ``publshInformation`` (``Publish_Date`` as
MM/DD/YYYY, ``Record_Count``) and one ``sdnEntry`` per party: ``uid`` (the CSV ent_num),
``firstName``/``lastName``, ``sdnType``, ``title``, ``remarks``, ``programList``, ``idList``
(identifiers and labelled facts, the same labels as the CSV remarks), ``akaList`` (a.k.a.,
f.k.a., n.k.a.; strong or weak), ``addressList``, ``nationalityList``, ``citizenshipList``,
``dateOfBirthList``, ``placeOfBirthList`` and ``vesselInfo``. The namespace changed over
the years (``http://tempuri.org/sdnList.xsd``, then the Sanctions List Service's), so
elements are matched by local name.

The header does not say which list a file is: the source is read from the entries (see
``seisai/data/sources/ofac_lists.yml``), so that ids match those of the CSV rendering of
the same list (``us_ofac_cons-9639`` in both).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from functools import cache, lru_cache
from importlib import resources

import yaml
from lxml import etree

from seisai.exc import ListFormatError
from seisai.model import DateParseError, Entity, NameKind, parse_fuzzy_date
from seisai.sources.base import ListFormat, ParsedList, SourceFile, register
from seisai.sources.ofac import (
    SOURCE_CONS,
    SOURCE_SDN,
    add_address,
    add_ofac_name,
    add_programmes,
    add_vessel,
    schema_of,
)
from seisai.sources.ofac_remarks import Warn, apply_labelled, apply_remarks
from seisai.sources.safe import local, parse_xml

AKA_KINDS = {"a.k.a.": NameKind.ALIAS, "f.k.a.": NameKind.FORMER, "n.k.a.": NameKind.ALIAS}
_ENTRY = re.compile(rb"<(?:\w+:)?sdnEntry\b")
_PROGRAM = re.compile(rb"<(?:\w+:)?program>([^<]*)<")
_ID_TYPE = re.compile(rb"<(?:\w+:)?idType>([^<]*)<")


def _text(el: etree._Element | None, tag: str) -> str | None:
    if el is None:
        return None
    child = el.find(f"{{*}}{tag}")
    if child is None or child.text is None:
        return None
    return " ".join(child.text.split()) or None


def _all(el: etree._Element, path: str) -> list[etree._Element]:
    return list(el.iterfind("/".join(f"{{*}}{p}" for p in path.split("/"))))


@cache
def _markers() -> tuple[float, frozenset[bytes], tuple[bytes, ...]]:
    text = resources.files("seisai.data").joinpath("sources/ofac_lists.yml").read_text("utf-8")
    spec = yaml.safe_load(text)["consolidated"]
    programmes = frozenset(str(p).encode() for p in spec["programmes"])
    return float(spec["share"]), programmes, tuple(str(t).encode() for t in spec["id_types"])


@lru_cache(maxsize=16)
def _source_of_content(data: bytes) -> str:
    """``us_ofac_cons`` when most entries carry a consolidated-list marker, else the SDN list."""
    share, programmes, id_types = _markers()
    chunks = _ENTRY.split(data)[1:]
    if not chunks:
        return SOURCE_SDN
    marked = sum(
        1
        for chunk in chunks
        if any(p.strip() in programmes for p in _PROGRAM.findall(chunk))
        or any(t.strip().startswith(id_types) for t in _ID_TYPE.findall(chunk))
    )
    return SOURCE_CONS if marked / len(chunks) > share else SOURCE_SDN


@register
class OFACXML(ListFormat):
    name = "ofac_xml"
    title = "OFAC SDN / consolidated list, XML (sdn.xml, consolidated.xml)"
    source = SOURCE_SDN

    @classmethod
    def detect(cls, file: SourceFile) -> bool:
        head = file.head
        return re.search(rb"<(?:\w+:)?sdnList\b", head) is not None and (
            b"publshInformation" in head or b"sdnEntry" in head
        )

    @classmethod
    def source_of(cls, file: SourceFile) -> str:
        return _source_of_content(file.content)

    def parse(self, files: Sequence[SourceFile]) -> ParsedList:
        if len(files) != 1:
            raise ListFormatError(", ".join(f.name for f in files), None, "an OFAC XML publication is one file")
        file = files[0]
        root = parse_xml(file.name, file.content)
        if local(root.tag) != "sdnList":
            raise ListFormatError(file.name, f"line {root.sourceline}", f"expected sdnList, found {local(root.tag)}")
        source = _source_of_content(file.content)
        warnings: list[str] = []
        entities = [self._entity(file, source, el, warnings.append) for el in _all(root, "sdnEntry")]
        info = root.find("{*}publshInformation")
        published = _publish_date(file, info)
        count = _text(info, "Record_Count")
        if count and count.isdigit() and int(count) != len(entities):
            warnings.append(f"{file.name}: Record_Count says {count} entries, the file holds {len(entities)}")
        return ParsedList(source, self.name, [file], entities, published, warnings)

    def _entity(self, file: SourceFile, source: str, el: etree._Element, warn: Warn) -> Entity:
        uid = _text(el, "uid")
        where = f"line {el.sourceline}"
        if uid is None:
            raise ListFormatError(file.name, where, "sdnEntry without uid")
        schema = schema_of(_text(el, "sdnType"))
        if schema is None:
            raise ListFormatError(file.name, where, f"unknown sdnType {_text(el, 'sdnType')!r}")
        entity = Entity(source, uid, schema)
        add_ofac_name(entity, NameKind.PRIMARY, first=_text(el, "firstName"), last=_text(el, "lastName"))
        for aka in _all(el, "akaList/aka"):
            kind = AKA_KINDS.get((_text(aka, "type") or "a.k.a.").casefold(), NameKind.ALIAS)
            if kind is NameKind.ALIAS and (_text(aka, "category") or "").casefold() == "weak":
                kind = NameKind.WEAK_ALIAS
            add_ofac_name(entity, kind, first=_text(aka, "firstName"), last=_text(aka, "lastName"))
        add_programmes(entity, [p.text.strip() for p in _all(el, "programList/program") if p.text and p.text.strip()])
        title = _text(el, "title")
        if title:
            entity.positions.append(title)
        self._facts(file, el, entity, warn)
        info = el.find("{*}vesselInfo")
        if info is not None:
            add_vessel(
                entity,
                call_sign=_text(info, "callSign"),
                vessel_type=_text(info, "vesselType"),
                tonnage=_text(info, "tonnage"),
                gross_tonnage=_text(info, "grossRegisteredTonnage"),
                flag=_text(info, "vesselFlag"),
                owner=_text(info, "vesselOwner"),
            )
        apply_remarks(entity, _text(el, "remarks"), warn)
        entity.raw = {"xml": etree.tostring(el, encoding="unicode")}
        return entity

    def _facts(self, file: SourceFile, el: etree._Element, entity: Entity, warn: Warn) -> None:
        for item in _all(el, "idList/id"):
            dates = [f"{word} {d}" for word, tag in (("issued", "issueDate"), ("expires", "expirationDate")) if (d := _text(item, tag))]
            label, number = _text(item, "idType") or "", _text(item, "idNumber") or ""
            apply_labelled(entity, label, number, _text(item, "idCountry"), " ".join(dates) or None, warn)
        for address in _all(el, "addressList/address"):
            street = ", ".join(p for t in ("address1", "address2", "address3") if (p := _text(address, t)))
            add_address(
                entity,
                street=street or None,
                city=_text(address, "city"),
                region=_text(address, "stateOrProvince"),
                postal_code=_text(address, "postalCode"),
                country=_text(address, "country"),
            )
        for path, label in (("nationalityList/nationality", "nationality"), ("citizenshipList/citizenship", "citizen")):
            for item in _all(el, path):
                apply_labelled(entity, label, _text(item, "country") or "", None, None, warn)
        for item in _all(el, "dateOfBirthList/dateOfBirthItem"):
            value = _text(item, "dateOfBirth")
            if not value:
                continue
            try:
                found = parse_fuzzy_date(value)
            except DateParseError:
                warn(f"{file.name}: line {item.sourceline}: unreadable date of birth {value!r}")
                entity.properties.setdefault("birthDateText", []).append(value)
                continue
            if found not in entity.birth_dates:
                entity.birth_dates.append(found)
        for item in _all(el, "placeOfBirthList/placeOfBirthItem"):
            place = _text(item, "placeOfBirth")
            if place and place not in entity.birth_places:
                entity.birth_places.append(place)


def _publish_date(file: SourceFile, info: etree._Element | None) -> date | None:
    """``Publish_Date`` is MM/DD/YYYY; an unreadable one is an error, a missing one None."""
    element = info.find("{*}Publish_Date") if info is not None else None
    text = " ".join((element.text or "").split()) if element is not None else ""
    if element is None or not text:
        return None
    for pattern in ("%m/%d/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ListFormatError(file.name, f"line {element.sourceline}", f"unreadable Publish_Date {text!r}")
