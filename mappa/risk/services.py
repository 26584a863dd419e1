"""Every change to risk records: RoSH assessments, risk management plan versions, licence conditions.

Each function checks everything first and raises ValidationError (a dict of field to message)
with nothing written; otherwise it writes the record and its audit event in one transaction.
"""

from __future__ import annotations

import json
from datetime import date, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from mappa import versions
from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.cases.models import MappaCase
from mappa.people.rules import postcode_key
from mappa.risk import postcodes, queries, rules, zones
from mappa.risk.constants import ConditionKind, Imminence, Monitoring, PlanSection, Tool
from mappa.risk.models import (
    LicenceCondition,
    PlanEntry,
    Postcode,
    RiskManagementPlan,
    RoshAssessment,
    RoshRating,
)

ASSESSMENT_TEXT = {
    "who_is_at_risk": "Enter who is at risk",
    "nature_of_harm": "Enter the nature of the harm",
    "increasing_factors": "Enter the factors likely to increase the risk",
    "reducing_factors": "Enter the factors likely to reduce the risk",
}

# The fields each type of condition keeps; `description` is kept for every type.
KIND_FIELDS = {
    ConditionKind.RESIDENCE: ("address", "approved_premises"),
    ConditionKind.NO_CONTACT: ("named_person",),
    ConditionKind.EXCLUSION_ZONE: ("zone",),
    ConditionKind.CURFEW: ("curfew_from", "curfew_to"),
    ConditionKind.ELECTRONIC_MONITORING: ("monitoring",),
    ConditionKind.POLYGRAPH: (),
    ConditionKind.PROGRAMME_ATTENDANCE: ("programme",),
    ConditionKind.OTHER: (),
}


def _refuse_if_closed(case: MappaCase) -> None:
    if case.closed_on is not None:
        raise ValidationError("This case is closed: its risk records can no longer change")


def record_assessment(
    *,
    actor,
    case: MappaCase,
    assessed_on: date,
    assessor,
    community: dict[str, str],
    custody: dict[str, str] | None,
    who_is_at_risk: str,
    nature_of_harm: str,
    imminence: str,
    increasing_factors: str,
    reducing_factors: str,
    tools: list[str],
    other_tool: str = "",
    when_risk_greatest: str = "",
) -> RoshAssessment:
    """Record a RoSH assessment; `custody` is None unless the person is in custody."""
    _refuse_if_closed(case)
    texts = {
        "who_is_at_risk": who_is_at_risk,
        "nature_of_harm": nature_of_harm,
        "increasing_factors": increasing_factors,
        "reducing_factors": reducing_factors,
    }
    problems = {field: ASSESSMENT_TEXT[field] for field, text in texts.items() if not text.strip()}
    problems |= rules.ratings_problems(rules.COMMUNITY, community)
    if custody is not None:
        problems |= rules.ratings_problems(rules.CUSTODY, custody)
    ratings = {rules.COMMUNITY: community} | ({rules.CUSTODY: custody} if custody else {})
    overall = rules.overall_level(ratings)
    if imminence not in Imminence.values:
        problems["imminence"] = "Choose whether serious harm is imminent"
    elif problem := rules.imminence_problem(overall=overall, imminence=imminence):
        problems["imminence"] = problem
    if problem := rules.assessment_date_problem(
        assessed_on=assessed_on, today=timezone.localdate()
    ):
        problems["assessed_on"] = problem
    if unknown := set(tools) - set(Tool.values):
        problems["tools"] = f"Unknown tools: {', '.join(sorted(unknown))}"
    problems |= rules.tools_problems(tools, other_tool)
    if not queries.assessors(case).filter(pk=getattr(assessor, "pk", None)).exists():
        problems["assessor"] = "Choose an assessor from the case's area who records risk"
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        assessment = RoshAssessment.objects.create(
            case=case,
            assessed_on=assessed_on,
            assessor=assessor,
            overall_level=overall,
            in_custody=custody is not None,
            imminence=imminence,
            when_risk_greatest=when_risk_greatest.strip(),
            tools=[tool for tool in Tool.values if tool in tools],
            other_tool=other_tool.strip() if Tool.OTHER in tools else "",
            recorded_by=actor,
            **{field: text.strip() for field, text in texts.items()},
        )
        RoshRating.objects.bulk_create(
            RoshRating(assessment=assessment, setting=setting, group=group, level=level)
            for setting, groups in ratings.items()
            for group, level in groups.items()
        )
        audit.record(
            actor=actor,
            event_type=EventType.ROSH_ASSESSMENT_RECORDED,
            subject=case.id,
            payload={
                "case": str(case.id),
                "assessment": str(assessment.id),
                "overall_level": overall,
            },
        )
    return assessment


def _same_plan(plan: RiskManagementPlan, entries: dict[str, list[str]], victim: dict) -> bool:
    saved = {section.value: [e.text for e in found] for section, found in plan.sections()}
    return saved == entries and all(getattr(plan, key) == value for key, value in victim.items())


