"""Background tasks of the MASH link (django-tasks; the database backend in production)."""

from __future__ import annotations

from django_tasks import task

from mappa.safeguarding.models import MatchRun
from mappa.safeguarding.services import match_runs


@task()
def match_extract(run_id: str) -> str:
    """Match an uploaded social-care extract against its case list; returns the run's status."""
    run = MatchRun.objects.select_related("case_list", "started_by").get(pk=run_id)
    return match_runs.run_matching(run=run).status
