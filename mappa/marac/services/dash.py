"""Every change to DASH risk checklists, and the MARAC referral made from a completed one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.marac import notices, rules, sections
from mappa.marac.constants import DashStatus, FoundBy, ParticipantReason
from mappa.marac.models import DashAssessment, MaracCase, Participant, Victim
from mappa.marac.services import linking


def thresholds() -> rules.Thresholds:
    return rules.Thresholds(
        visible_high_risk=settings.MAPPA_MARAC_VISIBLE_HIGH_RISK_YES,
        escalation_callouts=settings.MAPPA_MARAC_ESCALATION_CALLOUTS,
        escalation_months=settings.MAPPA_MARAC_ESCALATION_MONTHS,
        repeat_months=settings.MAPPA_MARAC_REPEAT_MONTHS,
    )


def start_dash(*, actor) -> DashAssessment:
    if actor.agency_id is None:
        raise ValidationError("Only a member of an agency can complete a DASH")
    with transaction.atomic():
        dash = DashAssessment.objects.create(
            area_id=actor.area_id, completed_by=actor, agency_id=actor.agency_id
        )
        _record(actor, EventType.DASH_STARTED, dash, {"dash": str(dash.id)})
    return dash


def _record(actor, event_type, dash, payload) -> None:
    audit.record(actor=actor, event_type=event_type, subject=dash.id, payload=payload)


def _check_editable(actor, dash: DashAssessment) -> None:
    if dash.completed_by_id != actor.id:
        raise ValidationError("Only the person completing a DASH can change it")
    if dash.status != DashStatus.DRAFT:
        raise ValidationError("This DASH has been completed and can no longer be changed")


def _save(actor, dash: DashAssessment, key: str, value) -> DashAssessment:
    with transaction.atomic():
        dash.sections = {**dash.sections, key: value}
        dash.save(update_fields=["sections"])
        _record(actor, EventType.DASH_SECTION_SAVED, dash, {"dash": str(dash.id), "section": key})
    return dash


def save_section(*, actor, dash: DashAssessment, key: str, data: dict) -> DashAssessment:
    """Save one section's cleaned data (not the children's: see add_child)."""
    _check_editable(actor, dash)
    if key not in sections.BY_KEY or key == sections.CHILDREN:
        raise ValidationError(f"A DASH has no section {key!r}")
    return _save(actor, dash, key, sections.stored(data))


def add_child(*, actor, dash: DashAssessment, data: dict) -> DashAssessment:
    _check_editable(actor, dash)
    children = [*sections.children(dash), sections.stored(data)]
    return _save(actor, dash, sections.CHILDREN, {"children": children})


def remove_child(*, actor, dash: DashAssessment, index: int) -> DashAssessment:
    _check_editable(actor, dash)
    children = sections.children(dash)
    if not 0 <= index < len(children):
        raise ValidationError("There is no such child on this DASH")
    return _save(
        actor, dash, sections.CHILDREN, {"children": children[:index] + children[index + 1 :]}
    )


def confirm_children(*, actor, dash: DashAssessment) -> DashAssessment:
    """The children listed (perhaps none) are all the children in the household."""
    _check_editable(actor, dash)
    return _save(actor, dash, sections.CHILDREN, {"children": sections.children(dash)})


@dataclass(frozen=True)
class Assessment:
    """What a DASH adds up to: the score, its band, and the referral criteria it meets."""

    yes_count: int
    band: str
    criteria: list[str]
    last_referral_on: date | None


def victim_key(victim: dict) -> str:
    """Name and date of birth, normalised; empty (no matching) without a date of birth."""
    if not victim.get("date_of_birth"):
        return ""
    name = f"{victim.get('forenames', '')} {victim.get('surname', '')}".lower()
    return f"{' '.join(re.findall(r'[a-z]+', name))}|{victim['date_of_birth']}"


def _known_victim(dash: DashAssessment) -> Victim | None:
    key = victim_key(dash.sections.get("victim", {}))
    if not key:
        return None
    return Victim.objects.filter(area_id=dash.area_id, match_key=key).first()


def assess(dash: DashAssessment, today: date) -> Assessment:
    """The score and criteria as they stand (the check page shows them before completion)."""
    score = rules.yes_count(sections.checklist_answers(dash))
    incident = dash.sections.get("incident", {})
    known = _known_victim(dash)
    previous = known.cases.aggregate(last=Max("referred_on"))["last"] if known else None
    stated = incident.get("last_referral_on")
    dates = [day for day in (previous, stated and date.fromisoformat(stated)) if day]
    last_referral_on = max(dates) if dates else None
    criteria = rules.criteria_met(
        yes_count=score,
        professional_judgement=incident.get("professional_judgement") == "yes",
        callouts=[date.fromisoformat(day) for day in incident.get("police_callouts", [])],
        incident_on=incident.get("incident_on") and date.fromisoformat(incident["incident_on"]),
        last_referral_on=last_referral_on,
        on=today,
        thresholds=thresholds(),
    )
    band = rules.risk_band(
        yes_count=score,
        medium_from=settings.MAPPA_MARAC_MEDIUM_RISK_YES,
        high_from=settings.MAPPA_MARAC_VISIBLE_HIGH_RISK_YES,
    )
    return Assessment(score, band, criteria, last_referral_on)


def _victim_for(dash: DashAssessment) -> Victim:
    """The victim's record: the one already known (same name and date of birth) or a new one."""
    details = dash.sections["victim"]
    victim = _known_victim(dash) or Victim(area_id=dash.area_id, match_key=victim_key(details))
    victim.forenames, victim.surname = details.get("forenames", ""), details["surname"]
    born = details.get("date_of_birth")
    victim.date_of_birth = date.fromisoformat(born) if born else None
    victim.address, victim.safe_contact = (
        details.get("address", ""),
        details.get("safe_contact", ""),
    )
    victim.save()
    return victim


