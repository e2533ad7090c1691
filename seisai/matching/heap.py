"""Keep a loaded matcher out of the garbage collector's full passes.

A matcher over every list is millions of long-lived objects (entities, analysed names,
tokens, posting arrays). CPython's full collection walks them all: about two seconds of CPU
for the lists in this project, which a long-running screening process (the API, a batch
worker, ``seisai check`` over a book of transactions) would pay again and again while
nothing of it is garbage. :func:`freeze_heap` moves everything alive into the permanent
generation once the matcher is loaded; objects stay freed by reference counting when the
matcher is dropped. The matcher's caches then grow with the queries (token pairs, key
look-ups); calling :func:`gc.freeze` again from time to time (no walk, it costs nothing)
keeps them out as well.
"""

from __future__ import annotations

import gc


def freeze_heap() -> None:
    """Collect what is garbage now, then freeze every surviving object (see the module doc)."""
    gc.collect()
    gc.freeze()


FREEZE_EVERY = 1000  # screenings between two freezes of what the caches grew


class Refreeze:
    """Call once per screening: every ``every`` calls the heap is frozen again (``gc.freeze``
    costs no walk), so that the matcher's caches, which grow with the queries, stay out of
    the full collections too (each would walk hundreds of thousands of cached objects)."""

    def __init__(self, every: int = FREEZE_EVERY) -> None:
        self.every = every
        self.count = 0

    def __call__(self) -> None:
        self.count += 1
        if self.count % self.every == 0:
            gc.freeze()
