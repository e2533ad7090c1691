from __future__ import annotations

import pytest

from seisai.api.datasets import Catalog, default_catalog
from seisai.exc import InputError, NotFoundError

LOADED = {"jp_mof", "jp_meti_eul", "un_sc", "us_ofac_sdn"}


def test_collections_resolve_to_loaded_sources() -> None:
    catalog = default_catalog()
    assert catalog.resolve("default", LOADED) == LOADED
    assert catalog.resolve("jp", LOADED) == {"jp_mof", "jp_meti_eul"}
    assert catalog.resolve("sanctions", LOADED) == {"jp_mof", "un_sc", "us_ofac_sdn"}  # not the End User List
    assert catalog.resolve("un_sc", LOADED) == {"un_sc"}
    assert catalog.topics("jp_meti_eul") == ("export.control",) and catalog.topics("un_sc") == ("sanction",)


def test_unknown_and_unloaded_datasets() -> None:
    catalog = default_catalog()
    with pytest.raises(NotFoundError, match="no dataset 'nope'; known datasets: "):
        catalog.resolve("nope", LOADED)
    with pytest.raises(NotFoundError, match="'gb_hmt_ofsi': this list is not loaded"):
        catalog.resolve("gb_hmt_ofsi", LOADED)
    with pytest.raises(NotFoundError, match="'gb': none of its lists is loaded"):
        catalog.resolve("gb", LOADED)


def test_catalog_describes_sources_and_collections() -> None:
    datasets = {d.name: d for d in default_catalog().datasets(LOADED)}
    assert datasets["jp_mof"].publisher is not None and datasets["jp_mof"].country == "jp"
    assert datasets["jp"].collection and datasets["jp"].children == ("jp_meti_eul", "jp_mof")
    assert "gb" not in datasets


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("collections: {default: {title: All, colour: red}}", "datasets.yml: collections.default.colour"),
        ("datasets: {}\ncollections: {jp: {title: Japan}}", "the 'default' collection is required"),
        ("collections: {default: {title: All}, un_sc: {title: UN}}", "collection names also used by sources: un_sc"),
        ("collections: [", "not valid YAML"),
    ],
)
def test_bad_catalog_files_name_the_problem(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        Catalog.from_yaml(text, default_catalog().publishers)
