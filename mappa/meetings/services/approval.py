"""The chair approves the minutes: every case discussed has its level decision and disclosure
decision, the meeting was held with the statement read; then, in one transaction, each
decision is applied to its case (level history, next review or closure) and the RoSH assessment
and plan version the minutes refer to are fixed.

Before that, the minute-taker sends the finished draft to the chair: a link-only e-mail to the
chair and co-chair, recorded on the minutes and shown on the chair's dashboard.
"""

from __future__ import annotations

from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import get_connection, send_mail
from django.db import transaction
from django.utils import timezone

from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.cases import services as cases
from mappa.cases.constants import DecisionSource
from mappa.disclosures.services import decisions as disclosures
from mappa.meetings import rules
from mappa.meetings.constants import MeetingStatus
from mappa.meetings.models.minutes import CaseMinutes, Minutes
from mappa.meetings.queries.minutes import is_chair, risk_at_meeting, writes_minutes
from mappa.meetings.services.circulation import minutes_link

SUBJECT = "MAPPA minutes to approve"
BODY = """Draft minutes of a MAPPA meeting you chair are ready for you to approve.

Sign in to read and approve them: {link}

{marking}. This message does not contain any case details. Do not reply to it.
"""


def _recheck(case_minutes: CaseMinutes, meeting) -> tuple[str, ...]:
    """A recorded decision checked again against the case as it is now."""
    if not case_minutes.level_decision:
        return ()
    case = case_minutes.agenda_item.case
    requested = case_minutes.new_level
    if case_minutes.level_decision == rules.STAYS:
        requested = None
    if case.closed_on is not None:
        return ("the case has been closed since the meeting",)
    problems = rules.decision_problems(
        decision=case_minutes.level_decision,
        current_level=case.level,
        new_level=requested,
        category=case.category,
        rationale=case_minutes.decision_rationale,
        closure_reason=case_minutes.closure_reason,
        next_review_on=case_minutes.next_review_on,
        meeting_date=meeting.date,
        interval_weeks=settings.MAPPA_REVIEW_INTERVAL_WEEKS,
    )
    return tuple(problems.values())


def _items(minutes: Minutes) -> list[CaseMinutes]:
    return list(
        minutes.items.select_related(
            "agenda_item__case__nominal", "agenda_item__meeting", "disclosure"
        )
    )


def approval_problems(
    *, actor, meeting, items: list[CaseMinutes], as_chair: bool = False
) -> list[str]:
    """What stops the actor approving the minutes; with `as_chair`, what would stop the chair."""
    states = [
        rules.ItemState(
            name=cm.agenda_item.case.nominal.full_name,
            discussed=cm.discussed,
            not_discussed_reason=cm.not_discussed_reason,
            # A potentially dangerous person has no level to decide (docs/pdp.md).
            has_decision=bool(cm.level_decision) or cm.agenda_item.case.is_pdp,
            has_disclosure=cm.disclosure_id is not None,
            decision_problems=_recheck(cm, meeting) if cm.discussed else (),
        )
        for cm in items
    ]
    return rules.approval_problems(
        status=meeting.status,
        statement_read=meeting.statement_read,
        by_chair=as_chair or is_chair(actor, meeting),
        items=states,
    )


def _rationale(case_minutes: CaseMinutes) -> str:
    text = case_minutes.decision_rationale
    if case_minutes.dissent:
        text += f"\nDissent recorded: {case_minutes.dissent}"
    return text


def _apply(*, actor, meeting, case_minutes: CaseMinutes) -> None:
    """Apply one case's decision: level history (or closure) and the next review date."""
    case = case_minutes.agenda_item.case
    if case.is_pdp:  # no level: its review is the police's, on the case page (docs/pdp.md)
        return
    if case_minutes.level_decision == rules.LEAVES:
        cases.close_case(
            actor=actor,
            case=case,
            reason=case_minutes.closure_reason,
            explanation=_rationale(case_minutes),
            closed_on=meeting.date,
        )
    else:
        cases.change_level(
            actor=actor,
            case=case,
            level=case_minutes.new_level,
            source=DecisionSource.MEETING,
            rationale=_rationale(case_minutes),
            decided_on=meeting.date,
            next_review_due=case_minutes.next_review_on,
        )


