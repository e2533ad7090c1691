"""Downloading the publishers' files: timeouts, retries, size limits and checksums.

Government servers are slow and sometimes down; a download that fails must never damage the
data already stored. :func:`fetch_publication` returns the files of one publication as
:class:`~seisai.sources.SourceFile` objects or raises :class:`~seisai.exc.FetchError`; it
never writes anywhere. The HTTP client is passed in, so tests (and proxies) can supply
their own transport.

- connect and read timeouts; up to ``retries`` attempts with exponential back-off on
  network errors, HTTP 429 and 5xx (4xx other than 429 fail at once);
- a body larger than the list size limit is refused while streaming;
- a body shorter than its ``Content-Length`` (a cut connection) is retried;
- a spec that pins a ``sha256`` is checked against it.
"""

from __future__ import annotations

import hashlib
import re
import time
from dataclasses import dataclass
from urllib.parse import urljoin

import httpx

from seisai import __version__
from seisai.exc import FetchError
from seisai.sources.base import SourceFile
from seisai.sources.publishers import PublishedFile, Publisher
from seisai.sources.safe import MAX_FILE_BYTES

HREF = re.compile(r"""href\s*=\s*["']([^"']+)["']""", re.I)


@dataclass(frozen=True)
class FetchOptions:
    """How patient and how strict downloads are."""

    connect_timeout: float = 15.0
    read_timeout: float = 120.0
    retries: int = 3
    backoff: float = 2.0  # seconds before the second attempt; doubles each time
    max_bytes: int = MAX_FILE_BYTES


class _Retryable(Exception):
    pass


def make_client(transport: httpx.BaseTransport | None = None) -> httpx.Client:
    """An HTTP client with seisai's user agent that follows redirects."""
    return httpx.Client(
        transport=transport,
        follow_redirects=True,
        headers={"User-Agent": f"seisai/{__version__} (sanctions list updater)"},
    )


def download(client: httpx.Client, url: str, options: FetchOptions) -> bytes:
    """Fetch one URL's body with retries; raises :class:`FetchError` naming the URL."""
    timeout = httpx.Timeout(options.read_timeout, connect=options.connect_timeout)
    last = "no attempt made"
    for attempt in range(max(options.retries, 1)):
        if attempt:
            time.sleep(options.backoff * 2 ** (attempt - 1))
        try:
            return _download_once(client, url, timeout, options.max_bytes)
        except _Retryable as exc:
            last = str(exc)
        except httpx.TimeoutException:
            last = "timed out"
        except httpx.TransportError as exc:
            last = f"{type(exc).__name__}: {exc}"
    raise FetchError(f"{url}: {last} (after {max(options.retries, 1)} attempts)")


def _download_once(client: httpx.Client, url: str, timeout: httpx.Timeout, max_bytes: int) -> bytes:
    with client.stream("GET", url, timeout=timeout) as response:
        status = response.status_code
        if status == 429 or status >= 500:
            raise _Retryable(f"HTTP {status}")
        if status >= 400:
            raise FetchError(f"{url}: HTTP {status}")
        length = response.headers.get("content-length")
        expected = int(length) if length and length.isdigit() else None
        if expected is not None and expected > max_bytes:
            raise FetchError(f"{url}: {expected:,} bytes announced, over the {max_bytes:,}-byte limit")
        chunks, size = [], 0
        for chunk in response.iter_raw():
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(f"{url}: body exceeds the {max_bytes:,}-byte limit")
            chunks.append(chunk)
    body = b"".join(chunks)
    if response.headers.get("content-encoding", "identity") != "identity":
        body = httpx.Response(200, headers=response.headers, content=body).read()
    elif expected is not None and len(body) != expected:
        raise _Retryable(f"truncated: {len(body):,} of {expected:,} bytes")
    return body


def find_link(client: httpx.Client, page: str, pattern: str, options: FetchOptions) -> str:
    """The absolute URL of the first link on ``page`` whose target matches ``pattern``."""
    html = download(client, page, FetchOptions(**{**options.__dict__, "max_bytes": 10 * 1024 * 1024}))
    text = html.decode("utf-8", errors="replace")
    regex = re.compile(pattern)
    for href in HREF.findall(text):
        if regex.search(href):
            return str(urljoin(page, href))
    raise FetchError(f"{page}: no link matching {pattern!r} (has the publisher moved the file?)")


def fetch_file(client: httpx.Client, spec: PublishedFile, options: FetchOptions) -> tuple[SourceFile, str]:
    """Download one file of a publication; returns it and the URL it came from."""
    url = spec.url or find_link(client, spec.page or "", spec.link or "", options)
    data = download(client, url, options)
    if spec.sha256 and hashlib.sha256(data).hexdigest() != spec.sha256.lower():
        raise FetchError(f"{url}: checksum mismatch (expected sha256 {spec.sha256})")
    if not data.strip():
        raise FetchError(f"{url}: empty response")
    return SourceFile(spec.name, data), url


def fetch_publication(
    client: httpx.Client, publisher: Publisher, options: FetchOptions | None = None
) -> tuple[list[SourceFile], list[str]]:
    """Download every file of one publisher's current publication; returns files and URLs."""
    options = options or FetchOptions()
    files, urls = [], []
    for spec in publisher.files:
        file, url = fetch_file(client, spec, options)
        files.append(file)
        urls.append(url)
    return files, urls
