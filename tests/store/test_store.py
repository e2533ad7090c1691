from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from seisai.exc import NotFoundError
from seisai.store import Store
from seisai.store.imports import import_paths

UN_OLD = "UN_consolidated_2024-11-30.xml"
UN_NEW = "UN_consolidated_2026-02-27.xml"


def test_import_creates_versions_with_counts(store: Store, lists_dir: Path) -> None:
    report = import_paths(store, [lists_dir / "un" / UN_OLD, lists_dir / "un" / UN_NEW])
    assert [r.created for r in report.results] == [True, True]
    old, new = store.versions("un_sc")
    assert (old.entity_count, new.entity_count) == (879, 1003)
    assert new.counts == {"total": 1003, "Person": 730, "Organization": 273}
    assert str(new.published) == "2026-02-27"
    assert len(new.sha256) == 64 and new.files[0]["name"] == UN_NEW
    assert store.current_versions()["un_sc"].id == new.id
    assert sum(1 for _ in store.current_entities()) == 1003


def test_reimport_of_same_files_stores_nothing_new(store: Store, lists_dir: Path) -> None:
    import_paths(store, [lists_dir / "un" / UN_NEW])
    again = import_paths(store, [lists_dir / "un" / UN_NEW])
    assert [r.created for r in again.results] == [False]
    assert len(store.versions("un_sc")) == 1


def test_diff_of_the_two_un_versions(store: Store, lists_dir: Path) -> None:
    import_paths(store, [lists_dir / "un"])
    diff = store.diff("un_sc", "2024-11-30", "2026-02-27")
    assert (len(diff.added), len(diff.removed)) == (136, 12)
    added = dict(diff.added)
    assert added["un_sc-110327"] == "YAS AIR"
    # A second place of birth was added to Abdul Latif Mansur's entry.
    change = next(c for c in diff.changed if c.entity_id == "un_sc-110554")
    [birth_places] = [c for c in change.changes if c.field == "birth_places"]
    assert birth_places.old == []
    assert birth_places.new == ["Garda Saray District, Paktia Province, Afghanistan"]
    # Reversed diff swaps added and removed.
    back = store.diff("un_sc", "latest", "previous")
    assert dict(back.removed) == added


def test_history_follows_publication_order_not_import_order(store: Store, lists_dir: Path) -> None:
    import_paths(store, [lists_dir / "un" / UN_NEW])
    import_paths(store, [lists_dir / "un" / UN_OLD])  # older file imported later
    assert store.current_versions()["un_sc"].published.isoformat() == "2026-02-27"  # type: ignore[union-attr]
    removed_id = store.diff("un_sc", "previous", "latest").removed[0][0]
    history = store.history(removed_id)
    assert history.delisted is not None and str(history.delisted.published) == "2026-02-27"
    assert [e.event for e in history.events] == ["listed", "delisted"]
    changed = store.history("un_sc-110554")
    assert [e.event for e in changed.events] == ["listed", "changed"]
    assert changed.last_changed.published is not None


def test_delisted_entity_is_still_readable_at_its_last_state(store: Store, lists_dir: Path) -> None:
    import_paths(store, [lists_dir / "un"])
    removed_id = store.diff("un_sc", "previous", "latest").removed[0][0]
    assert store.entity(removed_id).id == removed_id
    assert removed_id not in {e.id for e in store.current_entities()}
    old = store.resolve_version("un_sc", "previous")
    assert removed_id in {e.id for e in store.entities_at(old.id)}


def test_raw_record_is_kept_for_audit(store: Store, lists_dir: Path) -> None:
    import_paths(store, [lists_dir / "un" / UN_NEW])
    entity = store.entity("un_sc-6908048", with_raw=True)
    assert "<DATAID>6908048</DATAID>" in entity.raw["xml"]
    assert store.entity("un_sc-6908048", with_raw=False).raw == {}


@pytest.mark.parametrize("ref", ["9", "v9", "1999-01-01", "nonsense"])
def test_unknown_version_reference_names_the_known_ones(store: Store, lists_dir: Path, ref: str) -> None:
    import_paths(store, [lists_dir / "un" / UN_NEW])
    with pytest.raises(NotFoundError, match=r"known versions: un_sc v1 \(2026-02-27\)"):
        store.resolve_version("un_sc", ref)


def test_unknown_entity_and_source(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.entity("un_sc-0")
    with pytest.raises(NotFoundError):
        store.diff("nope", "previous", "latest")


def test_folder_import_skips_non_list_files(store: Store, lists_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "mirror"
    folder.mkdir()
    shutil.copy(lists_dir / "un" / UN_NEW, folder / UN_NEW)
    (folder / "README.md").write_text("not a list")
    report = import_paths(store, [folder])
    assert report.skipped == [("README.md", "not a recognised list format")]
    assert len(report.results) == 1


def test_diff_of_the_two_ofac_versions(store: Store, lists_dir: Path) -> None:
    ofac = lists_dir / "ofac"
    import_paths(store, [ofac / f"{kind}_2023-12-28.csv" for kind in ("sdn", "add", "alt")])
    import_paths(store, [ofac / "sdn_2024-05-03.csv"])
    diff = store.diff("us_ofac_sdn", "2023-12-28", "2024-05-03")
    added, removed = dict(diff.added), dict(diff.removed)
    assert (len(added), len(removed)) == (1256, 112)
    # Sovcomflot was designated in February 2024; the Zimbabwe programme ended in March 2024.
    assert added["us_ofac_sdn-34741"] == "JOINT STOCK COMPANY SOVCOMFLOT"
    assert removed["us_ofac_sdn-10662"] == "Leo MUGABE"
    # MODAFL (Iran) gained the Russia programme: a field-level change of its designations.
    modafl = next(c for c in diff.changed if c.entity_id == "us_ofac_sdn-10392")
    [sanctions] = [c for c in modafl.changes if c.field == "sanctions"]
    assert sanctions.old == [] and sanctions.new[0]["programme"] == "RUSSIA-EO14024"
    # The 2024 file came without its address and alias files: those losses are reported, not hidden.
    assert any(c.field == "addresses" and c.old and not c.new for ch in diff.changed for c in ch.changes)


def test_the_cached_index_file_is_built_once_and_can_reuse_an_older_ones_analyses(
    store: Store, lists_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pickle

    from seisai.matching import Matcher
    from seisai.store.snapshot import matcher_file_at

    monkeypatch.setenv("SEISAI_HOME", str(tmp_path / "home"))
    import_paths(store, [lists_dir / "un" / UN_OLD])
    old = {s: v.id for s, v in store.current_versions().items()}
    old_file = matcher_file_at(store, old)
    built = old_file.stat().st_mtime_ns
    assert matcher_file_at(store, old) == old_file and old_file.stat().st_mtime_ns == built  # not rebuilt
    import_paths(store, [lists_dir / "un" / UN_NEW])
    new = {s: v.id for s, v in store.current_versions().items()}
    new_file = matcher_file_at(store, new, reuse=old)
    assert new_file != old_file
    reused = pickle.loads(new_file.read_bytes())
    fresh = Matcher(store.entities_in(new))
    assert isinstance(reused, Matcher) and reused.index.names == fresh.index.names
    assert reused.index.keys == fresh.index.keys and len(reused) == len(fresh)
