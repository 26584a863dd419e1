"""Matching runs and their outcomes: upload, background matching, decisions, invitations.

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
from mappa.linkage import engine, files
from mappa.meetings import invitations
from mappa.meetings.constants import MeetingStatus
from mappa.safeguarding import rules
from mappa.safeguarding.constants import Decision, InvitationRoute, RunStatus
from mappa.safeguarding.models import Candidate, CaseList, MatchRun, SocialWorkerInvitation


def upload_path(run_id) -> Path:
    return Path(settings.MAPPA_MASH_UPLOAD_DIR) / f"{run_id}.csv"


def start_matching(*, actor, case_list: CaseList, upload, threshold: float | None = None):
    """Check the uploaded extract, keep it for the task, and queue the matching."""
    from mappa.safeguarding import tasks

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


def case_table(case_list: CaseList) -> tuple[files.Table, dict[str, list[dict]]]:
    from mappa.safeguarding.services import case_list_rows

    rows = case_list_rows(case_list)
    columns = {column: [row[column] or None for row in rows] for column in files.CASE_LIST_REQUIRED}
    columns["aliases"] = [row["aliases"] or None for row in rows]
    for column in ("address_line_2", "town"):
        columns[column] = [row[column] or None for row in rows]
    more = {str(entry.case_id): entry.other_addresses for entry in case_list.entries.all()}
    return files.Table(name="case list", columns=columns), more


def _progress(run: MatchRun):
    def report(stage: str, percent: int) -> None:
        MatchRun.objects.filter(pk=run.pk).update(
            stage=stage, percent=percent, status=RunStatus.RUNNING
        )

    return report


def run_matching(*, run: MatchRun) -> MatchRun:
    """The task's work: match, keep the candidates, delete the file. Audited either way."""
    path = upload_path(run.id)
    try:
        extract = files.read_extract(path, run.file_name)
        cases, more = case_table(run.case_list)
        found = engine.match(
            cases,
            extract,
            engine.Options(
                threshold=run.threshold,
                memory_limit=settings.MAPPA_MASH_MEMORY_LIMIT,
                more_addresses=more,
            ),
            progress=_progress(run),
        )
        with transaction.atomic():
            _keep(run, found, extract)
            _finish(run, RunStatus.FINISHED, len(found))
    except Exception as error:  # a failed run is recorded, never left "matching"
        with transaction.atomic():
            run.error = f"The matching could not finish: {error}"
            _finish(run, RunStatus.FAILED, 0)
    finally:
        path.unlink(missing_ok=True)
    return run


def _finish(run: MatchRun, status: str, count: int) -> None:
    run.status, run.finished_at = status, timezone.now()
    run.percent = 100 if status == RunStatus.FINISHED else run.percent
    run.stage = "Finished" if status == RunStatus.FINISHED else "Failed"
    run.save(update_fields=["status", "finished_at", "percent", "stage", "error"])
    audit.record(
        actor=run.started_by,
        event_type=EventType.MASH_MATCHING_FINISHED,
        payload={"run": str(run.id), "status": status, "candidates": count},
    )


def _record_details(extract: files.Table, wanted: set[str]) -> dict[str, dict]:
    return {row["record_id"]: row for row in extract.rows() if row["record_id"] in wanted}


def _keep(run: MatchRun, found, extract: files.Table) -> None:
    entries = {str(entry.case_id): entry for entry in run.case_list.entries.all()}
    details = _record_details(extract, {candidate.record_id for candidate in found})
    rows = []
    for candidate in found:
        record = details[candidate.record_id]
        address = [record.get(k) for k in ("address_line_1", "address_line_2", "town", "postcode")]
        rows.append(
            Candidate(
                run=run,
                entry=entries[candidate.case_id],
                record_id=candidate.record_id,
                kind=candidate.match_kind,
                probability=round(candidate.match_probability, 4),
                forenames=record.get("forenames") or "",
                surname=record.get("surname") or "",
                date_of_birth=record.get("date_of_birth") or "",
                address=", ".join(part for part in address if part),
                case_status=candidate.case_status,
                allocated_worker=candidate.allocated_worker,
                fields=[[name, how, verdict] for name, (how, verdict) in candidate.fields.items()],
            )
        )
    Candidate.objects.bulk_create(rows)


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
    from mappa.meetings.queries import live_invitations

    if user is None:
        existing = live_invitations(item).filter(invitee_agency=actor.agency).first()
        if existing is not None:
            return existing
        return invitations.invite(actor=actor, item=item, agency=actor.agency)
    existing = live_invitations(item).filter(invitee_user=user).first()
    return existing or invitations.invite(actor=actor, item=item, user=user)
