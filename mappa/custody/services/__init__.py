"""Every change to custody records and pre-release screenings (MAPPA Guidance ch.15); releases
and returns to custody are in `movements`."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from mappa import versions
from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.cases import services as cases
from mappa.cases.constants import DecisionSource, LeadAgency
from mappa.custody import queries, rules
from mappa.custody.constants import ScreeningStatus
from mappa.custody.models import CustodyRecord, Screening
from mappa.custody.services.movements import (  # noqa: F401 (the app's write path, re-exported)
    record_release,
    record_return,
    record_return_to_custody,
)

RECORD_FIELDS = ("establishment", "expected_release_on", "parole_hearing_on")
SCREENING_FIELDS = (
    "category",
    "proposed_level",
    "rationale",
    "information_to_share",
    "report_requested",
    "report_due_on",
    "offender_manager",
)


def save_custody_record(
    *,
    actor,
    nominal,
    version: int | None,
    establishment: str,
    expected_release_on: date | None,
    parole_hearing_on: date | None,
) -> CustodyRecord:
    """Record the establishment, expected release date and parole hearing date of a person in
    custody. An existing record's change names the `version` it started from."""
    period = queries.open_period(nominal)
    problems = {}
    if period is None:
        problems["expected_release_on"] = "This person is not in custody"
    elif expected_release_on is not None and expected_release_on < period.started_on:
        problems["expected_release_on"] = (
            f"The expected release date must be after {period.started_on:%-d/%-m/%Y}, "
            "when custody began"
        )
    if (
        period is not None
        and parole_hearing_on is not None
        and parole_hearing_on < period.started_on
    ):
        problems["parole_hearing_on"] = "The parole hearing must be after custody began"
    if problems:
        raise ValidationError(problems)
    values = {
        "establishment": establishment.strip(),
        "expected_release_on": expected_release_on,
        "parole_hearing_on": parole_hearing_on,
    }
    with transaction.atomic():
        record = CustodyRecord.objects.filter(nominal=nominal).first()
        if record is None:
            record = CustodyRecord.objects.create(
                nominal=nominal, changed_by=actor, changed_at=timezone.now(), **values
            )
            changed = [name for name in RECORD_FIELDS if values[name]]
        else:
            versions.claim(record, version=version, actor=actor)
            changed = [name for name in RECORD_FIELDS if getattr(record, name) != values[name]]
            for name, value in values.items():
                setattr(record, name, value)
            record.save(update_fields=list(RECORD_FIELDS))
        audit.record(
            actor=actor,
            event_type=EventType.CUSTODY_RECORD_CHANGED,
            subject=nominal.id,
            payload={"fields": changed},
        )
    return record


def _screening_problems(actor, nominal, data: dict, today: date) -> dict:
    agency = actor.agency.kind if actor.agency_id else None
    problems = {}
    if not rules.may_screen(role=actor.role, agency_kind=agency):
        problems["rationale"] = (
            "Only the prison or community offender manager, or the co-ordinator, records a "
            "pre-release screening"
        )
    record = queries.custody_record(nominal)
    period = queries.open_period(nominal)
    due = rules.level_due_against(
        release_on=queries.expected_release(nominal, period, record),
        parole_hearing_on=record.parole_hearing_on if record else None,
        today=today,
    )
    problems |= rules.screening_problems(
        category=data["category"],
        proposed_level=data["proposed_level"],
        rationale=data["rationale"],
        report_requested=data["report_requested"],
        report_due_on=data["report_due_on"],
        today=today,
        due_on=due.on if due else None,
    )
    officer = data.get("offender_manager")
    if officer is not None and (
        officer.area_id != nominal.area_id
        or not officer.agency
        or officer.agency.kind != "probation"
    ):
        problems["offender_manager"] = (
            "The community offender manager must work for probation in this area"
        )
    return problems


