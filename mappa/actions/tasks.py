"""Background tasks for actions (django-tasks; the database backend in production)."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from mappa.actions import reminders


@task()
def send_overdue_action_reminders() -> dict[str, int]:
    """The weekly overdue-action e-mails; returns how many recipients and overdue actions."""
    return reminders.send_overdue_action_reminders(actor=None, today=timezone.localdate())
