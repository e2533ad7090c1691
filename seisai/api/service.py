"""The state of one worker process: the store, the audit log, keys, limits and the lists.

A background thread loads the lists at start (``/readyz`` answers 503 until then), checks
every ``SEISAI_API_RELOAD`` seconds whether the store's current versions changed (an import
by ``seisai lists update``, from any machine) and swaps in a new matcher when they did, so
every worker follows list updates. It also appends an audit anchor every
``SEISAI_API_ANCHOR`` seconds when the log has grown.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from sqlalchemy import event
from sqlalchemy.exc import SQLAlchemyError

from seisai.api.auth import Caller, KeyCache, rate_of
from seisai.api.datasets import Catalog, default_catalog
from seisai.api.errors import NotReady
from seisai.api.limits import RateLimiter
from seisai.api.loaded import Loaded
from seisai.api.settings import ApiSettings
from seisai.exc import SeisaiError
from seisai.matching.heap import Refreeze, freeze_heap
from seisai.store import Store
from seisai.store.audit import AuditLog
from seisai.store.audit_verify import anchors_path, current_anchor, write_anchor

log = logging.getLogger("seisai.api")


def _no_autocheckpoint(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA wal_autocheckpoint=0")
    cursor.close()


def _freeze_heap() -> None:
    """Freeze the loaded lists (:func:`seisai.matching.heap.freeze_heap`). The matcher's caches
    then grow with the requests (token pairs, key look-ups: hundreds of thousands of objects);
    :attr:`Service.loaded` freezes them too every ``FREEZE_EVERY`` requests
    (:class:`~seisai.matching.heap.Refreeze`), or a full collection over them would stall a
    worker for a quarter of a second.
    """
    freeze_heap()


FREEZE_EVERY = 1000  # requests between two freezes of the heap (see _freeze_heap)


class Service:
    """Everything a request needs; one per worker process."""

    def __init__(
        self,
        settings: ApiSettings,
        store: Store | None = None,
        *,
        catalog: Catalog | None = None,
        audit: AuditLog | None = None,
    ) -> None:
        self.settings = settings
        self.store = store if store is not None else Store.open(settings.db_url)
        self.catalog = catalog if catalog is not None else default_catalog()
        self.audit = audit if audit is not None else AuditLog(self.store)
        self.keys = KeyCache(self.store, settings.key_cache_seconds)
        self.limiter = RateLimiter(settings.workers)
        self.load_error: str | None = None
        self._loaded: Loaded | None = None
        self._reload = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._anchored = 0
        self._refreeze = Refreeze(FREEZE_EVERY)

    @property
    def ready(self) -> bool:
        return self._loaded is not None

    @property
    def loaded(self) -> Loaded:
        """The lists being served; :class:`NotReady` (503) before the first load."""
        loaded = self._loaded
        if loaded is None:
            raise NotReady(f"the lists are not loaded: {self.load_error}" if self.load_error else "the lists are loading; try again shortly")
        self._refreeze()
        return loaded

    def load(self) -> Loaded:
        """Build the current lists' matcher and swap it in (requests in flight keep the old one)."""
        with self._reload:
            started = time.monotonic()
            loaded = Loaded.current(self.store, self.catalog)
            self._loaded = loaded
            self.load_error = None
        log.info("lists loaded: %s (%.1f s)", ", ".join(f"{s} v{v}" for s, v in loaded.pins.items()), time.monotonic() - started)
        return loaded

    def refresh(self) -> bool:
        """Reload when the store's current versions differ from those served; True if reloaded."""
        current = {source: v.id for source, v in sorted(self.store.current_versions().items())}
        if self._loaded is not None and current == self._loaded.pins:
            return False
        self.load()
        return True

    def anchor(self) -> None:
        """Append the signed head of the audit log to the anchors file if the log grew."""
        anchor = current_anchor(self.audit)
        if anchor is not None and anchor.seq != self._anchored:
            write_anchor(anchors_path(), anchor)
            self._anchored = anchor.seq

    def charge(self, caller: Caller, units: int) -> None:
        """Spend ``units`` more of the caller's rate limit (a batch's queries past the first)."""
        if units > 0:
            self.limiter.take(caller.key_id, *rate_of(caller, self.settings), cost=float(units))

    def checkpoint(self) -> None:
        """Copy SQLite's write-ahead log into the database file, off the request path.

        A served SQLite store has automatic checkpoints off (see :meth:`start`): one would
        otherwise fall, with its fsyncs, on whichever request's audit write crossed the
        threshold. PASSIVE never waits for readers or writers. Nothing to do on PostgreSQL.
        """
        if self.store.engine.dialect.name == "sqlite":
            with self.store.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")

    def start(self) -> None:
        """Start the background thread (load, reload, anchor, checkpoint)."""
        engine = self.store.engine
        if engine.dialect.name == "sqlite" and not event.contains(engine, "connect", _no_autocheckpoint):
            event.listen(engine, "connect", _no_autocheckpoint)
            engine.dispose()  # pooled connections reconnect with the setting
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="seisai-lists", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop the background thread, leaving a last anchor for what this worker wrote."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._thread = None
        if self.settings.anchor_seconds > 0:
            try:
                self.anchor()
            except (SeisaiError, SQLAlchemyError, OSError) as exc:
                log.error("cannot write the audit anchor: %s", exc)

    def _run(self) -> None:
        next_anchor = time.monotonic() + self.settings.anchor_seconds
        while not self._stop.is_set():
            try:
                if self.refresh():
                    _freeze_heap()
            except (SeisaiError, SQLAlchemyError, OSError) as exc:
                self.load_error = str(exc)
                log.error("cannot load the lists: %s", exc)
            try:
                self.checkpoint()
            except SQLAlchemyError as exc:
                log.error("cannot checkpoint the store: %s", exc)
            if self.settings.anchor_seconds > 0 and time.monotonic() >= next_anchor:
                next_anchor = time.monotonic() + self.settings.anchor_seconds
                try:
                    self.anchor()
                except (SeisaiError, SQLAlchemyError, OSError) as exc:
                    log.error("cannot write the audit anchor: %s", exc)
            self._stop.wait(self.settings.reload_seconds)
