"""FollowTheMoney entities as JSON lines (OpenSanctions exports, yente data files).

One JSON object per line: ``{"id", "schema", "properties": {prop: [values]}, "caption",
"datasets", "referents", ...}``. Things (Person, Company, Vessel...) become entities; the
entities FtM uses for their parts are attached to the things they point at:

- ``Address`` entities, through a thing's ``addressEntity`` (by id or by one of the
  address's ``referents``);
- ``Sanction`` entities (``entity``): one designation each, with ``programId`` (or
  ``program``) as programme, ``authority``, the earliest ``listingDate``/``startDate``,
  ``authorityId`` as reference and ``reason``; an ``endDate`` is written into the reason;
- ``Passport`` / ``Identification`` entities (``holder``): an identifier when a number is given;
- relationships (Ownership, Directorship, Family...): a property on each side naming the
  other (see ``seisai/data/sources/ftm_properties.yml``).

A thing's own ``programId`` and ``program`` values are designations too, listed on its
``createdAt`` (the date the publisher first saw it listed); a sanctioned thing (topic
``sanction``) of a one-dataset export with neither gets one designation named after the
dataset (``eu_fsf``). A merged thing citing several datasets gets none that way, since its
datasets mix sanctions lists with registries; its ``topics`` say that it is sanctioned.
Other schemas are skipped with a warning.

Source and ids. A file whose entities all cite one dataset is an export of that dataset,
source ``opensanctions_<dataset>`` (``opensanctions_eu_fsf``); any other file is a
collection, source ``opensanctions``. So two unrelated exports are not taken for two
versions of one list. Entity ids keep the FtM ids (``opensanctions-NK-2GdmHtZ...``), which
OpenSanctions keeps stable across releases. The files carry no publication date.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

from seisai.exc import ListFormatError
from seisai.model import Address, Entity, IdKind, Sanction
from seisai.sources.base import ListFormat, ParsedList, SourceFile, register
from seisai.sources.ftm_mapping import address_entity, first_date, ftm_table, thing_entity, values
from seisai.sources.identifiers import identifier
from seisai.sources.safe import decode_utf8

SOURCE = "opensanctions"
DOCUMENT_SCHEMAS = {"Passport": IdKind.PASSPORT, "Identification": IdKind.NATIONAL_ID}

Record = tuple[int, dict[str, Any]]


def _records(file: SourceFile) -> Iterator[Record]:
    """Each JSON line with its line number; bad JSON or a record without id/schema raises."""
    text = decode_utf8(file.name, file.content)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ListFormatError(file.name, f"line {number}", f"invalid JSON: {exc.msg} (column {exc.colno})") from None
        if not isinstance(obj, dict) or not obj.get("id") or not obj.get("schema"):
            raise ListFormatError(file.name, f"line {number}", "not a FollowTheMoney entity (no id or schema)")
        if not isinstance(obj.get("properties", {}), dict):
            raise ListFormatError(file.name, f"line {number}", "properties is not an object")
        yield number, obj


_DATASETS = re.compile(rb'"datasets"\s*:\s*\[([^\]]*)\]')
_DATASET = re.compile(rb'"([^"]+)"')


@lru_cache(maxsize=16)
def _source_of_content(data: bytes) -> str:
    """``opensanctions_<dataset>`` for a one-dataset export, else ``opensanctions``."""
    datasets = {d for group in _DATASETS.findall(data) for d in _DATASET.findall(group)}
    if len(datasets) == 1:
        name = re.sub(r"[^a-z0-9_]+", "_", datasets.pop().decode("utf-8", "replace").casefold()).strip("_")
        if name:
            return f"{SOURCE}_{name}"
    return SOURCE


@register
class FollowTheMoneyJSON(ListFormat):
    name = "ftm_json"
    title = "FollowTheMoney entities, JSON lines (OpenSanctions, yente)"
    source = SOURCE

    @classmethod
    def source_of(cls, file: SourceFile) -> str:
        return _source_of_content(file.content)

    @classmethod
    def detect(cls, file: SourceFile) -> bool:
        first = file.head.lstrip(b"\xef\xbb\xbf \r\n\t").split(b"\n", 1)[0]
        if not first.startswith(b"{"):
            return False
        try:
            obj = json.loads(first)
        except ValueError:  # a first line longer than the head, or no JSON
            return b'"schema"' in first and b'"properties"' in first and len(first) >= len(file.head) - 1
        return isinstance(obj, dict) and "id" in obj and "schema" in obj and isinstance(obj.get("properties"), dict)

    def parse(self, files: Sequence[SourceFile]) -> ParsedList:
        if len(files) != 1:
            raise ListFormatError(", ".join(f.name for f in files), None, "one FtM JSON file is one publication")
        file = files[0]
        records = list(_records(file))
        by_ref: dict[str, Record] = {}
        for record in records:
            for ref in [record[1]["id"], *record[1].get("referents", [])]:
                by_ref.setdefault(str(ref), record)
        warnings: list[str] = []
        source = self.source_of(file)
        things = self._things(file, source, records, by_ref, warnings)
        skipped: Counter[str] = Counter()
        for _, obj in records:
            if obj["schema"] not in ftm_table().schemas and not self._attach(obj, things, by_ref):
                skipped[obj["schema"]] += 1
        for schema, count in sorted(skipped.items()):
            warnings.append(f"{file.name}: {count} {schema} entities skipped (not a listed party or a part of one)")
        for _, obj in records:
            if obj["id"] in things:
                self._default_sanctions(things[obj["id"]], obj)
        return ParsedList(source, self.name, [file], list(things.values()), None, warnings)

    def _things(
        self, file: SourceFile, source: str, records: list[Record], by_ref: dict[str, Record], warnings: list[str]
    ) -> dict[str, Entity]:
        def address_of(ref: str) -> Address | None:
            found = by_ref.get(ref)
            return address_entity(found[1]) if found and found[1]["schema"] == "Address" else None

        things: dict[str, Entity] = {}
        for line, obj in records:
            if obj["schema"] not in ftm_table().schemas:
                continue
            if obj["id"] in things:
                raise ListFormatError(file.name, f"line {line}", f"duplicate entity id {obj['id']}")

            def warn(message: str, line: int = line) -> None:
                warnings.append(f"{file.name}: line {line}: {message}")

            entity = thing_entity(source, obj, address_of, warn)
            entity.raw = {"line": line, "ftm": obj}
            things[obj["id"]] = entity
        return things

    def _attach(self, obj: dict[str, Any], things: dict[str, Entity], by_ref: dict[str, Record]) -> bool:
        """Attach a part entity to the things it points at; False when it is not one."""
        schema = obj["schema"]
        if schema == "Address":
            return True  # read through addressEntity
        if schema == "Sanction":
            for ref in values(obj, "entity"):
                if (entity := _thing(ref, things, by_ref)) is not None:
                    entity.sanctions.append(_sanction(obj))
                    entity.raw.setdefault("related", []).append(obj)
            return True
        if schema in DOCUMENT_SCHEMAS:
            for ref in values(obj, "holder"):
                if (entity := _thing(ref, things, by_ref)) is not None:
                    _add_document(entity, obj, DOCUMENT_SCHEMAS[schema])
            return True
        relation = ftm_table().relations.get(schema)
        if relation is None:
            return False
        ends = [(values(obj, relation.source), relation.source_gets), (values(obj, relation.target), relation.target_gets)]
        for (refs, gets), (others, _) in zip(ends, reversed(ends), strict=True):
            for ref in refs:
                if (entity := _thing(ref, things, by_ref)) is None:
                    continue
                for other in others:
                    label = _label(other, things, by_ref)
                    if label not in entity.properties.get(gets, []):
                        entity.properties.setdefault(gets, []).append(label)
        return True

    def _default_sanctions(self, entity: Entity, obj: dict[str, Any]) -> None:
        """Designations from the thing's own ``programId``/``program`` values, else, for a
        sanctioned thing of a one-dataset export, from that dataset."""
        listed = first_date(values(obj, "createdAt"))
        for programme in values(obj, "programId") + values(obj, "program"):
            if all(s.programme != programme for s in entity.sanctions):
                entity.sanctions.append(Sanction(programme=programme, listed_on=listed))
        datasets = [str(d) for d in obj.get("datasets") or []]
        if not entity.sanctions and "sanction" in values(obj, "topics") and len(datasets) == 1:
            entity.sanctions.append(Sanction(programme=datasets[0], listed_on=listed))


def _thing(ref: str, things: dict[str, Entity], by_ref: dict[str, Record]) -> Entity | None:
    found = by_ref.get(ref)
    return things.get(found[1]["id"]) if found else None


def _label(ref: str, things: dict[str, Entity], by_ref: dict[str, Record]) -> str:
    """``Caption [ftm-id]`` for a related entity, or its id alone when the file lacks it."""
    found = by_ref.get(ref)
    if found is None:
        return ref
    entity = things.get(found[1]["id"])
    caption = entity.caption if entity is not None else str(found[1].get("caption") or "")
    return f"{caption} [{found[1]['id']}]" if caption else str(found[1]["id"])


def _sanction(obj: dict[str, Any]) -> Sanction:
    programme = next(iter(values(obj, "programId") + values(obj, "program") + values(obj, "authority")), "unknown")
    reasons = values(obj, "reason") + [f"ended {d}" for d in values(obj, "endDate")]
    return Sanction(
        programme=programme,
        authority=next(iter(values(obj, "authority")), None),
        listed_on=first_date(values(obj, "listingDate")) or first_date(values(obj, "startDate")),
        reference=next(iter(values(obj, "authorityId") + values(obj, "unscId")), None),
        notice=next(iter(values(obj, "summary")), None),
        reason="; ".join(reasons) or None,
    )


def _add_document(entity: Entity, obj: dict[str, Any], kind: IdKind) -> None:
    countries = values(obj, "country")
    for number in values(obj, "number") + values(obj, "passportNumber"):
        ident = identifier(kind, number, countries[0].casefold() if countries else None, obj["schema"])
        if all((i.kind, i.value) != (ident.kind, ident.value) for i in entity.identifiers):
            entity.identifiers.append(ident)
    entity.raw.setdefault("related", []).append(obj)
