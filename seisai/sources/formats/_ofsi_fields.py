"""Field readers for the UK OFSI consolidated list (ConList): dates, documents, Other Information.

ConList writes dates as ``dd/mm/yyyy`` with ``00`` for an unknown day or month
("00/00/1962" is a year, "00/05/1962" a month), and sometimes ``mm/yyyy`` or ``yyyy``.
Multi-valued cells are numbered: "(1) M0178952 (2) MA01626234".

"Other Information" is free text with labelled parts: ``(UK Sanctions List Ref):RUS0085.``,
``(UN Ref):CDi.026.``, ``(UK Statement of Reasons):...``, ``(Gender):Male``, ``(IMO
number):7408873``, ``(Phone number):(1) ... (2) ...`` and so on. :func:`parse_other_information`
splits it on the labels it knows (so that "resolution 2662 (2022): (i) ..." stays text) and
keeps whatever is not labelled as notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from seisai.model import FuzzyDate, Identifier, IdKind
from seisai.sources.tabular import split_numbered

_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_MY = re.compile(r"^(\d{1,2})/(\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")


def parse_uk_date(text: str) -> FuzzyDate:
    """A ConList date of birth: ``dd/mm/yyyy`` with ``00`` parts unknown, ``mm/yyyy``, ``yyyy``.

    Raises ``ValueError`` for any other form or an impossible date.
    """
    text = text.strip()
    if m := _DMY.match(text):
        day, month, year = (int(g) for g in m.groups())
    elif m := _MY.match(text):
        day, (month, year) = 0, (int(g) for g in m.groups())
    elif m := _YEAR.match(text):
        day, month, year = 0, 0, int(m.group(1))
    elif m := _ISO.match(text):
        year, month, day = (int(g) for g in m.groups())
    else:
        raise ValueError(f"unrecognised date {text!r}")
    if month == 0 and day != 0:
        raise ValueError(f"date {text!r} has a day but no month")
    return FuzzyDate(year, month or None, day or None)


def parse_uk_day(text: str) -> date | None:
    """A full ``dd/mm/yyyy`` (or ISO) date such as "Listed On"; ``None`` when blank."""
    if not text.strip():
        return None
    found = parse_uk_date(text)
    result = found.to_date()
    if result is None:
        raise ValueError(f"incomplete date {text!r}")
    return result


# Labels of "Other Information", and what each becomes.
LABELS: dict[str, str] = {
    "UK Sanctions List Ref": "uk_ref",
    "UK Statement of Reasons": "reason",
    "UN Ref": "un_ref",
    "Gender": "gender",
    "Phone number": "phone",
    "Tel": "phone",
    "Fax": "fax",
    "Email address": "email",
    "Website": "website",
    "Type of entity": "legalForm",
    "Business Reg No": "registration",
    "УНН/ИНН": "tax_id",
    "Parent company": "Parent company",
    "Subsidiaries": "Subsidiaries",
    "IMO number": "imo",
    "Flag of ship": "flag",
    "Previous flags": "pastFlags",
    "Type of ship": "type",
    "Tonnage of ship": "tonnage",
    "Length of ship": "Length of ship",
    "Year built": "buildDate",
    "Current owners": "Current owners",
}
_LABEL = re.compile(r"\((" + "|".join(re.escape(k) for k in LABELS) + r")\)\s*:\s*")
_UK_REF = re.compile(r"^([A-Z]{3}\d{4})\b[.\s]*")
_UN_REF = re.compile(r"^([A-Z]{2})([ieIE])\.\s*(\d{3})\b[.\s]*")  # "QDi.001", also "QDE.145", "CDi. 038"
_NON_LATIN = re.compile(
    r"Name \(non-Latin script\):\s*(?P<name>.+?)\.\s*(?:Non[- ]Latin Script Type:\s*(?P<type>[^.]+)\.\s*)?"
    r"(?:Non[- ]Latin Script Language:\s*(?P<lang>[^.]+)\.)?",
    re.I,
)
# Labels whose value is kept as an FtM property of the entity.
PROPERTY_KEYS = ("legalForm", "flag", "pastFlags", "type", "tonnage", "buildDate")
# Labels whose value is kept as a note "Label: value".
NOTE_KEYS = ("Parent company", "Subsidiaries", "Length of ship", "Current owners")
ID_KINDS = {
    "phone": IdKind.PHONE,
    "fax": IdKind.PHONE,
    "email": IdKind.EMAIL,
    "website": IdKind.WEBSITE,
    "registration": IdKind.REGISTRATION,
    "tax_id": IdKind.TAX_ID,
    "imo": IdKind.IMO,
}


# Labelled numbers of "Business Reg No": INN, OGRN (also "BIN/OGRN", "Russia OGRN -"), TIN, KPP...
_REG_LABEL = re.compile(
    r"(?P<label>(?:Russian?\s+)?(?:BIN/OGRN|OGRNIP|OGRN|PSRN|INN|TIN|KPP|OKPO|OKTMO|Tax ID(?: No\.?)?|"
    r"Tax Identification Number(?::\s*INN)?|Registration (?:Number|No\.?)|Company Number))\s*[:\-–]?\s*"
    r"(?P<number>\d[\d ]*\d)(?:\s*\((?P<country>[A-Za-z ]+)\))?",
    re.I,
)
_REG_KINDS = {
    "ogrn": IdKind.OGRN, "bin/ogrn": IdKind.OGRN, "psrn": IdKind.OGRN, "ogrnip": IdKind.OGRN,
    "inn": IdKind.INN, "tin": IdKind.TAX_ID, "tax id": IdKind.TAX_ID, "tax id no": IdKind.TAX_ID,
    "tax identification number": IdKind.TAX_ID, "tax identification number: inn": IdKind.INN,
    "kpp": IdKind.OTHER, "okpo": IdKind.OTHER, "oktmo": IdKind.OTHER,
}  # fmt: skip


def registration_numbers(text: str, default: IdKind) -> list[Identifier]:
    """The numbers in a "Business Reg No" cell, each with the kind its label gives.

    Unlabelled numbers get ``default``; the country is set only when the text names it
    ("Russia INN - 7805060301", "Tax ID No. 7813491943 (Russia)").
    """
    found: list[Identifier] = []
    for m in _REG_LABEL.finditer(text):
        label = " ".join(m.group("label").split())
        russian = label.casefold().startswith("russia") or (m.group("country") or "").strip().casefold() == "russia"
        key = label.casefold().removeprefix("russian ").removeprefix("russia ").rstrip(".")
        kind = _REG_KINDS.get(key, IdKind.REGISTRATION)
        found.append(Identifier(kind, m.group("number").replace(" ", ""), "ru" if russian else None, label))
    rest = _REG_LABEL.sub(";", text) if found else text
    for part in rest.split(";"):
        number = part.strip(" .;,")
        if re.fullmatch(r"[\d ]+", number):
            number = number.replace(" ", "")
        if sum(c.isdigit() for c in number) >= 4 or (number and not found):
            found.append(Identifier(default, number, None, None))
    return found


@dataclass
class OtherInformation:
    """What "Other Information" says, sorted into the entity's fields."""

    uk_ref: str | None = None
    un_ref: str | None = None
    reason: str | None = None
    gender: str | None = None
    identifiers: list[Identifier] = field(default_factory=list)
    properties: dict[str, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    original_names: list[tuple[str, str | None]] = field(default_factory=list)


def parse_other_information(text: str) -> OtherInformation:
    """Split a ConList "Other Information" cell on its labels (see the module docstring)."""
    info = OtherInformation()
    parts = _LABEL.split(text)
    _free_text(info, parts[0])
    for label, value in zip(parts[1::2], parts[2::2], strict=True):
        _labelled(info, LABELS[label], value.strip())
    return info


def _free_text(info: OtherInformation, text: str) -> None:
    for m in _NON_LATIN.finditer(text):
        info.original_names.append((m.group("name").strip(), m.group("lang")))
    text = " ".join(text.split()).strip(" .;")
    if text:
        info.notes.append(text)


def _labelled(info: OtherInformation, key: str, value: str) -> None:
    if key in ("uk_ref", "un_ref"):
        m = (_UK_REF if key == "uk_ref" else _UN_REF).match(value)
        if m is None:
            ref = value.split(".")[0].strip() or None
        elif key == "un_ref":
            ref = f"{m.group(1)}{m.group(2).lower()}.{m.group(3)}"
        else:
            ref = m.group(1)
        setattr(info, key, ref)
        _free_text(info, value[m.end() :] if m else value[len(ref or "") :])
    elif key == "reason":
        info.reason = " ".join(value.split()) or None
    elif key == "gender":
        info.gender = value.strip(" .").lower() or None
    elif key in ("registration", "tax_id"):
        for item in split_numbered(value):
            info.identifiers.extend(registration_numbers(item, ID_KINDS[key]))
    elif key in ID_KINDS:
        note = "fax" if key == "fax" else None
        for item in split_numbered(value):
            info.identifiers.append(Identifier(ID_KINDS[key], item.strip(" ."), None, note))
    elif key in PROPERTY_KEYS:
        for item in split_numbered(value):
            info.properties.setdefault(key, []).append(item.strip(" ."))
    elif value.strip(" ."):
        info.notes.append(f"{key}: {' '.join(value.split()).strip(' .')}")
