"""Which routes show case content, and how the read-audit walk opens each of them.

Every named route in the URL table is in exactly one of three tables:

- `READS`: the route shows case content. The walk opens it, as a persona who may, with the
  records of `tests/read_audit_world.py`, and expects a 200 and a read event for its subject.
- `POST_ONLY`: the route changes something and shows no page of its own; the walk expects a
  GET to answer 405.
- `NO_CASE_CONTENT`: the route shows no case content, or is a list, with the reason.

A route in none of them fails `tests/test_read_audit.py`, so a new page cannot forget.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Max
from django.urls import reverse

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent

Build = Callable[[object], dict]


@dataclass(frozen=True)
class Read:
    """How to open a case-content route: as whom, with which URL arguments, and what was read."""

    persona: str
    kwargs: Build
    subject: Callable[[object], object]
    query: Callable[[object], str] = field(default=lambda w: "")
    # The MASH pages record their reads as mash.record_read, naming the MASH record read.
    event: str = EventType.CASE_CONTENT_READ


def read_problem(response, *, since: int, read: Read, subject) -> str | None:
    """What is wrong with one opening of a case-content route, or None.

    `since` is the last audit sequence number before the request.
    """
    if response.status_code != 200:
        return f"answered {response.status_code}, not 200"
    events = AuditEvent.objects.filter(sequence__gt=since, event_type=read.event)
    if read.event == EventType.MASH_RECORD_READ:
        found = events.filter(payload__record=str(subject))
    else:
        found = events.filter(subject=subject)
    if not found.exists():
        return f"wrote no {read.event} event for {subject}"
    return None


def walk(reads: dict[str, Read], world, client_for: Callable[[str, bool], object]) -> list[str]:
    """Open every route of `reads` and say, for each, what is wrong with its read audit.

    `client_for(persona, api)` gives a client signed in as the persona (by token for the API).
    """
    problems = []
    for name, read in reads.items():
        url = reverse(name, kwargs=read.kwargs(world)) + read.query(world)
        since = AuditEvent.objects.aggregate(last=Max("sequence"))["last"] or 0
        response = client_for(read.persona, name.startswith("api-")).get(url)
        problem = read_problem(response, since=since, read=read, subject=read.subject(world))
        if problem:
            problems.append(f"{url} ({name}, as {read.persona}) {problem}")
    return problems


def _case(w) -> dict:
    return {"case_id": w.case.id}


def _transfer(w) -> dict:
    return {"transfer_id": w.transfer.id}


def _meeting(w) -> dict:
    return {"meeting_id": w.meeting.id}


def _information_request(w) -> dict:
    return {"request_id": w.information_request.id}


def _draft_item(w) -> dict:
    return {"meeting_id": w.draft_meeting.id, "item_id": w.draft_item.id}


def _application(attribute: str) -> Build:
    return lambda w: {"application_id": getattr(w, attribute).id}


def _marac_item(w) -> dict:
    return {"case_id": w.marac_case.id, "item_id": w.marac_item.id}


MASH = EventType.MASH_RECORD_READ


def _custody_screening(w):
    """A pre-release screening of the world's person, made the first time a route needs it."""
    from django.utils import timezone

    from mappa.custody.models import Screening

    found, _ = Screening.objects.get_or_create(
        nominal=w.nominal,
        custody_started_on=w.nominal.custody_periods.first().started_on,
        defaults={
            "category": 1,
            "proposed_level": 2,
            "rationale": "Read audit",
            "made_by": w.users["prison.pom"],
            "made_at": timezone.now(),
        },
    )
    return {"screening_id": found.id}


def _person(w) -> dict:
    return {"nominal_id": w.nominal.id}


