"""Where each list is published: one small YAML file per source in ``seisai/data/publishers``.

A publisher spec names the source id, the format its files are in, and the files of one
publication: each either a fixed ``url``, or a ``page`` to read and a ``link`` pattern that
finds the current file on it (Japan's MOF renames its workbook with each update). People
edit these files when a publisher moves its files; ``seisai lists update`` reads them.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from seisai.exc import InputError


class PublishedFile(BaseModel):
    """One file of a publication: a fixed URL, or a page and a link pattern."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(description="The name the downloaded file is given (detection may use it).")
    url: str | None = None
    page: str | None = None
    link: str | None = Field(None, description="Regular expression finding the file's link on `page`.")
    sha256: str | None = Field(None, description="Expected SHA-256, for files that never change.")

    @model_validator(mode="after")
    def _url_or_page(self) -> PublishedFile:
        if bool(self.url) == bool(self.page):
            raise ValueError("give either `url`, or `page` with `link`")
        if self.page and not self.link:
            raise ValueError("`page` needs a `link` pattern")
        if self.link:
            re.compile(self.link)
        return self


class Publisher(BaseModel):
    """A source and where its files are published."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    title: str
    publisher: str
    format: str
    licence: str
    homepage: str
    files: list[PublishedFile] = Field(min_length=1)
    enabled: bool = True


def load_publishers(folder: Path | None = None) -> dict[str, Publisher]:
    """Every publisher spec, by source id, from ``folder`` or the packaged specs."""
    if folder is not None:
        items = [(p.name, p.read_text("utf-8")) for p in sorted(folder.glob("*.yml"))]
    else:
        root = resources.files("seisai.data.publishers")
        items = [(p.name, p.read_text("utf-8")) for p in sorted(root.iterdir(), key=lambda p: p.name) if p.name.endswith(".yml")]
    specs: dict[str, Publisher] = {}
    for name, text in items:
        try:
            spec = Publisher.model_validate(yaml.safe_load(text))
        except (ValidationError, yaml.YAMLError) as exc:
            raise InputError(f"publisher spec {name}: {exc}") from None
        if spec.id in specs:
            raise InputError(f"publisher spec {name}: source {spec.id!r} defined twice")
        specs[spec.id] = spec
    return specs
