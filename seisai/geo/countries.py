"""Country names in any language to ISO 3166-1 alpha-2 codes.

The lists name countries every way there is: "RUSSIA", "Russian Federation", "ロシア連邦",
"Российская Федерация", "Korea, North", "Iran (Islamic Republic of)". :func:`country_code`
turns any of them into the lower-case alpha-2 code that FollowTheMoney uses (``ru``).

Names come from three places, in order of precedence: the project's own alias table
(``seisai/data/geo/country_aliases.yml``, edited by people), ISO 3166 names from pycountry,
and the CLDR territory names in several languages from babel.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources

import pycountry
import yaml
from babel import Locale

CLDR_LOCALES = ("en", "ja", "ru", "uk", "fr", "de", "es", "zh", "ar")
# Codes that are not ISO 3166-1 alpha-2 but that the lists need: historic states and "unknown".
EXTRA_CODES = frozenset({"suhh", "yucs", "zz", "xk"})


def _key(name: str) -> str:
    """Compare country names without case, accents, punctuation or a leading "the"."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^\w]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


@cache
def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    for locale in CLDR_LOCALES:
        for code, name in Locale(locale).territories.items():
            if len(code) == 2 and code.isalpha():
                table.setdefault(_key(name), code.lower())
    for country in pycountry.countries:
        code = country.alpha_2.lower()
        table[_key(country.alpha_2)] = code
        table[_key(country.alpha_3)] = code
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                table[_key(value)] = code
    text = resources.files("seisai.data.geo").joinpath("country_aliases.yml").read_text("utf-8")
    for code, names in (yaml.safe_load(text) or {}).items():
        for name in names:
            table[_key(str(name))] = str(code)
    return table


def country_code(name: str | None) -> str | None:
    """The lower-case ISO alpha-2 code for a country name, code or adjective-free alias.

    Returns ``None`` when the name is empty or unknown; never raises.

    >>> country_code("Russian Federation"), country_code("ロシア連邦"), country_code("KOREA, NORTH")
    ('ru', 'ru', 'kp')
    """
    if not name:
        return None
    key = _key(name)
    if not key:
        return None
    return _table().get(key)


def is_country_code(code: str) -> bool:
    """True for a lower-case ISO alpha-2 code, or one of the project's :data:`EXTRA_CODES`."""
    if code in EXTRA_CODES:
        return True
    return len(code) == 2 and pycountry.countries.get(alpha_2=code.upper()) is not None


def country_name(code: str, locale: str = "en") -> str:
    """A display name for a code, in English or another CLDR locale (``ja`` for Japanese)."""
    if code in EXTRA_CODES:
        return {"suhh": "Soviet Union", "yucs": "Yugoslavia", "zz": "Unknown", "xk": "Kosovo"}[code]
    return str(Locale(locale).territories.get(code.upper(), code.upper()))


def find_countries(text: str) -> list[str]:
    """Codes of the countries named at the end of comma- or semicolon-separated ``text``.

    Addresses usually end with the country ("Moscow, 107016, Russian Federation"); this looks
    at each comma-separated part from the end and returns the codes found, most specific first.
    """
    found: list[str] = []
    for part in reversed(re.split(r"[,;\n]", text)):
        code = country_code(part)
        if code and code not in found:
            found.append(code)
    return found
