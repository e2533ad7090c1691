"""Bad files are refused with an error naming the file and the place; the store is unchanged."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from seisai.exc import HostileFileError, InputError, ListFormatError, UnknownFormatError
from seisai.store import Store
from seisai.store.imports import import_paths
from tests.store.helpers import dump

UN_NEW = "UN_consolidated_2026-02-27.xml"
UN_HEAD = b'<?xml version="1.0" encoding="UTF-8"?>\n'


def _un_entry(name: bytes) -> bytes:
    return (
        b"<CONSOLIDATED_LIST dateGenerated='2026-03-01T00:00:00Z'><INDIVIDUALS><INDIVIDUAL>"
        b"<DATAID>1</DATAID><FIRST_NAME>" + name + b"</FIRST_NAME></INDIVIDUAL></INDIVIDUALS>"
        b"<ENTITIES/></CONSOLIDATED_LIST>"
    )


XXE = UN_HEAD + b'<!DOCTYPE CONSOLIDATED_LIST [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n' + _un_entry(b"&xxe;")
BILLION_LAUGHS = (
    UN_HEAD
    + b"<!DOCTYPE CONSOLIDATED_LIST [\n<!ENTITY lol \"lol\">\n"
    + b"".join(
        b'<!ENTITY lol%d "%s">\n' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10)
    )
    + b"]>\n"
    + _un_entry(b"&lol9;")
)
PARAMETER_ENTITY = UN_HEAD + b'<!DOCTYPE x [<!ENTITY % p SYSTEM "http://127.0.0.1:1/x.dtd"> %p;]>\n' + _un_entry(b"A")


def _zip_bomb() -> bytes:
    """An xlsx-looking zip whose one member expands from ~100 KB to 100 MB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (100 * 1024 * 1024))
    return buffer.getvalue()


@pytest.fixture
def populated(store: Store, lists_dir: Path) -> Store:
    import_paths(store, [lists_dir / "un" / "UN_consolidated_2024-11-30.xml"])
    return store


CASES = [
    ("xxe.xml", XXE, HostileFileError, r"xxe\.xml: line 2: XML declares entities"),
    ("laughs.xml", BILLION_LAUGHS, HostileFileError, r"laughs\.xml: line 2: XML declares entities"),
    ("param.xml", PARAMETER_ENTITY, HostileFileError, r"param\.xml: line 2: XML declares entities"),
    ("bomb.xlsx", _zip_bomb(), HostileFileError, r"bomb\.xlsx: xl/worksheets/sheet1\.xml: member expands"),
    ("broken.xlsx", b"PK\x03\x04" + b"\x00" * 100, ListFormatError, r"broken\.xlsx: not a valid xlsx/zip"),
    ("junk.xml", bytes(range(256)) * 4096, UnknownFormatError, r"junk\.xml: not a recognised"),
    ("empty.xml", b"", UnknownFormatError, r"empty\.xml: empty file"),
    ("notes.csv", b"name,notes\nfoo,bar\n", UnknownFormatError, r"notes\.csv: not a recognised"),
]


@pytest.mark.parametrize(("name", "data", "error", "message"), CASES, ids=[c[0] for c in CASES])
def test_hostile_or_malformed_file_is_refused(
    populated: Store, tmp_path: Path, name: str, data: bytes, error: type[Exception], message: str
) -> None:
    before = dump(populated)
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(error, match=message):
        import_paths(populated, [path])
    assert dump(populated) == before


def test_truncated_file_is_refused_with_its_line(populated: Store, lists_dir: Path, tmp_path: Path) -> None:
    before = dump(populated)
    path = tmp_path / UN_NEW
    path.write_bytes((lists_dir / "un" / UN_NEW).read_bytes()[:1_000_000])
    with pytest.raises(ListFormatError, match=rf"{UN_NEW}: line \d+, column \d+: malformed XML"):
        import_paths(populated, [path])
    assert dump(populated) == before


def test_two_gigabytes_of_junk_are_refused_before_reading(populated: Store, tmp_path: Path) -> None:
    before = dump(populated)
    path = tmp_path / "consolidated.xml"
    with path.open("wb") as f:  # a sparse file: takes no disk space
        f.truncate(2 * 1024**3)
    with pytest.raises(HostileFileError, match=r"consolidated\.xml: file is 2,147,483,648 bytes, over"):
        import_paths(populated, [path])
    assert dump(populated) == before


def test_one_bad_file_refuses_the_whole_import(populated: Store, lists_dir: Path, tmp_path: Path) -> None:
    before = dump(populated)
    bad = tmp_path / "xxe.xml"
    bad.write_bytes(XXE)
    with pytest.raises(HostileFileError):
        import_paths(populated, [lists_dir / "un" / UN_NEW, bad])
    assert dump(populated) == before


def test_hostile_file_in_a_folder_refuses_the_folder(populated: Store, lists_dir: Path, tmp_path: Path) -> None:
    (tmp_path / UN_NEW).write_bytes((lists_dir / "un" / UN_NEW).read_bytes())
    (tmp_path / "bomb.xlsx").write_bytes(_zip_bomb())
    before = dump(populated)
    with pytest.raises(HostileFileError, match="bomb.xlsx"):
        import_paths(populated, [tmp_path])
    assert dump(populated) == before


def test_missing_path_is_an_input_error(store: Store, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        import_paths(store, [tmp_path / "nope.xml"])


def test_entity_without_name_is_refused(populated: Store, tmp_path: Path) -> None:
    before = dump(populated)
    path = tmp_path / "noname.xml"
    path.write_bytes(UN_HEAD + _un_entry(b""))
    with pytest.raises(ListFormatError, match=r"noname\.xml: 1: entity has no name"):
        import_paths(populated, [path])
    assert dump(populated) == before