READS: dict[str, Read] = {
    # The register
    "person": Read("coordinator", lambda w: {"nominal_id": w.nominal.id}, lambda w: w.nominal.id),
    "edit-person": Read(
        "coordinator",
        lambda w: {"nominal_id": w.nominal.id, "section_name": "custody"},
        lambda w: w.nominal.id,
    ),
    "remove-from-record": Read(
        "coordinator",
        lambda w: {"nominal_id": w.nominal.id, "section_name": "alias", "item_id": w.alias.pk},
        lambda w: w.nominal.id,
    ),
    "api-nominal": Read(
        "coordinator", lambda w: {"nominal_id": w.nominal.id}, lambda w: w.nominal.id
    ),
    "held-additions": Read("coordinator", lambda w: {}, lambda w: w.held.id),
    "held-addition": Read("coordinator", lambda w: {"held_id": w.held.id}, lambda w: w.held.id),
    # The case
    "case": Read("coordinator", _case, lambda w: w.case.id),
    "api-case": Read("coordinator", _case, lambda w: w.case.id),
    "grant-case-access": Read("coordinator", _case, lambda w: w.case.id),
    "revoke-case-access": Read(
        "coordinator", lambda w: {"case_id": w.case.id, "grant_id": w.grant.id}, lambda w: w.case.id
    ),
    "add-level-1-review": Read(
        "coordinator", lambda w: {"case_id": w.level_1.id}, lambda w: w.level_1.id
    ),
    "change-case-decision": Read("coordinator", _case, lambda w: w.case.id),
    "name-responsible-officer": Read("coordinator", _case, lambda w: w.case.id),
    "close-case": Read("coordinator", _case, lambda w: w.case.id),
    "decide-terrorism-management": Read("coordinator", _case, lambda w: w.case.id),
    "new-action": Read("coordinator", _case, lambda w: w.case.id),
    "action": Read("coordinator", lambda w: {"action_id": w.action.id}, lambda w: w.case.id),
    "api-action": Read("coordinator", lambda w: {"action_id": w.action.id}, lambda w: w.case.id),
    # Whereabouts unknown
    "report-whereabouts": Read(
        "coordinator", lambda w: {"case_id": w.level_1.id}, lambda w: w.level_1.id
    ),
    "whereabouts-report": Read(
        "coordinator", lambda w: {"report_id": w.whereabouts.id}, lambda w: w.case.id
    ),
    "whereabouts-search-action": Read(
        "coordinator", lambda w: {"report_id": w.whereabouts.id}, lambda w: w.case.id
    ),
    "end-whereabouts": Read(
        "coordinator", lambda w: {"report_id": w.whereabouts.id}, lambda w: w.case.id
    ),
    "api-case-whereabouts": Read("coordinator", _case, lambda w: w.case.id),
    "api-whereabouts-report": Read(
        "coordinator",
        lambda w: {"case_id": w.case.id, "report_id": w.whereabouts.id},
        lambda w: w.case.id,
    ),
    # Referrals
    "start-referral": Read(
        "coordinator",
        lambda w: {},
        lambda w: w.nominal.id,
        query=lambda w: f"?person={w.nominal.id}",
    ),
    "referral": Read(
        "coordinator",
        lambda w: {"referral_id": w.submitted_referral.id},
        lambda w: w.submitted_referral.id,
    ),
    "api-referral": Read(
        "coordinator",
        lambda w: {"referral_id": w.submitted_referral.id},
        lambda w: w.submitted_referral.id,
    ),
    "referral-section": Read(
        "coordinator",
        lambda w: {"referral_id": w.draft_referral.id, "key": "offender"},
        lambda w: w.draft_referral.id,
    ),
    "submit-referral": Read(
        "coordinator",
        lambda w: {"referral_id": w.draft_referral.id},
        lambda w: w.draft_referral.id,
    ),
    "screen-referral": Read(
        "coordinator",
        lambda w: {"referral_id": w.submitted_referral.id},
        lambda w: w.submitted_referral.id,
    ),
    # Risk
    "rosh-assessments": Read("coordinator", _case, lambda w: w.case.id),
    "rosh-assessment": Read(
        "coordinator",
        lambda w: {"case_id": w.case.id, "assessment_id": w.assessment.id},
        lambda w: w.case.id,
    ),
    "add-rosh-assessment": Read("coordinator", _case, lambda w: w.case.id),
    "risk-plan": Read("coordinator", _case, lambda w: w.case.id),
    "risk-plan-version": Read(
        "coordinator",
        lambda w: {"case_id": w.case.id, "version": w.plan.version},
        lambda w: w.case.id,
    ),
    "edit-risk-plan": Read("coordinator", _case, lambda w: w.case.id),
    "plan-entry-action": Read(
        "coordinator",
        lambda w: {"case_id": w.case.id, "entry_id": w.entry_in_plan.id},
        lambda w: w.case.id,
    ),
    "licence-conditions": Read("coordinator", _case, lambda w: w.case.id),
    "end-licence-condition": Read(
        "coordinator",
        lambda w: {"case_id": w.case.id, "condition_id": w.condition.id},
        lambda w: w.case.id,
    ),
    "choose-licence-condition": Read("coordinator", _case, lambda w: w.case.id),
    "add-licence-condition": Read(
        "coordinator", lambda w: {"case_id": w.case.id, "kind": "curfew"}, lambda w: w.case.id
    ),
    "api-rosh-assessments": Read("coordinator", _case, lambda w: w.case.id),
    "api-risk-plans": Read("coordinator", _case, lambda w: w.case.id),
    "api-licence-conditions": Read("coordinator", _case, lambda w: w.case.id),
    # Meetings, agendas and minutes
    "meeting": Read("coordinator", _meeting, lambda w: w.meeting.id),
    "api-meeting-agenda": Read("coordinator", _meeting, lambda w: w.meeting.id),
    "invite": Read(
        "coordinator",
        lambda w: {"meeting_id": w.meeting.id, "item_id": w.item.id},
        lambda w: w.case.id,
    ),
    "minutes": Read("coordinator", _meeting, lambda w: w.meeting.id),
    "api-meeting-minutes": Read("coordinator", _meeting, lambda w: w.meeting.id),
    "minutes-pdf": Read("coordinator", _meeting, lambda w: w.meeting.id),
    "minutes-circulation": Read("coordinator", _meeting, lambda w: w.meeting.id),
    "edit-case-minutes": Read("chair.police", _draft_item, lambda w: w.draft_meeting.id),
    "minutes-decision": Read("chair.police", _draft_item, lambda w: w.draft_meeting.id),
    "minutes-disclosure": Read("chair.police", _draft_item, lambda w: w.draft_meeting.id),
    "minutes-add-action": Read("chair.police", _draft_item, lambda w: w.draft_meeting.id),
    "request-minutes-share": Read(
        "probation.om",
        lambda w: {"meeting_id": w.meeting.id, "item_id": w.item.id},
        lambda w: w.meeting.id,
    ),
    "decide-minutes-share": Read(
        "chair.police",
        lambda w: {"meeting_id": w.meeting.id, "share_id": w.share.id},
        lambda w: w.meeting.id,
    ),
    # Disclosures
    "disclosure-decision": Read(
        "coordinator", lambda w: {"decision_id": w.decision.id}, lambda w: w.nominal.id
    ),
    "api-disclosure-decision": Read(
        "coordinator", lambda w: {"decision_id": w.decision.id}, lambda w: w.nominal.id
    ),
    "disclosure-made": Read(
        "disclosure.officer", lambda w: {"decision_id": w.decision.id}, lambda w: w.nominal.id
    ),
    "disclosure-new-decision": Read(
        "disclosure.officer", lambda w: {"nominal_id": w.nominal.id}, lambda w: w.nominal.id
    ),
    "disclosure-application": Read(
        "disclosure.officer", _application("application"), lambda w: w.application.id
    ),
    "api-disclosure-application": Read(
        "disclosure.officer", _application("application"), lambda w: w.application.id
    ),
    "disclosure-stage": Read(
        "disclosure.officer", _application("application"), lambda w: w.application.id
    ),
    "disclosure-decide": Read(
        "disclosure.officer", _application("deciding"), lambda w: w.deciding.id
    ),
    "disclosure-letter": Read(
        "disclosure.officer", _application("not_disclosing"), lambda w: w.not_disclosing.id
    ),
    "disclosure-letter-sent": Read(
        "disclosure.officer", _application("not_disclosing"), lambda w: w.not_disclosing.id
    ),
    # MARAC
    "marac-dash": Read("police.ppu", lambda w: {"dash_id": w.dash.id}, lambda w: w.dash.id),
    "api-marac-dash": Read("police.ppu", lambda w: {"dash_id": w.dash.id}, lambda w: w.dash.id),
    "marac-dash-section": Read(
        "police.ppu",
        lambda w: {"dash_id": w.draft_dash.id, "key": "victim"},
        lambda w: w.draft_dash.id,
    ),
    "marac-dash-children": Read(
        "police.ppu", lambda w: {"dash_id": w.draft_dash.id}, lambda w: w.draft_dash.id
    ),
    "marac-dash-complete": Read(
        "police.ppu", lambda w: {"dash_id": w.draft_dash.id}, lambda w: w.draft_dash.id
    ),
    "marac-case": Read(
        "marac.coordinator", lambda w: {"case_id": w.marac_case.id}, lambda w: w.marac_case.id
    ),
    "api-marac-case": Read(
        "marac.coordinator", lambda w: {"case_id": w.marac_case.id}, lambda w: w.marac_case.id
    ),
    "marac-victim": Read(
        "marac.coordinator", lambda w: {"victim_id": w.victim.id}, lambda w: w.victim.id
    ),
    "marac-meeting": Read(
        "marac.coordinator",
        lambda w: {"meeting_id": w.marac_meeting.id},
        lambda w: w.marac_meeting.id,
    ),
    "api-marac-meeting": Read(
        "marac.coordinator",
        lambda w: {"meeting_id": w.marac_meeting.id},
        lambda w: w.marac_meeting.id,
    ),
    "marac-research": Read(
        "housing.officer", lambda w: {"request_id": w.research.id}, lambda w: w.marac_case.id
    ),
    "marac-idva": Read(
        "marac.coordinator", lambda w: {"case_id": w.marac_case.id}, lambda w: w.marac_case.id
    ),
    "marac-safety-plan": Read(
        "marac.coordinator", lambda w: {"case_id": w.marac_case.id}, lambda w: w.marac_case.id
    ),
    "marac-new-action": Read(
        "marac.coordinator", lambda w: {"case_id": w.marac_case.id}, lambda w: w.marac_case.id
    ),
    "marac-share-fact": Read(
        "marac.coordinator", lambda w: {"case_id": w.marac_case.id}, lambda w: w.marac_case.id
    ),
    "marac-ask-research": Read("marac.coordinator", _marac_item, lambda w: w.marac_case.id),
    "marac-information": Read("marac.coordinator", _marac_item, lambda w: w.marac_case.id),
    "marac-action": Read(
        "housing.officer", lambda w: {"action_id": w.marac_action.id}, lambda w: w.marac_case.id
    ),
    "api-marac-action": Read(
        "housing.officer", lambda w: {"action_id": w.marac_action.id}, lambda w: w.marac_case.id
    ),
    # The MASH
    "mash-case-list": Read(
        "mash.manager",
        lambda w: {"case_list_id": w.case_list.id},
        lambda w: w.case_list.id,
        event=MASH,
    ),
    "api-mash-case-list": Read(
        "mash.manager",
        lambda w: {"case_list_id": w.case_list.id},
        lambda w: w.case_list.id,
        event=MASH,
    ),
    "mash-export": Read(
        "mash.manager",
        lambda w: {"case_list_id": w.case_list.id},
        lambda w: w.case_list.id,
        event=MASH,
    ),
    "mash-run": Read(
        "mash.manager", lambda w: {"run_id": w.run.id}, lambda w: w.run.id, event=MASH
    ),
    "mash-run-near": Read(
        "mash.manager", lambda w: {"run_id": w.run.id}, lambda w: w.run.id, event=MASH
    ),
    "mash-candidate": Read(
        "mash.manager",
        lambda w: {"candidate_id": w.candidate.id},
        lambda w: w.candidate.id,
        event=MASH,
    ),
    "mash-invite": Read(
        "mash.manager",
        lambda w: {"candidate_id": w.candidate.id},
        lambda w: w.candidate.id,
        event=MASH,
    ),
    "mash-entry": Read(
        "mash.manager", lambda w: {"entry_id": w.entry.id}, lambda w: w.entry.id, event=MASH
    ),
    "mash-summary": Read(
        "mash.manager", lambda w: {"entry_id": w.entry.id}, lambda w: w.entry.id, event=MASH
    ),
    "mash-outcome": Read(
        "mash.manager", lambda w: {"feedback_id": w.feedback.id}, lambda w: w.entry.id, event=MASH
    ),
    "mash-referral": Read(
        "mash.manager",
        lambda w: {"referral_id": w.mash_referral.id},
        lambda w: w.mash_referral.id,
        event=MASH,
    ),
    "mash-published": Read(
        "coordinator",
        lambda w: {"case_list_id": w.case_list.id},
        lambda w: w.case_list.id,
        event=MASH,
    ),
    "mash-feedback": Read(
        "coordinator",
        lambda w: {"case_list_id": w.case_list.id, "entry_id": w.entry.id},
        lambda w: w.entry.id,
        event=MASH,
    ),
    "mash-meeting-feedback": Read(
        "coordinator",
        lambda w: {"meeting_id": w.entry.meeting_id},
        lambda w: w.entry.meeting_id,
        event=MASH,
    ),
    "mash-refer": Read("coordinator", _case, lambda w: w.case.id),
    # The board's reviews and audits (they name no person, but show the case)
    "serious-case-review": Read(
        "coordinator", lambda w: {"review_id": w.review.id}, lambda w: w.case.id
    ),
    "serious-case-review-decision": Read(
        "smb.member", lambda w: {"review_id": w.review.id}, lambda w: w.case.id
    ),
    "serious-case-review-report": Read(
        "smb.member", lambda w: {"review_id": w.review.id}, lambda w: w.case.id
    ),
    "serious-case-review-add-action": Read(
        "smb.member", lambda w: {"review_id": w.review.id}, lambda w: w.case.id
    ),
    "serious-case-review-action": Read(
        "smb.member",
        lambda w: {"review_id": w.review.id, "action_id": w.review_action.id},
        lambda w: w.case.id,
    ),
    "notify-serious-further-offence": Read(
        "coordinator",
        lambda w: {},
        lambda w: w.waiting.id,
        query=lambda w: f"?case={w.waiting.id}&charged_on={w.charged_on.isoformat()}",
    ),
    "oversight-audit": Read(
        "chair.police", lambda w: {"audit_id": w.audit.id}, lambda w: w.case.id
    ),
    "information-request": Read("housing.officer", _information_request, lambda w: w.case.id),
    "decline-information-request": Read(
        "housing.officer", _information_request, lambda w: w.case.id
    ),
    "withdraw-information-request": Read("coordinator", _information_request, lambda w: w.case.id),
    "api-information-request": Read("housing.officer", _information_request, lambda w: w.case.id),
    "request-information": Read("coordinator", _case, lambda w: w.case.id),
    "request-information-before-review": Read("coordinator", _case, lambda w: w.case.id),
    "request-information-at-screening": Read(
        "coordinator", lambda w: {"referral_id": w.submitted_referral.id}, lambda w: w.case.id
    ),
    # Custody (docs/custody.md)
    "custody-person": Read("coordinator", _person, lambda w: w.nominal.id),
    "custody-record": Read("prison.pom", _person, lambda w: w.nominal.id),
    "custody-new-screening": Read("prison.pom", _person, lambda w: w.nominal.id),
    "custody-release": Read("prison.pom", _person, lambda w: w.nominal.id),
    "custody-return": Read("prison.pom", _person, lambda w: w.nominal.id),
    "custody-screening": Read("coordinator", _custody_screening, lambda w: w.nominal.id),
    "custody-edit-screening": Read("prison.pom", _custody_screening, lambda w: w.nominal.id),
    "custody-decide": Read("coordinator", _custody_screening, lambda w: w.nominal.id),
    "api-custody-screening": Read("coordinator", _custody_screening, lambda w: w.nominal.id),
    # Potentially dangerous persons (docs/pdp.md)
    "propose-pdp": Read(
        "police.ppu", lambda w: {"nominal_id": w.pdp_person.id}, lambda w: w.pdp_person.id
    ),
    "decide-pdp": Read(
        "police.ppu", lambda w: {"case_id": w.pdp_proposed.id}, lambda w: w.pdp_proposed.id
    ),
    "review-pdp": Read("police.ppu", lambda w: {"case_id": w.pdp.id}, lambda w: w.pdp.id),
    "move-pdp-into-mappa": Read("coordinator", lambda w: {"case_id": w.pdp.id}, lambda w: w.pdp.id),
    # Transfers between areas and temporary stays (docs/transfers.md)
    "request-transfer": Read("coordinator", _case, lambda w: w.case.id),
    "notify-stay": Read("coordinator", _case, lambda w: w.case.id),
    "area-transfers": Read("coordinator", lambda w: {}, lambda w: w.level_1.id),
    "transfer": Read("coordinator", _transfer, lambda w: w.level_1.id),
    "accept-transfer": Read("coordinator.other", _transfer, lambda w: w.level_1.id),
    "query-transfer": Read("coordinator.other", _transfer, lambda w: w.level_1.id),
    "withdraw-transfer": Read("coordinator", _transfer, lambda w: w.level_1.id),
    "answer-transfer-query": Read(
        "coordinator",
        lambda w: {"transfer_id": w.queried_transfer.id},
        lambda w: w.queried_case.id,
    ),
    "temporary-stay": Read(
        "coordinator.other", lambda w: {"stay_id": w.stay.id}, lambda w: w.case.id
    ),
    "api-case-transfers": Read("coordinator", _case, lambda w: w.case.id),
    "api-case-transfer": Read(
        "coordinator",
        lambda w: {"case_id": w.level_1.id, "transfer_id": w.transfer.id},
        lambda w: w.level_1.id,
    ),
    "change-stay": Read("coordinator", lambda w: {"stay_id": w.stay.id}, lambda w: w.case.id),
    "end-stay": Read("coordinator", lambda w: {"stay_id": w.stay.id}, lambda w: w.case.id),
    "api-case-stay": Read(
        "coordinator",
        lambda w: {"case_id": w.case.id, "stay_id": w.stay.id},
        lambda w: w.case.id,
    ),
}