def approve_minutes(*, actor, meeting) -> Minutes:
    """The chair (or co-chair) approves the minutes; the meeting's decisions take effect."""
    minutes = meeting.minutes
    items = _items(minutes)
    problems = approval_problems(actor=actor, meeting=meeting, items=items)
    if problems:
        raise ValidationError(problems)
    now = timezone.now()
    with transaction.atomic():
        applied = 0
        for case_minutes in items:
            if not case_minutes.discussed:
                continue
            assessment, plan = risk_at_meeting(case_minutes)
            _apply(actor=actor, meeting=meeting, case_minutes=case_minutes)
            case_minutes.rosh_assessment, case_minutes.risk_plan = assessment, plan
            case_minutes.decision_applied_at = now
            case_minutes.save(update_fields=["rosh_assessment", "risk_plan", "decision_applied_at"])
            applied += 1
        disclosures.agree_as_approving_chair(
            actor=actor,
            decisions=[cm.disclosure for cm in items if cm.discussed and cm.disclosure_id],
        )
        minutes.approved_by, minutes.approved_at = actor, now
        minutes.save(update_fields=["approved_by", "approved_at"])
        meeting.status = MeetingStatus.MINUTES_APPROVED
        meeting.save(update_fields=["status"])
        audit.record(
            actor=actor,
            event_type=EventType.MINUTES_APPROVED,
            payload={"meeting": str(meeting.id), "items": len(items), "decisions_applied": applied},
        )
    return minutes


def chairs_to_tell(meeting) -> list:
    """The meeting's chair and co-chair with active accounts and an e-mail address."""
    chairs = {meeting.chair, meeting.co_chair} - {None}
    return sorted((u for u in chairs if u.is_active and u.email), key=lambda u: u.username)


def send_for_approval(*, actor, meeting) -> Minutes:
    """The minute-taker sends the finished draft to the chair and co-chair to approve.

    Refused, naming what is missing, while the chair could not approve the minutes as they
    are; sending again (after the chair asked for a change) records the later time.
    """
    if not writes_minutes(actor, meeting):
        raise ValidationError("Only the area's chairs and co-ordinators write minutes")
    minutes = meeting.minutes
    problems = approval_problems(actor=actor, meeting=meeting, items=_items(minutes), as_chair=True)
    if problems:
        raise ValidationError(problems)
    chairs = chairs_to_tell(meeting)
    if not chairs:
        raise ValidationError(
            "Neither the chair nor the co-chair of this meeting has an account with an e-mail "
            "address: link their accounts on the meeting's details to send the minutes to them"
        )
    link = minutes_link(meeting)  # refuse now, not after committing, if links cannot be made
    with transaction.atomic():
        minutes.sent_for_approval_by, minutes.sent_for_approval_at = actor, timezone.now()
        minutes.save(update_fields=["sent_for_approval_by", "sent_for_approval_at"])
        audit.record(
            actor=actor,
            event_type=EventType.MINUTES_SENT_FOR_APPROVAL,
            payload={"meeting": str(meeting.id), "chairs": [str(u.pk) for u in chairs]},
        )
        transaction.on_commit(partial(_send, [u.email for u in chairs], link))
    return minutes


def _send(addresses: list[str], link: str) -> None:
    body = BODY.format(link=link, marking=settings.MAPPA_PROTECTIVE_MARKING)
    with get_connection() as connection:
        for address in addresses:
            send_mail(SUBJECT, body, settings.DEFAULT_FROM_EMAIL, [address], connection=connection)
