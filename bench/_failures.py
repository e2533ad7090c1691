"""Print the misses of one labelled set, for tuning the name tables on the ``dev`` half.

``python -m bench._failures SET [--part dev] [--negatives] [--limit N] [--tokens]``
``python -m bench._failures alerts [--every 10] [--quiet]``

``SET`` is a case-insensitive part of a set title, or several separated by commas of :mod:`bench._match_sets` (``mof``,
``meti``, ``un``, ``uk``, ``canada``, ``eu``). Printed: the positive pairs scored below the
threshold (with ``--negatives``, the negative pairs scored at or above it), each with its
score and the name feature's explanation; ``--tokens`` also prints the Latin spellings read
from the query's tokens. The default part is ``dev``, the half the tables may be tuned on;
looking at ``eval`` would spoil the benchmark's figures. ``alerts`` screens every tenth
generated person on no list (as the benchmark's false-alert run does for all of them) and
prints who alerted, against which listed name.

The lists are parsed once and cached (pickle under the system temporary folder, keyed by the
list files' sizes and dates); the matcher is rebuilt every run, since it depends on the code.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
import tempfile
from collections import Counter
from pathlib import Path

from bench import _match_sets as sets
from bench._match_lists import LISTS, load_lists
from bench._name_pool import generate, listed_keys, namesakes
from seisai.matching import DEFAULT_THRESHOLD, Matcher, Query
from seisai.matching.index import analyze_for
from seisai.model import Entity, Name


def _cached_lists() -> dict[str, list[Entity]]:
    stamp = "".join(f"{p}:{p.stat().st_size}:{p.stat().st_mtime_ns};" for p in sorted(LISTS.rglob("*")) if p.is_file())
    parser_code = Path(__file__).resolve().parent.parent / "seisai" / "sources"
    stamp += "".join(f"{p}:{p.stat().st_mtime_ns};" for p in sorted(parser_code.rglob("*.py")))
    digest = hashlib.sha256(stamp.encode()).hexdigest()[:16]
    cache = Path(tempfile.gettempdir()) / f"seisai-bench-lists-{digest}.pickle"
    if cache.exists():
        with cache.open("rb") as f:
            loaded: dict[str, list[Entity]] = pickle.load(f)
            return loaded
    lists = load_lists()
    with cache.open("wb") as f:
        pickle.dump(lists, f)
    return lists


def _option(argv: list[str], flag: str, default: str) -> str:
    return argv[argv.index(flag) + 1] if flag in argv and argv.index(flag) + 1 < len(argv) else default


def alerts(argv: list[str]) -> None:
    """Screen every ``--every``-th generated person on no list (see :mod:`bench._name_pool`)
    and print those who raise an alert, by culture/form, with the name they met."""
    every = int(_option(argv, "--every", "10"))
    lists = _cached_lists()
    everything = [e for es in lists.values() for e in es]
    matcher = Matcher(everything)
    people = generate(listed_keys(everything))[::every]
    same = namesakes(people, everything)
    by_form: Counter[str] = Counter()
    totals: Counter[str] = Counter(f"{p.culture}/{p.form}" for p in people)
    raised = 0
    for i, person in enumerate(people):
        hits = [m for m in matcher.screen(Query(names=[person.name]), limit=3) if m.match]
        if hits:
            raised += 1
            by_form[f"{person.culture}/{person.form}"] += 1
            if "--quiet" not in argv:
                mark = " (namesake)" if i in same else ""
                print(f"{person.culture}/{person.form}  {person.name}  ->  {hits[0].matched_name} {hits[0].score:.2f}{mark}")
    print(f"## {raised}/{len(people)} alerted ({raised / max(len(people), 1):.2%}); namesakes {len(same)}")
    for form in sorted(totals):
        print(f"{form}: {by_form[form]}/{totals[form]}")


def main(argv: list[str]) -> None:
    if not argv or argv[0].startswith("-"):
        print(__doc__)
        sys.exit(2)
    if argv[0] == "alerts":
        alerts(argv[1:])
        return
    wanted, part = argv[0].casefold(), _option(argv, "--part", "dev")
    limit = int(_option(argv, "--limit", "1000"))
    chosen = [s for s in sets.SETS if any(w in s.title.casefold() for w in wanted.split(","))]
    if not chosen:
        print("no set matches; sets: " + "; ".join(s.title for s in sets.SETS))
        sys.exit(2)
    lists = _cached_lists()
    matcher = Matcher(e for es in lists.values() for e in es)
    for pair_set in chosen:
        pairs = sets.build_set(pair_set.entities(lists), pair_set.select, part)
        misses = []
        for pair in pairs:
            entity = Entity("bench", "candidate", pair.schema, names=[Name(pair.name2)])
            match = matcher.compare(Query(names=[pair.name1], schema=pair.schema), entity)
            if (match.score >= DEFAULT_THRESHOLD) != pair.same:
                misses.append((pair, match))
        positives = sum(p.same for p in pairs)
        missed = sum(p.same for p, _ in misses)
        print(f"## {pair_set.title} ({part}): {missed}/{positives} positives missed, "
              f"{len(misses) - missed}/{len(pairs) - positives} negatives alerted")  # fmt: skip
        shown = [(p, m) for p, m in misses if p.same != ("--negatives" in argv)]
        for pair, match in shown[:limit]:
            name = match.explanations.get("name")
            print(f"{match.score:.2f}  {pair.name1}  |  {pair.name2}")
            if name is not None:
                print(f"      {name.detail}")
            if "--tokens" in argv:
                analyzed = analyze_for(pair.name1, pair.schema)
                print("      " + "  ".join(f"{t.text}={'/'.join(t.forms[:4])}" for t in analyzed.tokens))


if __name__ == "__main__":
    main(sys.argv[1:])
