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

FULL_COLLECTION_AFTER = 1000  # collections of the middle generation before a full one (CPython: 10)


def freeze_heap() -> None:
    """Collect what is garbage now, then freeze every surviving object (see the module doc),
    and make full collections rare.

    With the lists frozen, CPython counts almost nothing as long-lived, so its rule "a full
    collection once the objects promoted since the last one are a quarter of the long-lived
    ones" fires at nearly every chance: every 7,000 or so allocations, each walking what the
    caches grew since the last freeze. Measured on every list (156,771 names), screening new
    names: 2.3–3.0 ms a name with the default thresholds, 1.7–1.8 ms with full collections
    after 1,000 middle ones (the young generations are collected as before; screening makes
    little cyclic garbage, it is freed by reference counting)."""
    gc.collect()
    gc.freeze()
    young, middle, full = gc.get_threshold()
    gc.set_threshold(young, middle, max(full, FULL_COLLECTION_AFTER))


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
