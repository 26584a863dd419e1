"""The background run of a matching: the uploaded extract matched against its case list,
the candidates kept, the file deleted, audited either way. Called by the task
(`mappa.safeguarding.tasks`); the extract waits in `MAPPA_MASH_UPLOAD_DIR` until then."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.linkage import engine, files
from mappa.safeguarding.constants import RunStatus
from mappa.safeguarding.models import Candidate, CaseList, MatchRun
from mappa.safeguarding.services.case_lists import case_list_rows


def upload_path(run_id) -> Path:
    return Path(settings.MAPPA_MASH_UPLOAD_DIR) / f"{run_id}.csv"


def case_table(case_list: CaseList) -> tuple[files.Table, dict[str, list[dict]]]:
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
        result = engine.run(
            cases,
            extract,
            engine.Options(
                threshold=run.threshold,
                memory_limit=settings.MAPPA_MASH_MEMORY_LIMIT,
                more_addresses=more,
                below=settings.MAPPA_MASH_NEAR_THRESHOLD,
            ),
            progress=_progress(run),
        )
        with transaction.atomic():
            # Kept: the candidates at or above the threshold, and those just below it for
            # the review near the threshold (queries.near_threshold).
            _keep(run, result.candidates, extract)
            _finish(run, RunStatus.FINISHED, len(result.reported), result.model.summary)
    except Exception as error:  # a failed run is recorded, never left "matching"
        with transaction.atomic():
            run.error = f"The matching could not finish: {error}"
            _finish(run, RunStatus.FAILED, 0)
    finally:
        path.unlink(missing_ok=True)
    return run


def _finish(run: MatchRun, status: str, count: int, model: str = "") -> None:
    run.status, run.finished_at = status, timezone.now()
    run.percent = 100 if status == RunStatus.FINISHED else run.percent
    run.stage = "Finished" if status == RunStatus.FINISHED else "Failed"
    run.save(update_fields=["status", "finished_at", "percent", "stage", "error"])
    audit.record(
        actor=run.started_by,
        event_type=EventType.MASH_MATCHING_FINISHED,
        payload={"run": str(run.id), "status": status, "candidates": count, "model": model},
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
