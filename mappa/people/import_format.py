"""The nominal import format (shared/contracts/nominal-import.md), validated with pydantic.

Parsing turns one JSON line into a `NominalRecord` or a list of problems,
each `line N: <field path>: <reason>`. Nothing here touches the database;
area codes and offence codes are checked against what the caller knows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date
from typing import Annotated, ClassVar, Literal

from django.utils import timezone
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_serializer,
    model_validator,
)

from mappa.cases import rules as case_rules
from mappa.cases.constants import LeadAgency
from mappa.offences.constants import (
    NO_TERM,
    TERM_REQUIRED,
    CourtJurisdiction,
    DisposalType,
    DrugClass,
    Outcome,
)
from mappa.people import rules
from mappa.people.constants import AddressKind, AliasKind, EventKind, Gender, Relationship

Text = Annotated[str, Field(max_length=200)]


def _born_by_today(value: date | None, info: ValidationInfo) -> date | None:
    """A date of birth given as JSON (the import, the API, a page's edit) may not be after today.

    Records rebuilt from what is stored (python mode: `records.to_record`) are not judged
    again, so one stored before this check can still be shown, exported and corrected. An
    import gives the day once, as `today` in the validation context, rather than asking the
    clock for every date of birth in the file.
    """
    if info.mode == "json":
        today = (info.context or {}).get("today") or timezone.localdate()
        problem = rules.date_of_birth_problem(value, today=today)
        if problem:
            raise ValueError(problem)
    return value


DateOfBirth = Annotated[date | None, AfterValidator(_born_by_today)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, strict=True, frozen=True)


class ExternalIds(Strict):
    pnc: Annotated[str, Field(max_length=40)] | None = None
    cro: Annotated[str, Field(max_length=40)] | None = None
    crn: Annotated[str, Field(max_length=40)] | None = None
    noms: Annotated[str, Field(max_length=40)] | None = None
    visor: Annotated[str, Field(max_length=40)] | None = None

    def present(self) -> dict[str, str]:
        return {key: value for key, value in self.model_dump().items() if value}


class Name(Strict):
    forenames: Text | None = None
    surname: Annotated[str, Field(min_length=1, max_length=200)]


class AliasIn(Strict):
    forenames: Text = ""
    surname: Text = ""
    kind: AliasKind = AliasKind.ALIAS


class AddressIn(Strict):
    line_1: Text = ""
    line_2: Text = ""
    town: Annotated[str, Field(max_length=100)] = ""
    postcode: Annotated[str, Field(max_length=10)] = ""
    kind: AddressKind = AddressKind.HOME
    valid_from: date | None = Field(None, alias="from")
    valid_to: date | None = Field(None, alias="to")
    latitude: Annotated[float, Field(ge=-90, le=90)] | None = None
    longitude: Annotated[float, Field(ge=-180, le=180)] | None = None

    @model_validator(mode="after")
    def _period_in_order(self):
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValueError("to: must not be before from")
        return self


class AssociationIn(Strict):
    relationship: Relationship
    forenames: Text = ""
    surname: Text = ""
    date_of_birth: DateOfBirth = None
    address: AddressIn | None = None


class AddedOptional(Strict):
    """Optional fields added to the contract's format (docs/decisions/0009) are written only
    when set, so exports, and the digests of records stored before they existed, do not change."""

    ADDED_OPTIONAL: ClassVar[tuple[str, ...]] = ()

    @model_serializer(mode="wrap")
    def _leave_out_unset_additions(self, handler):
        data = handler(self)
        for key in self.ADDED_OPTIONAL:
            if data.get(key) is None:
                data.pop(key, None)
        return data


class DisposalIn(AddedOptional):
    ADDED_OPTIONAL = ("consecutive_group", "detention_and_training_order")

    type: DisposalType
    term_months: Annotated[float, Field(ge=0, le=1200)] | None = None
    # Offences whose terms of imprisonment were ordered to run consecutively share a label
    consecutive_group: Annotated[str, Field(min_length=1, max_length=20)] | None = None
    # `true`: a detention and training order, `term_months` being the order's whole term
    detention_and_training_order: Literal[True] | None = None

    @model_validator(mode="after")
    def _term_where_needed(self):
        if self.type in TERM_REQUIRED and self.term_months is None:
            raise ValueError(f"term_months: required for {self.type.value}")
        if self.type in NO_TERM and self.term_months is not None:
            raise ValueError(
                f"term_months: {self.type.label.lower()} is an indeterminate sentence with no "
                "term; leave term_months out"
            )
        if self.detention_and_training_order and self.type != DisposalType.IMPRISONMENT:
            raise ValueError(
                "detention_and_training_order: a detention and training order is recorded "
                f"with the type imprisonment, not {self.type.value}"
            )
        if self.consecutive_group is not None and self.type != DisposalType.IMPRISONMENT:
            raise ValueError(
                "consecutive_group: only terms of imprisonment or detention are aggregated; "
                f"for {self.type.value}, record the term SOA 2003 s.82(4) gives instead"
            )
        return self


class OffenceIn(AddedOptional):
    ADDED_OPTIONAL = (
        "sexual_gratification_purpose",
        "court_jurisdiction",
        "drug_class",
        "terrorist_connection",
    )

    offence: Annotated[str, Field(min_length=1, max_length=60)]
    outcome: Outcome
    date: date
    committed_on: date | None = None
    victim_age: Annotated[int, Field(ge=0, le=120)] | None = None
    # An optional addition to the contract (docs/decisions/0009): Schedule 3 paras 33A and 34A
    sexual_gratification_purpose: bool | None = None
    # An optional addition (docs/decisions/0013): where the court sat, England and Wales when
    # absent; CJA 2003 s.327(3)(a), (4)(a) count only a court in England and Wales
    court_jurisdiction: CourtJurisdiction | None = None
    # An optional addition (docs/decisions/0015): a controlled drug's class, "A", "B" or "C";
    # CJA 2003 s.327(4A)(c) counts supplying a Class A drug to a child for category 2
    drug_class: DrugClass | None = None
    # An optional addition (docs/decisions/0016): `true` where the court determined that the
    # offence has a terrorist connection; CTA 2008 s.42(1) then brings Part 4 notification
    terrorist_connection: Literal[True] | None = None
    disposal: DisposalIn | None = None
    index: bool = False

    @model_validator(mode="after")
    def _committed_before_dealt_with(self):
        if self.committed_on and self.committed_on > self.date:
            raise ValueError("committed_on: must not be after the relevant date")
        return self

    @field_validator("court_jurisdiction")
    @classmethod
    def _england_and_wales_is_the_default(cls, court):
        """England and Wales is held as absent, so a file that says so stores what one silent does."""
        return None if court == CourtJurisdiction.ENGLAND_AND_WALES else court


class PeriodIn(Strict):
    started_on: date = Field(alias="from")
    ended_on: date | None = Field(None, alias="to")


class CustodyIn(Strict):
    periods: list[PeriodIn] = []
    release_date: date | None = None
    licence_end_date: date | None = None


class LevelChangeIn(Strict):
    level: Literal[1, 2, 3]
    effective_from: date = Field(alias="from")


class MappaIn(Strict):
    category: Literal[1, 2, 3, 4] | None = None
    level: Literal[1, 2, 3] | None = None
    lead_agency: LeadAgency | None = None
    start_date: date | None = None
    next_review_due: date | None = None
    level_history: list[LevelChangeIn] = []

    @model_validator(mode="after")
    def _category_3_not_at_level_1(self):
        # MAPPA Guidance: category 3 needs level 2 or 3 management (mappa.cases.rules).
        if not case_rules.level_allowed_for_category(category=self.category, level=self.level):
            raise ValueError("level: a category 3 case cannot be managed at level 1")
        return self


class EventIn(Strict):
    kind: EventKind
    date: date


class NominalRecord(Strict):
    area: Annotated[str, Field(min_length=1, max_length=16)]
    external_ids: ExternalIds = ExternalIds()
    name: Name
    aliases: list[AliasIn] = []
    date_of_birth: DateOfBirth = None
    gender: Gender = Gender.NOT_KNOWN
    ethnicity: Text = ""
    addresses: list[AddressIn] = []
    associations: list[AssociationIn] = []
    offences: list[OffenceIn] = []
    custody: CustodyIn | None = None
    mappa: MappaIn | None = None
    events: list[EventIn] = []

    @model_validator(mode="after")
    def _has_a_forename_or_alias(self):
        if not self.name.forenames and not self.aliases:
            raise ValueError("name.forenames: give forenames or at least one alias")
        return self

    @model_validator(mode="after")
    def _consecutive_groups_have_company(self):
        groups = Counter(o.disposal.consecutive_group for o in self.offences if o.disposal)
        for index, offence in enumerate(self.offences):
            group = offence.disposal.consecutive_group if offence.disposal else None
            if group is not None and groups[group] < 2:
                raise ValueError(
                    f"offences[{index}].disposal.consecutive_group: no other offence in this "
                    f"record is in consecutive group {group!r}"
                )
        return self

    def to_json(self) -> str:
        """The record in the import format, in a stable form (used for export and to spot changes)."""
        return self.model_dump_json(by_alias=True)


def _path(location: tuple) -> str:
    path = ""
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        elif part not in {"function-after", "json-or-python", "union"} and not str(part).startswith(
            ("function-", "literal[", "nullable[")
        ):
            path += f".{part}" if path else str(part)
    return path


def problems_in(error: ValidationError) -> list[tuple[str, str]]:
    """Each validation error as (field path, reason), e.g. ("offences[0].disposal.term_months", ...)."""
    problems = []
    for detail in error.errors(include_url=False):
        path, message = _path(detail["loc"]), detail["msg"]
        if message.startswith("Value error, "):
            message = message.removeprefix("Value error, ")
            if ": " in message:  # validators name the field inside the object they check
                field, message = message.split(": ", 1)
                path = f"{path}.{field}" if path else field
        if detail["type"] == "extra_forbidden":
            message = "unknown field"
        problems.append((path or "(record)", message))
    return problems


def reference_problems(
    record: NominalRecord,
    *,
    area_exists: Callable[[str], bool],
    offence_exists: Callable[[str], bool],
) -> list[tuple[str, str]]:
    """Codes the record names that the service does not know."""
    problems = []
    if not area_exists(record.area):
        problems.append(("area", f"no configured area has the code {record.area!r}"))
    for index, offence in enumerate(record.offences):
        if not offence_exists(offence.offence):
            problems.append(
                (f"offences[{index}].offence", f"unknown offence code {offence.offence!r}")
            )
    return problems


def parse_line(
    text: str,
    line_number: int,
    *,
    area_exists: Callable[[str], bool],
    offence_exists: Callable[[str], bool],
    today: date | None = None,
) -> tuple[NominalRecord | None, list[str]]:
    try:
        record = NominalRecord.model_validate_json(text, context={"today": today})
    except ValidationError as error:
        found = problems_in(error)
    else:
        found = reference_problems(record, area_exists=area_exists, offence_exists=offence_exists)
    problems = [f"line {line_number}: {path}: {reason}" for path, reason in found]
    return (None if problems else record), problems


def duplicate_identifier_problems(
    identifiers: Iterable[tuple[int, dict[str, str]]],
    seen: dict[tuple[str, str], int] | None = None,
) -> list[str]:
    """Two lines of one file may not carry the same PNC, CRN, NOMS number (or CRO, ViSOR).

    `seen` (each identifier met so far: the line it is on) carries the check across calls, so
    a file can be checked a line at a time."""
    seen = {} if seen is None else seen
    problems = []
    for line_number, ids in identifiers:
        for kind, value in ids.items():
            first = seen.setdefault((kind, value.upper()), line_number)
            if first != line_number:
                problems.append(
                    f"line {line_number}: external_ids.{kind}: {value!r} is also on line {first}"
                )
    return problems
