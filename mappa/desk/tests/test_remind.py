"""`mappa remind overdue`: queue the overdue-review reminders, or send them at once."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.cases.tests.factories import create_overdue_cases

pytestmark = pytest.mark.django_db

SITE = "https://mappa.example.gov.uk"


@pytest.fixture
def site(settings):
    settings.MAPPA_SITE_URL = SITE
    return settings


@pytest.fixture
def overdue(demo):
    return create_overdue_cases(demo)


def test_the_remind_overdue_command_queues_the_task(
    demo, overdue, site, django_capture_on_commit_callbacks
):
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("remind", "overdue", stdout=out)
    # Tests use the immediate backend, so the queued task has already run.
    # Otherford's co-ordinator (coordinator.other) is told of its own overdue review too.
    assert "overdue reviews reminders sent: 4 recipients, 3 overdue reviews" in out.getvalue()
    assert len(mail.outbox) == 4


def test_the_remind_overdue_command_sends_at_once_with_now(
    demo, overdue, site, django_capture_on_commit_callbacks
):
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("remind", "overdue", "--now", stdout=out)
    assert "4 recipients" in out.getvalue() and len(mail.outbox) == 4


def test_the_command_refuses_to_send_without_the_sites_address(demo, overdue, settings):
    settings.MAPPA_SITE_URL = ""
    with pytest.raises(CommandError, match="MAPPA_SITE_URL"):
        call_command("remind", "overdue", stdout=StringIO())
    assert mail.outbox == []
    assert not AuditEvent.objects.filter(event_type=EventType.OVERDUE_REMINDERS_SENT).exists()
