"""Request and response models of the yente-compatible endpoints (shapes as yente's).

Requests are validated here (sizes bounded, so a hostile body costs little); responses are
built as plain JSON by :mod:`seisai.api.screening` and documented by these models.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from seisai.api.screening import MAX_BATCH

Text = Annotated[str, StringConstraints(max_length=1000)]
MatchSchema = Literal["Person", "Company", "Organization", "LegalEntity", "PublicBody", "Vessel", "Airplane", "Vehicle", "CryptoWallet"]
PropName = Annotated[str, StringConstraints(min_length=1, max_length=64)]


def _as_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


Values = Annotated[list[Text], BeforeValidator(_as_list), Field(max_length=50)]

PERSON_EXAMPLE: dict[str, Any] = {
    "schema": "Person",
    "properties": {"name": ["Vladimir Putin"], "birthDate": ["1952-10-07"], "nationality": ["ru"]},
}
COMPANY_EXAMPLE: dict[str, Any] = {"schema": "Company", "properties": {"name": ["トヨタ自動車株式会社"], "jurisdiction": ["jp"]}}


class EntityExample(BaseModel):
    """A query by example: an FtM schema and properties (values are lists of strings)."""

    model_config = ConfigDict(populate_by_name=True, json_schema_extra={"examples": [PERSON_EXAMPLE, COMPANY_EXAMPLE]})

    id: Annotated[str, StringConstraints(max_length=200)] | None = None
    schema_: MatchSchema = Field(alias="schema", description="The FtM schema of the party to screen.")
    properties: Annotated[dict[PropName, Values], Field(max_length=50)] = Field(
        default_factory=dict,
        description="FtM properties. Used: name, alias, previousName, weakAlias, firstName, lastName, "
        "middleName, fatherName, birthDate, nationality, citizenship, country, jurisdiction, gender and "
        "the identifiers (idNumber, passportNumber, registrationNumber, innCode, imoNumber, swiftBic...).",
    )

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "schema": self.schema_, "properties": self.properties}


class MatchRequest(BaseModel):
    """The body of ``POST /match/{dataset}``: up to 100 queries, each under a key you choose."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"queries": {"q1": PERSON_EXAMPLE, "q2": COMPANY_EXAMPLE}}]})

    queries: dict[Annotated[str, StringConstraints(max_length=200)], EntityExample]
    weights: dict[str, float] = Field(default_factory=dict, description="Not supported: must be empty.")
    config: dict[str, Any] = Field(default_factory=dict, description="Not supported: must be empty.")

    @model_validator(mode="before")
    @classmethod
    def _batch_size(cls, data: Any) -> Any:
        queries = data.get("queries") if isinstance(data, dict) else None
        if isinstance(queries, dict) and len(queries) > MAX_BATCH:
            raise ValueError(f"at most {MAX_BATCH} queries per request, got {len(queries)}; split the batch")
        return data


class FeatureResult(BaseModel):
    """How one feature scored (name, identifier, birth_date, country, gender, schema)."""

    score: float
    weight: float | None = None
    detail: str | None = None
    query: str | None = None
    candidate: str | None = None


class EntityResponse(BaseModel):
    """An entity in FtM form, with the list it comes from and when it was seen."""

    model_config = ConfigDict(populate_by_name=True)

    id: str = Field(examples=["jp_mof-russia-persons-1"])
    caption: str = Field(examples=["Vladimir Vladimirovich PUTIN"])
    schema_: str = Field(alias="schema", examples=["Person"])
    properties: dict[str, list[str]]
    datasets: list[str] = Field(examples=[["jp_mof"]])
    referents: list[str] = Field(default_factory=list)
    target: bool = True
    first_seen: str | None = None
    last_seen: str | None = None
    last_change: str | None = None


class ScoredEntity(EntityResponse):
    """A candidate: score 0..1, ``match`` when the score reaches the threshold, and why."""

    score: float
    match: bool
    explanations: dict[str, FeatureResult]


class TotalSpec(BaseModel):
    value: int
    relation: Literal["eq", "gte"] = "eq"


class EntityMatches(BaseModel):
    status: int = 200
    results: list[ScoredEntity]
    total: TotalSpec
    query: dict[str, Any]


class MatchResponse(BaseModel):
    """The results of each query, under its key. The audit record's id is in ``X-Audit-Id``."""

    responses: dict[str, EntityMatches]
    limit: int


class SearchFacetItem(BaseModel):
    name: str
    label: str
    count: int


class SearchFacet(BaseModel):
    label: str
    values: list[SearchFacetItem]


class SearchResponse(BaseModel):
    results: list[EntityResponse]
    facets: dict[str, SearchFacet]
    total: TotalSpec
    limit: int
    offset: int


class StatusResponse(BaseModel):
    status: str = "ok"


class ErrorResponse(BaseModel):
    detail: str | list[dict[str, Any]]
