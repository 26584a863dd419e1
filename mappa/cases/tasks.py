"""Background tasks for MAPPA cases (django-tasks; the database backend in production)."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from mappa.cases import reminders


@task()
def send_overdue_reminders() -> dict[str, int]:
    """The weekly overdue-review e-mails; returns how many recipients and overdue cases."""
    return reminders.send_overdue_reminders(actor=None, today=timezone.localdate())
