"""Matching runs and their outcomes: upload, decisions, invitations (the background run is
`match_runs`).

An uploaded extract is checked whole before anything is written; a bad file is refused
with the file, row and column of each problem. The file then waits in
`MAPPA_MASH_UPLOAD_DIR` for the background task, which deletes it when it ends:
only the candidates are kept.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from mappa import versions
from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.linkage import files
from mappa.meetings.constants import MeetingStatus
from mappa.meetings.queries.meetings import live_invitations
from mappa.meetings.services import invitations
from mappa.safeguarding import rules, tasks
from mappa.safeguarding.constants import Decision, InvitationRoute
from mappa.safeguarding.models import Candidate, CaseList, MatchRun, SocialWorkerInvitation
from mappa.safeguarding.services.match_runs import upload_path


def start_matching(*, actor, case_list: CaseList, upload, threshold: float | None = None):
    """Check the uploaded extract, keep it for the task, and queue the matching."""
    data = b"".join(upload.chunks())
    name = Path(upload.name or "extract.csv").name
    try:
        extract = files.read_extract(data, name)
    except files.BadFile as error:
        raise ValidationError([str(problem) for problem in error.problems]) from error
    run_id = uuid.uuid4()
    path = upload_path(run_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    path.chmod(0o600)  # OFFICIAL-SENSITIVE: readable by the service alone
    try:
        with transaction.atomic():
            run = MatchRun.objects.create(
                id=run_id,
                case_list=case_list,
                started_by=actor,
                file_name=name,
                record_count=len(extract),
                threshold=settings.MAPPA_MASH_MATCH_THRESHOLD if threshold is None else threshold,
                queued_at=timezone.now(),
                stage="Waiting to start",
            )
            audit.record(
                actor=actor,
                event_type=EventType.MASH_MATCHING_STARTED,
                payload={
                    "run": str(run.id),
                    "case_list": str(case_list.id),
                    "records": len(extract),
                },
            )
            transaction.on_commit(lambda: tasks.match_extract.enqueue(str(run.id)))
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return run


def decide(
    *, actor, candidate: Candidate, version: int | None, decision: str, involvement: str = ""
) -> Candidate:
    """Confirm or reject a candidate; a confirmed one gets its social-care status.

    `version` is the candidate's version the named person started from: a decision made
    since by someone else is not overwritten (`versions.StaleEdit`).
    """
    if decision not in (Decision.CONFIRMED, Decision.REJECTED):
        raise ValidationError({"decision": "Say whether this is a match"})
    if decision == Decision.CONFIRMED and not involvement:
        involvement = rules.involvement_from_status(candidate.case_status)
    with transaction.atomic():
        versions.claim(candidate, version=version, actor=actor)
        candidate.decision = decision
        candidate.involvement = involvement if decision == Decision.CONFIRMED else ""
        candidate.decided_by, candidate.decided_at = actor, timezone.now()
        candidate.save(update_fields=["decision", "involvement", "decided_by", "decided_at"])
        audit.record(
            actor=actor,
            event_type=EventType.MASH_CANDIDATE_DECIDED,
            subject=candidate.entry.case_id,
            payload={
                "candidate": str(candidate.id),
                "decision": decision,
                "involvement": candidate.involvement,
            },
        )
    return candidate


def invite_worker(
    *, actor, candidate: Candidate, worker_name: str, manager_name: str = "", user=None
) -> SocialWorkerInvitation:
    """Invite the allocated social worker (and manager) to the meeting, with case access.

    Through the meetings feature while the meeting is planned: the person's account if they
    have one, otherwise the named person's own agency (children's social care). Otherwise
    the invitation is recorded for the co-ordinator to arrange.
    """
    if candidate.decision != Decision.CONFIRMED or not rules.needs_worker_invitation(
        candidate.involvement
    ):
        raise ValidationError("Only a confirmed open case needs its social worker invited")
    if not worker_name.strip():
        raise ValidationError({"worker_name": "Enter the allocated social worker's name"})
    entry = candidate.entry
    item = entry.agenda_item
    with transaction.atomic():
        invitation = None
        if item is not None and item.meeting.status == MeetingStatus.PLANNED:
            invitation = _meeting_invitation(actor, item, user)
        record = SocialWorkerInvitation.objects.create(
            candidate=candidate,
            worker_name=worker_name.strip(),
            manager_name=manager_name.strip(),
            route=InvitationRoute.MEETING if invitation else InvitationRoute.RECORDED,
            invitation=invitation,
            recorded_by=actor,
            recorded_at=timezone.now(),
        )
        audit.record(
            actor=actor,
            event_type=EventType.MASH_WORKER_INVITED,
            subject=entry.case_id,
            payload={
                "candidate": str(candidate.id),
                "route": record.route,
                "invitation": str(invitation.id) if invitation else None,
            },
        )
    return record


def _meeting_invitation(actor, item, user):
    if user is None:
        existing = live_invitations(item).filter(invitee_agency=actor.agency).first()
        if existing is not None:
            return existing
        return invitations.invite(actor=actor, item=item, agency=actor.agency)
    existing = live_invitations(item).filter(invitee_user=user).first()
    return existing or invitations.invite(actor=actor, item=item, user=user)