def complete(*, actor, dash: DashAssessment) -> MaracCase | None:
    """Complete the DASH; when it meets a referral criterion, refer the victim to MARAC from it."""
    _check_editable(actor, dash)
    problems = [f"Complete the section: {title}" for title in sections.missing(dash)]
    if problems:
        raise ValidationError(problems)
    today = timezone.localdate()
    with transaction.atomic():
        result = assess(dash, today)
        nominal, matched_on = linking.find_on_register(dash.area_id, dash.sections["perpetrator"])
        dash.victim = _victim_for(dash)
        dash.perpetrator_nominal = nominal
        dash.yes_count, dash.criteria = result.yes_count, result.criteria
        dash.children_count = len(sections.children(dash))
        dash.status, dash.completed_at = DashStatus.COMPLETED, timezone.now()
        dash.save()
        _record(
            actor,
            EventType.DASH_COMPLETED,
            dash,
            {"dash": str(dash.id), "yes_count": result.yes_count, "criteria": result.criteria},
        )
        if not result.criteria:
            return None
        case = _refer(actor, dash, result, today)
        if nominal is not None:
            linking.raise_link(
                actor=actor,
                case=case,
                nominal=nominal,
                found_by=FoundBy.IDENTIFIERS,
                matched_on=matched_on,
            )
    return case


def _refer(actor, dash: DashAssessment, result: Assessment, today: date) -> MaracCase:
    """The MARAC referral, made from the DASH as it stands: nothing is typed again."""
    case = MaracCase.objects.create(
        area_id=dash.area_id,
        victim=dash.victim,
        dash=dash,
        referred_by=actor,
        referring_agency_id=dash.agency_id,
        referred_on=today,
        criteria=result.criteria,
        is_repeat=rules.REPEAT in result.criteria,
    )
    Participant.objects.create(
        case=case,
        agency_id=dash.agency_id,
        reason=ParticipantReason.REFERRER,
        added_by=actor,
        added_at=timezone.now(),
    )
    audit.record(
        actor=actor,
        event_type=EventType.MARAC_REFERRED,
        subject=case.id,
        payload={"case": str(case.id), "dash": str(dash.id), "criteria": result.criteria},
    )
    transaction.on_commit(lambda: notices.tell_marac_coordinators(case))
    return case
