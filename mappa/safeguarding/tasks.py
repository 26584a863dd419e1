"""Background tasks of the MASH link (django-tasks; the database backend in production)."""

from __future__ import annotations

from django_tasks import task

from mappa.safeguarding import matching
from mappa.safeguarding.models import MatchRun


@task()
def match_extract(run_id: str) -> str:
    """Match an uploaded social-care extract against its case list; returns the run's status."""
    run = MatchRun.objects.select_related("case_list", "started_by").get(pk=run_id)
    return matching.run_matching(run=run).status
