"""Every change to draft minutes: starting them, each case's sections, the level decision, the
disclosure decision and the actions agreed.

The same write-path rules as the rest of `services/`. Disclosure and action decisions are
recorded at once in their own registers (`mappa.disclosures`, `mappa.actions`), linked to the
agenda item, because people act on them from the meeting; the level decision and next review
are recorded here and applied to the case when the chair approves the minutes (`approval.py`).
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from mappa import versions
from mappa.actions import services as actions
from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.disclosures.services import decisions as disclosures
from mappa.meetings import rules
from mappa.meetings.constants import MeetingStatus
from mappa.meetings.models.minutes import TEXT_SECTIONS, CaseMinutes, Minutes
from mappa.meetings.queries.minutes import writes_minutes
from mappa.meetings.services import carry_over

EDITABLE = (*TEXT_SECTIONS, "discussed", "not_discussed_reason")


def _require_writer(actor, meeting) -> None:
    if not writes_minutes(actor, meeting):
        raise ValidationError("Only the area's chairs and co-ordinators write minutes")


def _require_draft(case_minutes: CaseMinutes, actor, *, discussed: bool = False) -> None:
    meeting = case_minutes.agenda_item.meeting
    _require_writer(actor, meeting)
    if meeting.status != MeetingStatus.MINUTES_DRAFT:
        raise ValidationError("These minutes are no longer a draft")
    if discussed and not case_minutes.discussed:
        raise ValidationError("This case is recorded as not discussed at the meeting")


def _event(actor, case_minutes: CaseMinutes, event_type, **payload) -> None:
    item = case_minutes.agenda_item
    audit.record(
        actor=actor,
        event_type=event_type,
        subject=item.case_id,
        payload={"meeting": str(item.meeting_id), "item": str(item.id)} | payload,
    )


def start_minutes(*, actor, meeting) -> Minutes:
    """Open the draft minutes of a held meeting, one record per case, pre-filled when possible."""
    _require_writer(actor, meeting)
    if meeting.status != MeetingStatus.HELD:
        raise ValidationError("Minutes can be started once the meeting is recorded as held")
    with transaction.atomic():
        minutes = Minutes.objects.create(
            meeting=meeting, started_by=actor, started_at=timezone.now()
        )
        items = list(meeting.agenda.select_related("case", "meeting"))
        for item in items:
            CaseMinutes.objects.create(
                minutes=minutes,
                agenda_item=item,
                category=item.case.category,
                level=item.case.level,
                **carry_over.prefill(item),
            )
        meeting.status = MeetingStatus.MINUTES_DRAFT
        meeting.save(update_fields=["status"])
        audit.record(
            actor=actor,
            event_type=EventType.MINUTES_STARTED,
            payload={"meeting": str(meeting.id), "items": len(items)},
        )
    return minutes


def save_case_minutes(
    *, actor, case_minutes: CaseMinutes, version: int | None, **changes
) -> CaseMinutes:
    """Save the text sections of one case's minutes, or record that it was not discussed.

    `version` is the version the writer started from: minutes changed since are not
    overwritten (`versions.StaleEdit`).
    """
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"cannot change {sorted(unknown)}")
    _require_draft(case_minutes, actor)
    discussed = changes.get("discussed", case_minutes.discussed)
    reason = changes.get("not_discussed_reason", case_minutes.not_discussed_reason)
    if not discussed and not reason.strip():
        raise ValidationError({"not_discussed_reason": "Say why the case was not discussed"})
    changed = sorted(f for f, value in changes.items() if getattr(case_minutes, f) != value)
    if not changed:
        return case_minutes
    with transaction.atomic():
        versions.claim(case_minutes, version=version, actor=actor)
        for field in changed:
            setattr(case_minutes, field, changes[field])
        case_minutes.updated_by, case_minutes.updated_at = actor, timezone.now()
        case_minutes.save(update_fields=[*changed, "updated_by", "updated_at"])
        _event(actor, case_minutes, EventType.MINUTES_SAVED, fields=changed)
    return case_minutes


def record_level_decision(
    *,
    actor,
    case_minutes: CaseMinutes,
    version: int | None,
    level_decision: str,
    rationale: str,
    new_level: int | None = None,
    closure_reason: str = "",
    dissent: str = "",
    next_review_on: date | None = None,
) -> CaseMinutes:
    """The meeting's decision on the level (stays, up, down, leaves MAPPA) with its rationale,
    any dissent and the next review date; applied to the case when the minutes are approved."""
    _require_draft(case_minutes, actor, discussed=True)
    item = case_minutes.agenda_item
    case = item.case
    if case.is_pdp:  # no MAPPA level to decide: the police review it as a PDP (docs/pdp.md)
        raise ValidationError(
            {"level_decision": "A potentially dangerous person has no MAPPA level: record the "
             "PDP review on the case page"}
        )  # fmt: skip
    problems = rules.decision_problems(
        decision=level_decision,
        current_level=case.level,
        new_level=new_level,
        category=case.category,
        rationale=rationale,
        closure_reason=closure_reason,
        next_review_on=next_review_on,
        meeting_date=item.meeting.date,
        interval_weeks=settings.MAPPA_REVIEW_INTERVAL_WEEKS,
    )
    if problems:
        raise ValidationError(problems)
    leaves = level_decision == rules.LEAVES
    with transaction.atomic():
        versions.claim(case_minutes, version=version, actor=actor)
        case_minutes.level_decision = level_decision
        case_minutes.new_level = rules.decided_level(
            decision=level_decision, current=case.level, new_level=new_level
        )
        case_minutes.closure_reason = closure_reason if leaves else ""
        case_minutes.decision_rationale = rationale.strip()
        case_minutes.dissent = dissent.strip()
        case_minutes.next_review_on = None if leaves else next_review_on
        case_minutes.updated_by, case_minutes.updated_at = actor, timezone.now()
        case_minutes.save()
        _event(actor, case_minutes, EventType.MINUTES_DECISION_RECORDED, decision=level_decision)
    return case_minutes


def record_disclosure(
    *, actor, case_minutes: CaseMinutes, decision: str, rationale: str, **details
):
    """Disclosure considered for the case: yes (to whom, what, by whom, how, by when) or no, with
    reasons, recorded in the disclosure register with the agenda item as its source."""
    _require_draft(case_minutes, actor, discussed=True)
    if case_minutes.disclosure_id is not None:
        raise ValidationError("Disclosure has already been decided for this case at this meeting")
    case = case_minutes.agenda_item.case
    with transaction.atomic():
        recorded = disclosures.record_decision(
            actor=actor,
            nominal=case.nominal,
            decision=decision,
            rationale=rationale,
            case=case,
            source=case_minutes.agenda_item_id,
            **details,
        )
        case_minutes.disclosure = recorded
        case_minutes.updated_by, case_minutes.updated_at = actor, timezone.now()
        case_minutes.save(update_fields=["disclosure", "updated_by", "updated_at"])
        _event(actor, case_minutes, EventType.MINUTES_SAVED, fields=["disclosure"])
    return recorded


def agree_action(
    *, actor, case_minutes: CaseMinutes, description: str, owner_agency, due_on, owner_user=None
):
    """An action agreed at the meeting, owned by an agency (and a person), with a due date."""
    _require_draft(case_minutes, actor, discussed=True)
    return actions.create_action(
        actor=actor,
        case=case_minutes.agenda_item.case,
        description=description,
        owner_agency=owner_agency,
        due_on=due_on,
        owner_user=owner_user,
        source=case_minutes.agenda_item_id,
    )
