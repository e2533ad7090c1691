"""Names: legal forms, tokens and the analysed form names are indexed and compared on."""

from seisai.names.analyze import AnalyzedName, Token, analyze_name
from seisai.names.legal_forms import find_legal_forms

__all__ = ["AnalyzedName", "Token", "analyze_name", "find_legal_forms"]
