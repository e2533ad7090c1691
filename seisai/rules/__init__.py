"""Japan's Russia sanctions (and the G7 partners' headline measures) as dated, cited data,
and a decision for every transaction.

Measures live in ``seisai/data/measures/<jurisdiction>/<regime>.yml``; the engine tests a
transaction against those in force on a date and cites each that applied. See
``docs/rules.md`` for how decisions are reached and what is encoded.
"""

from seisai.rules.decision import Decision, Reason
from seisai.rules.engine import Engine
from seisai.rules.errors import MeasureFileError
from seisai.rules.loader import MeasureBook, default_book, load_book
from seisai.rules.places import PlaceMatch, detect_places
from seisai.rules.screening import MatcherScreener, NullScreener, PartyHit, PartyScreener
from seisai.rules.transaction import Transaction, parse_transaction
from seisai.rules.vocab import Outcome

__all__ = [
    "Decision",
    "Engine",
    "MatcherScreener",
    "MeasureBook",
    "MeasureFileError",
    "NullScreener",
    "Outcome",
    "PartyHit",
    "PartyScreener",
    "PlaceMatch",
    "Reason",
    "Transaction",
    "default_book",
    "detect_places",
    "load_book",
    "parse_transaction",
]
