"""Language names to ISO 639-1 codes.

Lists say which language a name is in with a word ("Russian", "Persian/Farsi", "Belarusian:
..."); :attr:`seisai.model.Name.lang` holds the ISO 639 code. :func:`language_code` reads the
ISO names (pycountry) and the extra names in ``seisai/data/text/languages.yml``.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import pycountry
import yaml


@cache
def _aliases() -> dict[str, str]:
    path = resources.files("seisai.data").joinpath("text/languages.yml")
    table: dict[str, str] = {}
    for code, names in (yaml.safe_load(path.read_text("utf-8")) or {}).items():
        for name in names:
            table[str(name).casefold()] = str(code)
    return table


@cache
def language_code(name: str | None) -> str | None:
    """The ISO 639-1 code (ISO 639-3 when there is none) for a language name, or ``None``.

    >>> language_code("Russian"), language_code("Persian/Farsi"), language_code("Cyrillic")
    ('ru', 'fa', None)
    """
    text = " ".join((name or "").split()).strip(" :.")
    if not text:
        return None
    alias = _aliases().get(text.casefold())
    if alias:
        return alias
    for part in text.split("/"):
        try:
            lang = pycountry.languages.lookup(part.strip())
        except LookupError:
            continue
        return str(getattr(lang, "alpha_2", None) or lang.alpha_3)
    return None
