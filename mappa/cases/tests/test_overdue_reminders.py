"""The weekly overdue-review e-mail: one message per person, a count and a link, no case details."""

from __future__ import annotations

import pytest
from django.core import mail
from django_tasks import TaskResultStatus

from mappa.agencies.constants import Role
from mappa.agencies.models import Area
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.cases import tasks
from mappa.cases.tests.factories import create_case, create_overdue_cases
from tests.factories import create_agency, create_user

pytestmark = pytest.mark.django_db

SITE = "https://mappa.example.gov.uk"


@pytest.fixture
def site(settings):
    settings.MAPPA_SITE_URL = SITE
    return settings


def coordinator_in(area_code: str, **overrides):
    agency = create_agency(area=Area.objects.get(code=area_code))
    fields = {
        "role": Role.COORDINATOR,
        "agency": agency,
        "email": f"{area_code}.coord@example.gov.uk",
    }
    return create_user(**fields | overrides)


@pytest.fixture
def overdue(demo):
    return create_overdue_cases(demo)


def run(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        result = tasks.send_overdue_reminders.enqueue()
    assert result.status == TaskResultStatus.SUCCESSFUL, result.errors
    return result


def sent() -> dict[str, str]:
    assert all(len(message.to) == 1 for message in mail.outbox)
    return {message.to[0]: message.body for message in mail.outbox}


def test_each_recipient_gets_one_email_counting_their_overdue_reviews(
    demo, overdue, site, django_capture_on_commit_callbacks
):
    other_coordinator = coordinator_in("OTHER")
    run(django_capture_on_commit_callbacks)
    bodies = sent()
    assert len(mail.outbox) == len(bodies) == 5
    assert set(bodies) == {
        demo["coordinator"].email,
        demo["probation.om"].email,
        demo["outsider.police"].email,
        demo["coordinator.other"].email,  # the demo's Otherford co-ordinator (transfers)
        other_coordinator.email,
    }
    assert "2 MAPPA reviews" in bodies[demo["coordinator"].email]
    assert "1 MAPPA review that" in bodies[demo["probation.om"].email]
    assert all(f"{SITE}/dashboard/" in body for body in bodies.values())


def test_the_email_holds_no_case_content(demo, overdue, site, django_capture_on_commit_callbacks):
    run(django_capture_on_commit_callbacks)
    subjects_and_bodies = " ".join(m.subject + " " + m.body for m in mail.outbox)
    for case in overdue:
        for detail in (
            case.nominal.surname,
            case.nominal.forenames,
            case.nominal.crn,
            str(case.id),
        ):
            assert detail not in subjects_and_bodies
    assert "Category" not in subjects_and_bodies and "category" not in subjects_and_bodies
    assert "Level" not in subjects_and_bodies


def test_each_run_is_audited_with_how_many_recipients_and_items(
    demo, overdue, site, django_capture_on_commit_callbacks
):
    run(django_capture_on_commit_callbacks)
    event = AuditEvent.objects.get(event_type=EventType.OVERDUE_REMINDERS_SENT)
    # Demoshire's co-ordinator and officer, Otherford's officer and co-ordinator (coordinator.other)
    assert event.payload == {"recipients": 4, "items": 3}
    assert event.actor is None


def test_inactive_coordinators_and_people_without_an_address_get_nothing(
    demo, overdue, site, django_capture_on_commit_callbacks
):
    left = coordinator_in("DEMO", is_active=False, email="left@example.gov.uk")
    no_address = coordinator_in("DEMO", email="")
    run(django_capture_on_commit_callbacks)
    assert left.email not in sent() and "" not in sent()
    assert no_address.username not in " ".join(m.body for m in mail.outbox)


def test_a_category_4_case_is_counted_only_for_coordinators_with_clearance(
    demo, site, django_capture_on_commit_callbacks
):
    create_case(review_in_days=-2, category=4)
    cleared = coordinator_in("DEMO", terrorism_clearance=True, email="cleared@example.gov.uk")
    run(django_capture_on_commit_callbacks)
    assert set(sent()) == {cleared.email}


def test_nothing_overdue_sends_nothing_but_the_run_is_still_recorded(
    demo, site, django_capture_on_commit_callbacks
):
    create_case(review_in_days=3)
    run(django_capture_on_commit_callbacks)
    assert mail.outbox == []
    event = AuditEvent.objects.get(event_type=EventType.OVERDUE_REMINDERS_SENT)
    assert event.payload == {"recipients": 0, "items": 0}
