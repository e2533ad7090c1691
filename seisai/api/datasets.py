"""Datasets and collections, as the yente API names them.

Every source in the store is a dataset (``jp_mof``); collections group datasets (``default``
for all, ``sanctions``, ``jp``, one per jurisdiction). Both are described in
``seisai/data/api/datasets.yml``, with titles and publishers from the publisher specs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from seisai.exc import InputError, NotFoundError
from seisai.sources.publishers import Publisher, load_publishers

DEFAULT = "default"
DEFAULT_TOPICS = ("sanction",)


class _DatasetSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    country: str | None = None
    topics: list[str] = Field(default_factory=lambda: list(DEFAULT_TOPICS))


class _CollectionSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str
    summary: str = ""
    sources: list[str] | None = None
    topics: list[str] | None = None


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    datasets: dict[str, _DatasetSpec] = Field(default_factory=dict)
    collections: dict[str, _CollectionSpec]


@dataclass(frozen=True)
class Dataset:
    """A source or a collection, for ``GET /catalog``."""

    name: str
    title: str
    summary: str
    children: tuple[str, ...] = ()  # the loaded sources of a collection
    publisher: Publisher | None = None
    country: str | None = None
    topics: tuple[str, ...] = DEFAULT_TOPICS
    collection: bool = False


class Catalog:
    """Resolves dataset names to sets of sources and describes them."""

    def __init__(self, spec: _File, publishers: dict[str, Publisher]) -> None:
        self.spec = spec
        self.publishers = publishers
        clash = set(spec.collections) & (set(spec.datasets) | set(publishers))
        if clash:
            raise InputError(f"datasets.yml: collection names also used by sources: {', '.join(sorted(clash))}")
        if DEFAULT not in spec.collections:
            raise InputError(f"datasets.yml: collections: the {DEFAULT!r} collection is required")

    @classmethod
    def from_yaml(cls, text: str, publishers: dict[str, Publisher], name: str = "datasets.yml") -> Catalog:
        """Read a catalog file; :class:`InputError` naming the file and field when it is wrong."""
        try:
            spec = _File.model_validate(yaml.safe_load(text))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise InputError(f"{name}: {where}: {first['msg']}") from None
        except yaml.YAMLError as exc:
            raise InputError(f"{name}: not valid YAML: {exc}") from None
        return cls(spec, publishers)

    def topics(self, source: str) -> tuple[str, ...]:
        """The FtM topics of a source's entities (``sanction`` unless datasets.yml says else)."""
        spec = self.spec.datasets.get(source)
        return tuple(spec.topics) if spec else DEFAULT_TOPICS

    def members(self, collection: str, loaded: set[str]) -> list[str]:
        """The loaded sources of a collection."""
        spec = self.spec.collections[collection]
        if collection == DEFAULT:
            return sorted(loaded)
        if spec.sources is not None:
            return sorted(set(spec.sources) & loaded)
        wanted = set(spec.topics or ())
        return sorted(s for s in loaded if wanted & set(self.topics(s)))

    def resolve(self, name: str, loaded: set[str]) -> frozenset[str]:
        """The loaded sources a dataset name covers.

        :class:`NotFoundError` for a name that is neither a collection nor a known source, and
        for one whose lists are not loaded: screening against nothing must not look like a
        clean result.
        """
        if name in self.spec.collections:
            found = self.members(name, loaded)
            if not found:
                raise NotFoundError(f"dataset {name!r}: none of its lists is loaded; loaded: {', '.join(sorted(loaded)) or 'none'}")
            return frozenset(found)
        if name in loaded:
            return frozenset({name})
        if name in self.publishers or name in self.spec.datasets:
            raise NotFoundError(f"dataset {name!r}: this list is not loaded in the store")
        known = sorted(set(self.spec.collections) | loaded)
        raise NotFoundError(f"no dataset {name!r}; known datasets: {', '.join(known)}")

    def datasets(self, loaded: set[str]) -> list[Dataset]:
        """Every loaded source and every collection with a loaded member."""
        out: list[Dataset] = []
        for source in sorted(loaded):
            pub = self.publishers.get(source)
            spec = self.spec.datasets.get(source)
            out.append(
                Dataset(
                    name=source,
                    title=pub.title if pub else source,
                    summary=f"{pub.publisher}: {pub.title}" if pub else source,
                    publisher=pub,
                    country=spec.country if spec else None,
                    topics=self.topics(source),
                )
            )
        for name, coll in self.spec.collections.items():
            members = self.members(name, loaded)
            if members:
                out.append(Dataset(name, coll.title, coll.summary, tuple(members), collection=True))
        return out


@cache
def default_catalog() -> Catalog:
    """The packaged catalog (``seisai/data/api/datasets.yml``) with the packaged publishers."""
    text = resources.files("seisai.data.api").joinpath("datasets.yml").read_text("utf-8")
    return Catalog.from_yaml(text, load_publishers())