# Routes that change something and redirect: no page of their own to read (a GET is a 405).
POST_ONLY = {
    "schedule-series",
    "cancel-meeting",
    "build-agenda",
    "remove-agenda-item",
    "withdraw-invitation",
    "record-invitee-attendance",
    "remove-attendance",
    "meeting-statement",
    "meeting-held",
    "start-minutes",
    "approve-minutes",
    "send-minutes-for-approval",
    "circulate-minutes",
    "record-minutes-shared",
    "withdraw-referral",
    "mash-complete",
    "mash-flag",
    "mash-end-designation",
    "mash-share-summary",
    "complete-serious-case-review",
    "approve-serious-case-review",
    "marac-start-dash",
    "marac-list-case",
    "marac-hear",
    "api-case-decisions",
    "api-case-officer",
    "api-case-closure",
    "api-answer-information-request",
    "api-decline-information-request",
    "api-withdraw-information-request",
    "whereabouts-urgent-meeting",
    "api-whereabouts-search-actions",
    "api-whereabouts-end",
    "api-pdp-proposal",
    "api-pdp-decision",
    "api-pdp-reviews",
    "api-pdp-mappa",
    "api-custody-decision",
    "api-custody-release",
    "api-custody-return",
    "api-accept-transfer",
    "api-query-transfer",
    "api-answer-transfer",
    "api-withdraw-transfer",
    "api-case-stays",
    "api-end-stay",
}

