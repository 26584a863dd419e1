"""Before and after the meeting: checks completed, hazard flags, summaries, feedback, referrals.

Each function takes keyword-only arguments and a required `actor`, runs in one transaction
and writes its audit event there.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from mappa import versions
from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.safeguarding import rules
from mappa.safeguarding.constants import Concern, Decision, FlagKind, FlagStatus, MatchKind
from mappa.safeguarding.models import (
    ActionOutcome,
    CaseListEntry,
    HazardFlag,
    MashReferral,
    MeetingFeedback,
    PreMeetingSummary,
)


def _event(actor, event_type, about=None, **payload) -> None:
    audit.record(
        actor=actor,
        event_type=event_type,
        subject=about.case_id if about is not None else None,
        payload={
            key: str(value) if hasattr(value, "hex") else value for key, value in payload.items()
        },
    )


def _produce(actor, entry: CaseListEntry, kind: str, text: str) -> HazardFlag:
    now = timezone.now()
    entry.hazard_flags.filter(superseded_at__isnull=True).update(superseded_at=now)
    flag = HazardFlag.objects.create(
        entry=entry, kind=kind, text=text, produced_by=actor, produced_at=now
    )
    _event(actor, EventType.MASH_HAZARD_PRODUCED, entry, entry=entry.id, flag=flag.id, kind=kind)
    return flag


def complete_check(*, actor, entry: CaseListEntry) -> CaseListEntry:
    """Close the check of one person. Someone unknown to social care, or known with a child
    found at their address, gets the pre-meeting flag (`rules.needs_pre_meeting_flag`)."""
    confirmed = entry.candidates.filter(decision=Decision.CONFIRMED)
    known = confirmed.filter(kind=MatchKind.PERSON).exists()
    children = sum(
        rules.is_child(found.date_of_birth, entry.meeting_date)
        for found in confirmed.filter(kind=MatchKind.ADDRESS)
    )
    with transaction.atomic():
        entry.known_to_social_care = known
        entry.check_completed_by, entry.check_completed_at = actor, timezone.now()
        entry.save(
            update_fields=["known_to_social_care", "check_completed_by", "check_completed_at"]
        )
        _event(actor, EventType.MASH_CHECK_COMPLETED, entry, entry=entry.id, known=known)
        live = entry.hazard_flags.filter(superseded_at__isnull=True, kind=FlagKind.TO_BE_DISCUSSED)
        if (
            rules.needs_pre_meeting_flag(known=known, children_at_address=children)
            and not live.exists()
        ):
            _produce(
                actor,
                entry,
                FlagKind.TO_BE_DISCUSSED,
                rules.to_be_discussed_text(entry.meeting_date),
            )
    return entry


def advance_flag(*, actor, flag: HazardFlag, version: int | None) -> HazardFlag:
    """To enter → entered (on the social-care system) → confirmed, recording who and when.

    `version` is the flag's version on the page the named person pressed the button on: a
    flag someone else has moved on since is not moved again (`versions.StaleEdit`).
    """
    following = rules.next_flag_status(flag.status)
    if following is None or flag.superseded_at is not None:
        raise ValidationError("This hazard flag needs nothing more")
    now = timezone.now()
    with transaction.atomic():
        versions.claim(flag, version=version, actor=actor)
        if following == FlagStatus.ENTERED:
            flag.entered_by, flag.entered_at = actor, now
        else:
            flag.confirmed_by, flag.confirmed_at = actor, now
        flag.status = following
        flag.save()
        _event(actor, EventType.MASH_HAZARD_UPDATED, flag.entry, flag=flag.id, status=following)
    return flag


def record_summary(*, actor, entry: CaseListEntry, text: str) -> PreMeetingSummary:
    if not text.strip():
        raise ValidationError({"text": "Enter the relevant social-care information"})
    with transaction.atomic():
        summary = PreMeetingSummary.objects.create(
            entry=entry, text=text.strip(), recorded_by=actor, recorded_at=timezone.now()
        )
        _event(actor, EventType.MASH_SUMMARY_RECORDED, entry, entry=entry.id, summary=summary.id)
    return summary


def share_summary(*, actor, summary: PreMeetingSummary) -> PreMeetingSummary:
    """The co-ordinator adds the MASH summary to the case's minutes (while in draft)."""
    from mappa.meetings.services import minutes

    entry = summary.entry
    case_minutes = getattr(entry.agenda_item, "minutes", None) if entry.agenda_item else None
    if case_minutes is None:
        raise ValidationError("Start the minutes of this meeting first")
    text = f"Children's social care (MASH): {summary.text}"
    existing = case_minutes.relevant_information
    with transaction.atomic():
        minutes.save_case_minutes(
            actor=actor,
            case_minutes=case_minutes,
            version=case_minutes.version,
            relevant_information=f"{existing}\n\n{text}".strip(),
        )
        summary.shared_to_minutes_by, summary.shared_to_minutes_at = actor, timezone.now()
        summary.save(update_fields=["shared_to_minutes_by", "shared_to_minutes_at"])
        _event(
            actor,
            EventType.MASH_SUMMARY_SHARED,
            entry,
            entry=entry.id,
            summary=summary.id,
            meeting=entry.meeting_id,
        )
    return summary


