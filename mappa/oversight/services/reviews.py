"""Serious case reviews (MAPPA Guidance ch.20): the notification of a serious further offence
charged against a MAPPA offender, the board's decision whether to review and its remit, the
review under the MAPPA O headings with its action plan, and the board's approval of wider
circulation. Every change is the board's (oversee) and is audited against the case.

E-mail leaves the secure system, so the notification carries a link and nothing else.
"""

from __future__ import annotations

from datetime import date
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import get_connection, send_mail
from django.db import transaction
from django.utils import timezone

from mappa import versions
from mappa.agencies import permissions
from mappa.agencies.constants import Role
from mappa.agencies.models import User
from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.kit import links
from mappa.oversight import queries, rules
from mappa.oversight.constants import REPORT_SECTIONS, PlanStatus, ReviewStatus
from mappa.oversight.models import ReviewAction, SeriousCaseReview
from mappa.oversight.services.audits import require
from mappa.oversight.statistics import annual

SUBJECT = "MAPPA serious further offence notification"
BODY = """A serious further offence by a MAPPA offender has been notified to the Strategic \
Management Board.

Sign in to read the notification: {link}

{marking}. This message does not contain any case details. Do not reply to it.
"""


def notification_recipients(area) -> list[User]:
    """The SMB chair and the co-ordinator: every active board member and co-ordinator of the area."""
    return list(
        User.objects.filter(
            area=area, role__in=(Role.SMB_MEMBER, Role.COORDINATOR), is_active=True
        ).order_by("username")
    )


def notify_serious_further_offence(
    *, actor, case, charged_on: date, offence: str, circumstances: str
) -> SeriousCaseReview:
    """Notify the board of a charge against a MAPPA offender (the SCR notification)."""
    require(actor, permissions.OVERSEE)
    area = queries.area_of(actor)
    problems = {}
    if case.nominal.area_id != area.id:
        problems["case"] = "The case must be in your area"
    if not offence.strip():
        problems["offence"] = "Enter the offence charged"
    if not circumstances.strip():
        problems["circumstances"] = "Describe the circumstances and how MAPPA managed the case"
    if charged_on > timezone.localdate():
        problems["charged_on"] = "The date of the charge must be today or in the past"
    if SeriousCaseReview.objects.filter(case=case, charged_on=charged_on).exists():
        problems["charged_on"] = "The board has already been notified of this charge"
    if problems:
        raise ValidationError(problems)
    facts = annual.case_facts(case, None)
    links.require_site("send e-mails")  # refuse now, not after committing
    people = notification_recipients(area)
    with transaction.atomic():
        review = SeriousCaseReview.objects.create(
            area=area,
            case=case,
            charged_on=charged_on,
            offence=offence.strip(),
            category=case.category,
            level=rules.level_on(facts, charged_on),
            lead_agency=case.lead_agency,
            circumstances=circumstances.strip(),
            notification_due_on=rules.notification_due(
                charged_on=charged_on, days=settings.MAPPA_SCR_NOTIFICATION_DAYS
            ),
            notified_by=actor,
            notified_at=timezone.now(),
        )
        review.notified_to.set(people)
        audit.record(
            actor=actor,
            event_type=EventType.SCR_NOTIFIED,
            subject=case.id,
            payload={
                "review": str(review.id),
                "charged_on": charged_on.isoformat(),
                "recipients": len(people),
            },
        )
        addresses = [user.email for user in people if user.email]
        review_link = links.page("serious-case-review", review_id=review.id)
        transaction.on_commit(partial(_send, addresses, review_link))
    return review


def _send(addresses: list[str], link: str) -> None:
    body = BODY.format(link=link, marking=settings.MAPPA_PROTECTIVE_MARKING)
    with get_connection() as connection:
        for address in addresses:
            send_mail(SUBJECT, body, settings.DEFAULT_FROM_EMAIL, [address], connection=connection)


def _board_change(actor, review: SeriousCaseReview, allowed: tuple[str, ...]) -> None:
    require(actor, permissions.OVERSEE)
    if review.area_id != actor.area_id:
        raise ValidationError("This review is not in your area")
    if review.status not in allowed:
        raise ValidationError(
            f"Not possible now: the review is {review.get_status_display().lower()}"
        )


def _record(actor, review: SeriousCaseReview, event_type: EventType, **payload) -> None:
    audit.record(
        actor=actor,
        event_type=event_type,
        subject=review.case_id,
        payload={"review": str(review.id), **payload},
    )