def record_screening(*, actor, nominal, **data) -> Screening:
    """The pre-release screening of the person's current custody: category confirmed, level
    proposed with its rationale, information to share, and the prison's report requested."""
    today = timezone.localdate()
    period = queries.open_period(nominal)
    if period is None:
        raise ValidationError(
            {"category": "This person is not in custody: there is nothing to screen"}
        )
    if Screening.objects.filter(nominal=nominal, custody_started_on=period.started_on).exists():
        raise ValidationError(
            {"category": "This custody has been screened already: change that screening instead"}
        )
    problems = _screening_problems(actor, nominal, data, today)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        screening = Screening.objects.create(
            nominal=nominal,
            custody_started_on=period.started_on,
            made_by=actor,
            made_at=timezone.now(),
            changed_by=actor,
            changed_at=timezone.now(),
            **{name: data[name] for name in SCREENING_FIELDS},
        )
        audit.record(
            actor=actor,
            event_type=EventType.CUSTODY_SCREENING_RECORDED,
            subject=nominal.id,
            payload={"screening": str(screening.id), "proposed_level": screening.proposed_level},
        )
    return screening


def change_screening(*, actor, screening: Screening, version: int | None, **data) -> Screening:
    """Change a screening still waiting for the co-ordinator's decision, from `version`."""
    if screening.status != ScreeningStatus.AWAITING_DECISION:
        raise ValidationError(
            "The level has been decided on this screening: it can no longer change"
        )
    problems = _screening_problems(actor, screening.nominal, data, timezone.localdate())
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        versions.claim(screening, version=version, actor=actor)
        changed = [name for name in SCREENING_FIELDS if getattr(screening, name) != data[name]]
        for name in SCREENING_FIELDS:
            setattr(screening, name, data[name])
        screening.save(update_fields=list(SCREENING_FIELDS))
        audit.record(
            actor=actor,
            event_type=EventType.CUSTODY_SCREENING_CHANGED,
            subject=screening.nominal_id,
            payload={"screening": str(screening.id), "fields": changed},
        )
    return screening


def decide_level(
    *, actor, screening: Screening, version: int | None, level: int | None, rationale: str
) -> Screening:
    """The co-ordinator's level decision on a screening: recorded on the case as its level
    decision (`cases.services.change_level`), or a new case at that level. At level 2 or 3 the
    case needs a meeting before release, as referral screening sets it: it is on the next agenda
    built at its level (the pre-release meeting), whose decision may change the level again."""
    nominal = screening.nominal
    case = queries.open_case(nominal)
    problems = {}
    if screening.status != ScreeningStatus.AWAITING_DECISION:
        problems["level"] = "The level has already been decided on this screening"
    elif level is None:
        problems["level"] = "Select the level"
    if not rationale.strip():
        problems["rationale"] = "Give the reason for the decision"
    if problems:
        raise ValidationError(problems)
    today = timezone.localdate()
    with transaction.atomic():
        versions.claim(screening, version=version, actor=actor)
        case = _set_level(actor, screening, case, level, rationale, today)
        if level > 1 and case.first_meeting_needed_since is None:
            case.first_meeting_needed_since = today
            case.save(update_fields=["first_meeting_needed_since"])
        screening.status = (
            ScreeningStatus.MEETING_NEEDED if level > 1 else ScreeningStatus.LEVEL_CONFIRMED
        )
        screening.decided_level = level
        screening.decision_rationale = rationale
        screening.decided_by, screening.decided_at = actor, timezone.now()
        screening.save(
            update_fields=[
                "status",
                "decided_level",
                "decision_rationale",
                "decided_by",
                "decided_at",
            ]
        )
        audit.record(
            actor=actor,
            event_type=EventType.CUSTODY_LEVEL_DECIDED,
            subject=nominal.id,
            payload={"screening": str(screening.id), "decision": screening.status, "level": level},
        )
    return screening


def _set_level(actor, screening, case, level, rationale, today):
    if case is None:
        return cases.open_case(
            actor=actor,
            nominal=screening.nominal,
            category=screening.category,
            level=level,
            lead_agency=LeadAgency.PRISON,
            source=DecisionSource.SCREENING,
            rationale=rationale,
            decided_on=today,
        )
    return cases.change_level(
        actor=actor,
        case=case,
        level=level,
        source=DecisionSource.SCREENING,
        rationale=rationale,
        decided_on=today,
    )