LIST = (
    "a list: it shows what the user's own work puts in front of them; "
    "each record opened from it records its read"
)
SEARCH = "a search of the register, audited as a search (register.searched) with its criteria"
AGGREGATES = "aggregate figures only, for the board and lay advisers (CJA 2003 s.326)"
NO_CASE = "shows no case content"
SIGNING_IN = "signing in and out, and the user's own account"
PUBLIC = "the public site"

NO_CASE_CONTENT: dict[str, str] = {
    "start": SIGNING_IN,
    "sign-in": SIGNING_IN,
    "second-factor": SIGNING_IN,
    "second-factor-setup": SIGNING_IN,
    "sign-out": SIGNING_IN,
    "signed-out": SIGNING_IN,
    "change-password": SIGNING_IN,
    "api-tokens": SIGNING_IN,
    "revoke-api-token": SIGNING_IN,
    "api-me": SIGNING_IN,
    "dashboard": LIST,
    "open-cases": f"{LIST}; each page is audited as a search (register.searched) with its filters",
    "audit-log": "the audit log search: each search is itself recorded (audit.log_searched)",
    "people": SEARCH,
    "api-nominals": SEARCH,
    "add-person": f"{NO_CASE}: an empty form for a new person",
    "person-passed": f"{NO_CASE}: says only that an addition was passed to the co-ordinators",
    "referrals": LIST,
    "api-referrals": LIST,
    "screening-queue": LIST,
    "custody-releases": LIST,
    "api-custody-releases": LIST,
    "api-custody-screenings": LIST,
    "meetings": LIST,
    "api-meetings": LIST,
    "api-cases": LIST,
    "api-incoming-transfers": LIST,
    "api-actions": LIST,
    "actions": LIST,
    "new-meeting": f"{NO_CASE}: an empty form for a new meeting",
    "new-meeting-series": f"{NO_CASE}: an empty form for a new series",
    "meeting-series": f"{NO_CASE}: the series' times, place, standing members and meetings",
    "series-standing-members": f"{NO_CASE}: the area's people to choose standing members from",
    "api-meeting": f"{NO_CASE}: the meeting's time, place and chairs, without its agenda",
    "meeting-details": f"{NO_CASE}: the meeting's time, place and chairs, without its agenda",
    "respond-to-invitation": f"{NO_CASE}: the invitee's meeting, venue and time slot",
    "attendance": f"{NO_CASE}: who attended, and the invitees' time slots",
    "add-urgent-item": f"{LIST} (the area's open cases to choose from)",
    "mash-home": LIST,
    "api-mash-case-lists": LIST,
    "mash-upload": f"{NO_CASE}: the upload form for a social-care extract",
    "mash-publish": f"{LIST} (the cases due at meetings, before publishing)",
    "mash-designate": f"{NO_CASE}: choosing a named person among the area's staff",
    "marac": LIST,
    "marac-queue": LIST,
    "marac-meetings": LIST,
    "api-marac-dashes": LIST,
    "api-marac-cases": LIST,
    "api-marac-meetings": LIST,
    "api-marac-actions": LIST,
    "marac-statistics": AGGREGATES,
    "marac-statistics-csv": AGGREGATES,
    "disclosures": LIST,
    "api-disclosure-decisions": LIST,
    "api-disclosure-applications": LIST,
    "disclosure-new-application": f"{NO_CASE}: an empty form for a new application",
    "disclosure-link": "no page: a GET goes back to the application's stage page, which records the read",
    "disclosure-agree": "no page: a GET goes back to the decision's page, which records the read",
    "oversight": AGGREGATES,
    "oversight-statistics": AGGREGATES,
    "oversight-statistics-csv": AGGREGATES,
    "oversight-statistics-pdf": AGGREGATES,
    "oversight-statistics-json": AGGREGATES,
    "oversight-indicators": AGGREGATES,
    "oversight-indicator": AGGREGATES,
    "oversight-indicator-csv": AGGREGATES,
    "oversight-audit-summary": AGGREGATES,
    "oversight-audits": LIST,
    "oversight-schedule-audit": f"{LIST} (the area's meetings and cases to audit, by reference)",
    "serious-case-reviews": LIST,
    "api-annual-statistics": AGGREGATES,
    "api-indicators": AGGREGATES,
    "api-indicator": AGGREGATES,
    "api-schema": "the API's OpenAPI schema",
    "public-index": PUBLIC,
    "public-what-is-mappa": PUBLIC,
    "public-categories-and-levels": PUBLIC,
    "public-management": PUBLIC,
    "public-victims": PUBLIC,
    "public-apply": PUBLIC,
    "public-emergency": PUBLIC,
    "public-apply-csods": PUBLIC,
    "public-apply-dvds": PUBLIC,
    "public-application-sent": PUBLIC,
    "moj-icon": "a static image",
    "information-requests": LIST,
    "api-information-requests": LIST,
}
