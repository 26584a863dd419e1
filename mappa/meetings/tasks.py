"""Background tasks for meetings (django-tasks; the database backend in production)."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from mappa.meetings.services import circulation


@task()
def send_overdue_minutes_reminders() -> dict[str, int]:
    """E-mail chairs and co-ordinators a count of minutes not circulated in time (link only)."""
    return circulation.send_overdue_minutes_reminders(actor=None, today=timezone.localdate())
