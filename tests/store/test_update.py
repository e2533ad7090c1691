"""``lists update`` against publishers served from a local HTTP server on loopback."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from seisai.sources.fetch import FetchOptions
from seisai.store import Store
from seisai.store.update import update
from tests.store.helpers import dump

FAST = FetchOptions(connect_timeout=2, read_timeout=1, retries=3, backoff=0.01)
UN_OLD = "un/UN_consolidated_2024-11-30.xml"
UN_NEW = "un/UN_consolidated_2026-02-27.xml"


class Publisher(BaseHTTPRequestHandler):
    """Serves the shared list files, plus misbehaving endpoints."""

    root: Path
    hits: dict[str, int]

    def log_message(self, *args: object) -> None:  # keep test output quiet
        return

    def do_GET(self) -> None:
        self.hits[self.path] = self.hits.get(self.path, 0) + 1
        count = self.hits[self.path]
        if self.path.startswith("/flaky/") and count < 3:
            self.send_error(503)
        elif self.path.startswith("/slow/"):
            time.sleep(3)
            with contextlib.suppress(BrokenPipeError):  # the client gave up, as it should
                self.send_error(504)
        elif self.path.startswith("/truncated/"):
            data = (self.root / self.path.removeprefix("/truncated/")).read_bytes()
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data[: len(data) // 2])
        elif self.path == "/maintenance.html":
            self._send(b"<html><body>Service temporarily unavailable</body></html>", "text/html")
        elif self.path == "/page.html":
            self._send(b'<html><a href="/other.pdf">x</a> <a href="un/UN_consolidated_2026-02-27.xml">list</a></html>', "text/html")
        else:
            path = self.root / self.path.lstrip("/").removeprefix("flaky/")
            if path.is_file():
                self._send(path.read_bytes(), "application/octet-stream")
            else:
                self.send_error(404)

    def _send(self, data: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def server(lists_dir: Path) -> Iterator[str]:
    handler = type("Handler", (Publisher,), {"root": lists_dir, "hits": {}})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


def spec(folder: Path, file_line: str) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "un_sc.yml").write_text(
        "id: un_sc\ntitle: UN\npublisher: UN\nformat: un_sc_xml\nlicence: public\n"
        f"homepage: http://example.org\nfiles:\n  - name: consolidated.xml\n    {file_line}\n"
    )
    return folder


def run(store: Store, specs: Path) -> tuple[str, str, int | None]:
    [outcome] = update(store, specs_folder=specs, options=FAST)
    return outcome.status, outcome.message, outcome.version.id if outcome.version else None


def test_update_downloads_imports_and_skips_unchanged(store: Store, server: str, tmp_path: Path) -> None:
    status, message, first = run(store, spec(tmp_path / "a", f"url: {server}/{UN_OLD}"))
    assert status == "updated" and "879 entities" in message
    status, message, second = run(store, spec(tmp_path / "b", f"url: {server}/{UN_NEW}"))
    assert status == "updated" and "136 added, 12 removed" in message
    status, message, third = run(store, spec(tmp_path / "b", f"url: {server}/{UN_NEW}"))
    assert (status, third) == ("unchanged", second)
    assert [v.entity_count for v in store.versions("un_sc")] == [879, 1003]
    assert store.versions("un_sc")[-1].origin == f"{server}/{UN_NEW}"


def test_link_found_on_the_publishers_page(store: Store, server: str, tmp_path: Path) -> None:
    specs = spec(tmp_path / "s", f"page: {server}/page.html\n    link: 'UN_consolidated_[0-9-]+\\.xml'")
    status, message, _ = run(store, specs)
    assert status == "updated", message
    assert store.versions("un_sc")[-1].origin == f"{server}/{UN_NEW}"


def test_server_errors_are_retried(store: Store, server: str, tmp_path: Path) -> None:
    status, message, _ = run(store, spec(tmp_path / "s", f"url: {server}/flaky/{UN_NEW}"))
    assert status == "updated", message


@pytest.mark.parametrize(
    ("path", "problem"),
    [
        ("missing.xml", "HTTP 404"),
        ("slow/x.xml", "timed out (after 3 attempts)"),
        (f"truncated/{UN_NEW}", "(after 3 attempts)"),
        ("maintenance.html", "downloaded files are not one un_sc_xml list"),
        ("ofac/cons_prim.csv", "downloaded files are not one un_sc_xml list"),
    ],
)
def test_failed_download_keeps_current_data(
    store: Store, server: str, tmp_path: Path, path: str, problem: str
) -> None:
    _, _, kept = run(store, spec(tmp_path / "ok", f"url: {server}/{UN_OLD}"))
    before = dump(store)
    status, message, version = run(store, spec(tmp_path / "bad", f"url: {server}/{path}"))
    assert status == "failed"
    assert problem in message
    assert message.endswith("kept un_sc v1 (2024-11-30)")
    assert version == kept
    assert dump(store) == before


def test_page_without_the_link_says_so(store: Store, server: str, tmp_path: Path) -> None:
    status, message, _ = run(store, spec(tmp_path / "s", f"page: {server}/page.html\n    link: 'nothing\\.xlsx'"))
    assert status == "failed" and "no link matching" in message and "no version stored yet" in message


def test_checksum_mismatch_is_refused(store: Store, server: str, tmp_path: Path) -> None:
    specs = spec(tmp_path / "s", f"url: {server}/{UN_NEW}\n    sha256: '{'0' * 64}'")
    status, message, _ = run(store, specs)
    assert status == "failed" and "checksum mismatch" in message


def test_update_from_mirror_takes_the_newest(store: Store, lists_dir: Path) -> None:
    [outcome] = update(store, sources=["un_sc"], mirror=lists_dir / "un")
    assert outcome.status == "updated"
    assert str(store.current_versions()["un_sc"].published) == "2026-02-27"


def test_packaged_publisher_specs_are_valid() -> None:
    from seisai.sources.base import get_format
    from seisai.sources.publishers import load_publishers

    publishers = load_publishers()
    assert {"un_sc", "us_ofac_sdn", "jp_mof", "jp_meti_eul", "jp_meti_ru", "gb_hmt_ofsi"} <= set(publishers)
    for publisher in publishers.values():
        assert get_format(publisher.format).name == publisher.format