def save_plan(
    *,
    actor,
    case: MappaCase,
    sections: dict[str, str | list[str]],
    based_on: int | None,
    victim_liaison_input: str = "",
    victim_wishes: str = "",
    change_summary: str = "",
) -> RiskManagementPlan:
    """Save a new version of the plan; `based_on` is the version the author started from.

    `sections` gives each pillar and contingency as lines of text or a list of measures.
    """
    _refuse_if_closed(case)
    entries = {
        section: rules.plan_entries(value if isinstance(value, str) else "\n".join(value))
        for section, value in sections.items()
        if section in PlanSection.values
    }
    missing = rules.missing_plan_sections(entries)
    if missing:
        raise ValidationError(
            {s: f"Add at least one measure under {PlanSection(s).label.lower()}" for s in missing}
        )
    victim = {
        "victim_liaison_input": victim_liaison_input.strip(),
        "victim_wishes": victim_wishes.strip(),
    }
    with transaction.atomic():
        MappaCase.objects.select_for_update().filter(id=case.id).first()  # one saver at a time
        latest = RiskManagementPlan.objects.filter(case=case).prefetch_related("entries").first()
        _check_still_latest(latest, based_on)
        if latest is not None and _same_plan(latest, entries, victim):
            raise ValidationError(f"Nothing has changed since version {latest.version}")
        plan = RiskManagementPlan.objects.create(
            case=case,
            version=(latest.version if latest else 0) + 1,
            change_summary=change_summary.strip(),
            created_by=actor,
            **victim,
        )
        PlanEntry.objects.bulk_create(
            PlanEntry(plan=plan, section=section, position=position, text=text)
            for section, texts in entries.items()
            for position, text in enumerate(texts, start=1)
        )
        audit.record(
            actor=actor,
            event_type=EventType.RISK_PLAN_SAVED,
            subject=case.id,
            payload={"case": str(case.id), "plan": str(plan.id), "version": plan.version},
        )
    return plan


def _check_still_latest(latest: RiskManagementPlan | None, based_on: int | None) -> None:
    """Refuse a save that did not start from the newest version, naming who saved that one."""
    if (latest.version if latest else None) == based_on:
        return
    if latest is None:
        raise ValidationError("This page is out of date: open the plan again")
    raise versions.StaleEdit(latest)


def add_condition(
    *,
    actor,
    case: MappaCase,
    kind: str,
    starts_on: date | None,
    ends_on: date | None = None,
    description: str = "",
    address: str = "",
    approved_premises: bool = False,
    named_person: str = "",
    zone: str | dict | None = None,
    curfew_from: time | None = None,
    curfew_to: time | None = None,
    monitoring: str = "",
    programme: str = "",
) -> LicenceCondition:
    """Record a licence condition; an exclusion zone is GeoJSON text (or a parsed geometry)."""
    _refuse_if_closed(case)
    given = {
        "address": address.strip(),
        "approved_premises": approved_premises,
        "named_person": named_person.strip(),
        "zone": zone,
        "curfew_from": curfew_from,
        "curfew_to": curfew_to,
        "monitoring": monitoring,
        "programme": programme.strip(),
    }
    kept = {field: given[field] for field in KIND_FIELDS.get(kind, ())}
    details = kept | {"description": description.strip()}
    problems = rules.condition_problems(kind, starts_on=starts_on, ends_on=ends_on, details=details)
    if kind == ConditionKind.EXCLUSION_ZONE and zone and "zone" not in problems:
        try:
            kept["zone"] = zones.parse_zone(zone if isinstance(zone, str) else json.dumps(zone))
        except zones.ZoneError as error:
            problems["zone"] = str(error)
    if kind == ConditionKind.ELECTRONIC_MONITORING and monitoring not in Monitoring.values:
        problems.setdefault("monitoring", "Choose what is monitored")
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        condition = LicenceCondition.objects.create(
            case=case,
            kind=kind,
            starts_on=starts_on,
            ends_on=ends_on,
            description=details["description"],
            recorded_by=actor,
            **kept,
        )
        audit.record(
            actor=actor,
            event_type=EventType.LICENCE_CONDITION_ADDED,
            subject=case.id,
            payload={"case": str(case.id), "condition": str(condition.id), "kind": kind},
        )
    return condition


def end_condition(*, actor, condition: LicenceCondition, ends_on: date) -> LicenceCondition:
    """Bring a condition to an end (varied or removed from the licence) on a date."""
    _refuse_if_closed(condition.case)
    if ends_on < condition.starts_on:
        raise ValidationError({"ends_on": "The end date must be on or after the start date"})
    if condition.ends_on is not None and condition.ends_on < ends_on:
        raise ValidationError({"ends_on": "The condition already ends before that date"})
    with transaction.atomic():
        condition.ends_on = ends_on
        condition.save(update_fields=["ends_on"])
        audit.record(
            actor=actor,
            event_type=EventType.LICENCE_CONDITION_ENDED,
            subject=condition.case_id,
            payload={
                "case": str(condition.case_id),
                "condition": str(condition.id),
                "ends_on": ends_on.isoformat(),
            },
        )
    return condition


def load_postcodes(*, actor, lines, name: str, batch: int = 5000) -> int:
    """Replace the postcode locations with those of an ONS Postcode Directory CSV
    (`mappa.risk.postcodes`): all or nothing, a bad row names itself and changes nothing."""
    with transaction.atomic():
        Postcode.objects.all().delete()
        pending: dict[str, Postcode] = {}
        count = 0
        try:
            for found in postcodes.read(lines, name=name):
                key = postcode_key(found.postcode)
                pending[key] = Postcode(
                    key=key,
                    postcode=found.postcode,
                    latitude=found.latitude,
                    longitude=found.longitude,
                )
                if len(pending) >= batch:
                    count += _store(pending)
        except postcodes.DirectoryError as error:
            raise ValidationError(str(error)) from error
        count += _store(pending)
        audit.record(
            actor=actor,
            event_type=EventType.REFERENCE_DATA_CHANGED,
            payload={"model": "risk.Postcode", "object": name, "action": f"loaded {count}"},
        )
    return count


def _store(pending: dict) -> int:
    Postcode.objects.bulk_create(
        pending.values(),
        update_conflicts=True,
        unique_fields=["key"],
        update_fields=["postcode", "latitude", "longitude"],
    )
    stored = len(pending)
    pending.clear()
    return stored