def record_feedback(
    *,
    actor,
    entry: CaseListEntry,
    subject_to_mappa: bool,
    level: int | None,
    concerns: list[str],
    decisions: str,
    actions_for_social_care: str = "",
    today=None,
) -> MeetingFeedback:
    """After the meeting: its decisions and actions for social care, and the updated hazard."""
    today = today or timezone.localdate()
    if not rules.feedback_open(entry.meeting_date, today):
        raise ValidationError("Feedback can be sent once the meeting has taken place")
    if hasattr(entry, "feedback"):
        raise ValidationError("Feedback has already been sent for this person")
    if subject_to_mappa and level not in (2, 3):
        raise ValidationError({"level": "Choose level 2 or level 3"})
    if not decisions.strip():
        raise ValidationError({"decisions": "Enter the meeting's decisions"})
    labels = [Concern(value).label for value in concerns]
    with transaction.atomic():
        feedback = MeetingFeedback.objects.create(
            entry=entry,
            subject_to_mappa=subject_to_mappa,
            level=level if subject_to_mappa else None,
            concerns=list(concerns),
            decisions=decisions.strip(),
            actions_for_social_care=actions_for_social_care.strip(),
            fed_back_by=actor,
            fed_back_at=timezone.now(),
        )
        _event(
            actor,
            EventType.MASH_FEEDBACK_RECORDED,
            entry,
            entry=entry.id,
            feedback=feedback.id,
            subject_to_mappa=subject_to_mappa,
            level=feedback.level,
        )
        if subject_to_mappa:
            text = rules.mappa_status_text(level, labels, entry.meeting_date)
            _produce(actor, entry, FlagKind.MAPPA_STATUS, text)
        else:
            _produce(
                actor,
                entry,
                FlagKind.NOT_SUBJECT,
                rules.not_subject_text(labels, entry.meeting_date),
            )
    return feedback


def record_action_outcome(*, actor, feedback: MeetingFeedback, text: str) -> ActionOutcome:
    """Social care says what it did; the MAPPA administrator sees it on the published list."""
    if not text.strip():
        raise ValidationError({"text": "Enter what was done"})
    with transaction.atomic():
        outcome = ActionOutcome.objects.create(
            feedback=feedback, text=text.strip(), recorded_by=actor, recorded_at=timezone.now()
        )
        _event(
            actor,
            EventType.MASH_ACTION_OUTCOME_RECORDED,
            feedback.entry,
            feedback=feedback.id,
            outcome=outcome.id,
        )
    return outcome


def raise_referral(*, actor, case, reason: str) -> MashReferral:
    """A referral to the MASH for an assessment, raised from the case."""
    if not reason.strip():
        raise ValidationError({"reason": "Say what the assessment is for"})
    with transaction.atomic():
        referral = MashReferral.objects.create(
            case=case,
            area=case.nominal.area,
            reason=reason.strip(),
            raised_by=actor,
            raised_at=timezone.now(),
        )
        audit.record(
            actor=actor,
            event_type=EventType.MASH_REFERRAL_RAISED,
            subject=case.id,
            payload={"referral": str(referral.id)},
        )
    return referral


def record_referral_outcome(
    *, actor, referral: MashReferral, version: int | None, outcome: str
) -> MashReferral:
    """The outcome of the MASH's assessment; `version` is the referral's version the named
    person started from (`versions.StaleEdit` if an outcome was recorded since)."""
    if not outcome.strip():
        raise ValidationError({"outcome": "Enter the assessment's outcome"})
    with transaction.atomic():
        versions.claim(referral, version=version, actor=actor)
        referral.outcome = outcome.strip()
        referral.outcome_recorded_by, referral.outcome_recorded_at = actor, timezone.now()
        referral.save(update_fields=["outcome", "outcome_recorded_by", "outcome_recorded_at"])
        audit.record(
            actor=actor,
            event_type=EventType.MASH_REFERRAL_OUTCOME_RECORDED,
            subject=referral.case_id,
            payload={"referral": str(referral.id)},
        )
    return referral