def decide(
    *,
    actor,
    review: SeriousCaseReview,
    hold_review: bool,
    decided_on: date,
    reasons: str,
    remit: str = "",
    reviewer: str = "",
    lay_adviser: User | None = None,
    report_due_on: date | None = None,
) -> SeriousCaseReview:
    """The board decides whether to hold a review; if so, its remit, author and lay adviser."""
    _board_change(actor, review, (ReviewStatus.NOTIFIED,))
    problems = {}
    if not reasons.strip():
        problems["reasons"] = "Give the board's reasons"
    if decided_on < review.charged_on or decided_on > timezone.localdate():
        problems["decided_on"] = "The decision date must be between the charge and today"
    if hold_review:
        if not remit.strip():
            problems["remit"] = "Set out the review's remit"
        if not reviewer.strip():
            problems["reviewer"] = "Name who will write the review"
        if lay_adviser is None or lay_adviser.role != Role.LAY_ADVISER:
            problems["lay_adviser"] = "Choose the lay adviser involved in the review"
        elif lay_adviser.area_id != review.area_id:
            problems["lay_adviser"] = "Choose a lay adviser of your area"
        if report_due_on is None or report_due_on < decided_on:
            problems["report_due_on"] = "Enter when the report is due, after the decision"
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        review.status = ReviewStatus.IN_PROGRESS if hold_review else ReviewStatus.NOT_HELD
        review.decided_on, review.decided_by = decided_on, actor
        review.decision_reasons = reasons.strip()
        review.remit = remit.strip() if hold_review else ""
        review.reviewer = reviewer.strip() if hold_review else ""
        review.lay_adviser = lay_adviser if hold_review else None
        review.report_due_on = report_due_on if hold_review else None
        review.save()
        _record(actor, review, EventType.SCR_DECIDED, hold_review=hold_review)
    return review


def save_report(
    *, actor, review: SeriousCaseReview, version: int | None, sections: dict[str, str]
) -> SeriousCaseReview:
    """Write the review's report under the MAPPA O headings.

    `version` is the review's version the writer started from: a report saved since is not
    overwritten (`versions.StaleEdit`).
    """
    _board_change(actor, review, (ReviewStatus.IN_PROGRESS,))
    changed = []
    for name, text in sections.items():
        if name not in REPORT_SECTIONS:
            raise ValidationError(f"{name} is not a section of the review")
        if getattr(review, name) != text.strip():
            setattr(review, name, text.strip())
            changed.append(name)
    with transaction.atomic():
        versions.claim(review, version=version, actor=actor)
        review.save(update_fields=changed or None)
        _record(actor, review, EventType.SCR_REPORT_SAVED, fields=changed)
    return review


def save_action(
    *,
    actor,
    review: SeriousCaseReview,
    action: str,
    owner: str,
    due_on: date,
    status: str = PlanStatus.OPEN,
    completed_on: date | None = None,
    existing: ReviewAction | None = None,
    version: int | None = None,
) -> ReviewAction:
    """Add or update an action of the review's action plan: how, by whom, by when, and status.

    Updating an `existing` action needs the `version` its editor started from: an action
    changed since is not overwritten (`versions.StaleEdit`).
    """
    _board_change(actor, review, (ReviewStatus.IN_PROGRESS, ReviewStatus.COMPLETED))
    problems = {}
    if not action.strip():
        problems["action"] = "Say what will be done"
    if not owner.strip():
        problems["owner"] = "Say who will do it: grade, rank or role, and agency"
    if status == PlanStatus.COMPLETED and completed_on is None:
        problems["completed_on"] = "Enter when the action was completed"
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        if existing is not None:
            versions.claim(existing, version=version, actor=actor)
        item = existing or ReviewAction(review=review)
        item.action, item.owner, item.due_on = action.strip(), owner.strip(), due_on
        item.status = status
        item.completed_on = completed_on if status == PlanStatus.COMPLETED else None
        item.save()
        _record(actor, review, EventType.SCR_ACTION_SAVED, action=str(item.id), status=status)
    return item


def complete(*, actor, review: SeriousCaseReview, completed_on: date) -> SeriousCaseReview:
    """The board accepts the finished report: every MAPPA O section written, an action plan."""
    _board_change(actor, review, (ReviewStatus.IN_PROGRESS,))
    missing = [label for name, label in REPORT_SECTIONS.items() if not getattr(review, name)]
    if missing:
        raise ValidationError(f"Write every section of the report first: {'; '.join(missing)}")
    if not review.action_plan.exists():
        raise ValidationError("Add the action plan before completing the review")
    with transaction.atomic():
        review.status, review.completed_on = ReviewStatus.COMPLETED, completed_on
        review.save(update_fields=["status", "completed_on"])
        _record(actor, review, EventType.SCR_COMPLETED)
    return review


def approve_circulation(
    *, actor, review: SeriousCaseReview, approved_for: str, approved_on: date
) -> SeriousCaseReview:
    """The board approves circulation beyond the board (MAPPA O: never without its approval)."""
    _board_change(actor, review, (ReviewStatus.COMPLETED,))
    if not approved_for.strip():
        raise ValidationError({"approved_for": "Say who the review may be circulated to"})
    with transaction.atomic():
        review.approved_on, review.approved_by = approved_on, actor
        review.approved_for = approved_for.strip()
        review.save(update_fields=["approved_on", "approved_by", "approved_for"])
        _record(actor, review, EventType.SCR_APPROVED)
    return review
