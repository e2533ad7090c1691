"""The words the rules engine speaks: transaction types, party roles, outcomes, measure types.

These vocabularies are shared by the measure files (``seisai/data/measures``), the
transaction model and the decisions, so that a typo in a measure file or a transaction is
caught by validation instead of silently never matching.
"""

from __future__ import annotations

from enum import StrEnum


class TxType(StrEnum):
    """What a transaction is."""

    EXPORT = "export"
    IMPORT = "import"
    PAYMENT = "payment"
    SECURITIES = "securities"
    INVESTMENT = "investment"
    SERVICE = "service"
    VISA = "visa"


class Role(StrEnum):
    """The part a party plays in a transaction."""

    BUYER = "buyer"
    SELLER = "seller"
    CONSIGNEE = "consignee"
    END_USER = "end_user"
    BENEFICIARY = "beneficiary"
    ORIGINATOR = "originator"
    BANK = "bank"
    ISSUER = "issuer"
    INVESTEE = "investee"
    TRAVELLER = "traveller"
    INTERMEDIARY = "intermediary"
    CARRIER = "carrier"
    INSURER = "insurer"
    OWNER = "owner"


# Roles whose address says where the goods go, and where they come from.
DESTINATION_ROLES = frozenset({Role.CONSIGNEE, Role.END_USER})
ORIGIN_ROLES = frozenset({Role.SELLER})
# Roles that receive a service, a payment or an investment: "to Russia" means to them.
RECIPIENT_ROLES = frozenset(
    {Role.BUYER, Role.CONSIGNEE, Role.END_USER, Role.BENEFICIARY, Role.INVESTEE, Role.ISSUER}
)


class Outcome(StrEnum):
    """What a measure (or an exemption) does to a transaction, from mildest to strictest.

    ``notice`` is informational (a tariff, a policy commitment, a reporting duty): it is cited
    but never changes the decision.
    """

    NOTICE = "notice"
    ALLOWED = "allowed"
    REVIEW = "review"
    LICENCE_REQUIRED = "licence_required"
    PROHIBITED = "prohibited"

    @property
    def severity(self) -> int:
        return _SEVERITY[self]


_SEVERITY = {
    Outcome.NOTICE: 0,
    Outcome.ALLOWED: 0,
    Outcome.REVIEW: 1,
    Outcome.LICENCE_REQUIRED: 2,
    Outcome.PROHIBITED: 3,
}


class MeasureType(StrEnum):
    """The kinds of sanctions measure (the fact sheet's "type" column)."""

    ASSET_FREEZE = "asset_freeze"
    EXPORT_BAN = "export_ban"
    IMPORT_BAN = "import_ban"
    REGION_TRADE_BAN = "region_trade_ban"
    SECURITIES = "securities"
    INVESTMENT = "investment"
    SERVICES = "services"
    TARIFF = "tariff"
    PRICE_CAP = "price_cap"
    VISA = "visa"
    END_USER_CONTROL = "end_user_control"


class Confidence(StrEnum):
    """How sure the project is of a fact (the fact sheet's tags).

    ``O`` official page seen; ``M`` two or more independent secondary sources; ``S`` one
    secondary source; ``U`` uncertain, inferred or conflicting.
    """

    O = "O"  # noqa: E741 - the fact sheet's own tag
    M = "M"
    S = "S"
    U = "U"


SERVICE_CATEGORIES = frozenset(
    {
        "trust",
        "accounting",
        "auditing",
        "bookkeeping",
        "tax_consulting",
        "management_consulting",
        "public_relations",
        "corporate_formation",
        "engineering",
        "architecture",
        "construction",
        "legal",
        "it_consulting",
        "maritime_transport",
        "maritime_insurance",
        "trade_finance",
        "brokering",
        "securities_issuance",
        "other",
    }
)

# Purposes that a licence policy may favour (Japan's METI export approval criteria).
PURPOSES = frozenset(
    {
        "food",
        "medicine",
        "humanitarian",
        "cybersecurity",
        "maritime_safety",
        "consumer_telecom",
        "civil_telecom_infrastructure",
        "intergovernmental",
        "energy_project",
        "personal_use",
        "other",
    }
)

OIL_PRODUCTS = frozenset({"crude", "premium_products", "discount_products"})

ISSUER_TYPES = frozenset({"sovereign", "central_bank", "state_agency", "bank", "company"})

# The list source ids a measure may refer to (seisai.sources formats).
KNOWN_LISTS = frozenset(
    {
        "un_sc",
        "us_ofac_sdn",
        "us_ofac_cons",
        "eu_fsf",
        "eu_fsf_derived",
        "gb_hmt_ofsi",
        "ca_sema",
        "au_dfat",
        "us_trade_csl",
        "jp_mof",
        "jp_meti_eul",
        "jp_meti_ru",
        "jp_meti_by",
        "jp_meti_third",
        "opensanctions",
    }
)

JURISDICTIONS = {
    "JP": "Japan",
    "US": "United States",
    "EU": "European Union",
    "UK": "United Kingdom",
    "CA": "Canada",
    "AU": "Australia",
}
