"""Reporting a person's whereabouts unknown: who may, what is refused, the audit event and the
link-only notice to the area's chairs and co-ordinators."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.cases.models import MappaCase
from mappa.whereabouts import services
from mappa.whereabouts.constants import Ending
from mappa.whereabouts.models import WhereaboutsReport
from mappa.whereabouts.tests.records import KNOWN, case_of, report, smith

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(demo):
    return smith()


def test_the_responsible_officer_reports_and_the_event_is_audited(case, demo):
    made = report(case, demo["probation.om"])
    assert made.is_open and made.version == 1
    assert made.reported_by == demo["probation.om"]
    event = AuditEvent.objects.get(event_type=EventType.WHEREABOUTS_REPORTED)
    assert event.subject == case.id
    assert event.payload["report"] == str(made.id)
    assert event.payload["kind"] == "absconded"
    assert event.payload["notified"] == 2  # the DEMO co-ordinator and chair


def test_the_coordinator_and_a_lead_agency_practitioner_may_report(case, demo):
    report(case, demo["coordinator"])
    walsh = case_of("X456789")  # police-led
    assert report(walsh, demo["police.ppu"]).case == walsh


@pytest.mark.parametrize("username", ["police.ppu", "prison.pom", "chair.police"])
def test_others_who_see_the_case_may_not_report_it(case, demo, username):
    # Police and prison practitioners do not lead John Paul Smith's case; the chair manages none.
    with pytest.raises(PermissionDenied):
        report(case, demo[username])
    assert not WhereaboutsReport.objects.exists()


def test_a_start_in_the_future_is_refused_and_nothing_is_recorded(case, demo):
    with pytest.raises(ValidationError) as refused:
        report(case, demo["probation.om"], hours_ago=-1)
    assert "must not be in the future" in refused.value.message_dict["started_at"][0]
    assert not WhereaboutsReport.objects.exists()
    assert not AuditEvent.objects.filter(event_type=EventType.WHEREABOUTS_REPORTED).exists()


def test_what_is_known_must_be_said(case, demo):
    with pytest.raises(ValidationError) as refused:
        report(case, demo["probation.om"], what_is_known="  ")
    assert "Say what is known" in refused.value.message_dict["what_is_known"][0]


def test_a_second_open_report_is_refused_naming_the_first(case, demo):
    first = report(case, demo["probation.om"])
    with pytest.raises(ValidationError) as refused:
        report(case, demo["coordinator"], hours_ago=1)
    message = refused.value.message_dict["case"][0]
    assert "already reported unknown since" in message
    assert f"{timezone.localtime(first.started_at):%H:%M}" in message
    assert WhereaboutsReport.objects.count() == 1


def test_once_ended_the_case_may_be_reported_again(case, demo):
    first = report(case, demo["probation.om"], hours_ago=30)
    services.end_whereabouts_unknown(
        actor=demo["probation.om"],
        report=first,
        version=first.version,
        ending=Ending.FOUND,
        ended_at=timezone.now() - timedelta(hours=20),
        note="Found at his sister's",
    )
    second = report(case, demo["probation.om"], hours_ago=2)
    assert list(WhereaboutsReport.objects.filter(ended_at__isnull=True)) == [second]


def test_a_closed_case_is_not_reported(case, demo):
    MappaCase.objects.filter(id=case.id).update(closed_on=timezone.localdate())
    case.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        report(case, demo["probation.om"])
    assert refused.value.message_dict["case"] == ["This case is closed"]


def test_the_chair_and_coordinator_are_sent_a_link_and_nothing_of_the_case(
    case, demo, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        made = report(case, demo["probation.om"])
    assert sorted(m.to[0] for m in mailoutbox) == [
        "chair.police@demo.mappa.invalid",
        "coordinator@demo.mappa.invalid",
    ]
    for message in mailoutbox:
        text = f"{message.subject}\n{message.body}"
        assert f"/whereabouts/{made.id}/" in message.body
        for case_detail in (
            "Smith",
            "John",
            "X123456",
            "MISPER",
            "approved premises",
            "absconded",
            "Absconded",
            KNOWN,
            "level",
        ):
            assert case_detail not in text, case_detail


def test_no_notice_is_sent_when_the_report_is_refused(
    case, demo, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        report(case, demo["probation.om"], hours_ago=-2)
    assert mailoutbox == []


def test_for_a_category_4_case_only_those_cleared_are_told(
    case, demo, mailoutbox, django_capture_on_commit_callbacks
):
    MappaCase.objects.filter(id=case.id).update(category=4)
    case.refresh_from_db()
    for username, cleared in (
        ("probation.om", True),
        ("coordinator", True),
        ("chair.police", False),
    ):
        demo[username].terrorism_clearance = cleared
        demo[username].save(update_fields=["terrorism_clearance"])
    with django_capture_on_commit_callbacks(execute=True):
        report(case, demo["probation.om"])
    assert [message.to for message in mailoutbox] == [["coordinator@demo.mappa.invalid"]]


def test_the_database_keeps_one_open_report_when_two_arrive_at_once(case, demo, monkeypatch):
    first = report(case, demo["probation.om"])
    # The second reporter's check ran before the first report was saved.
    monkeypatch.setattr(services.queries, "open_report", lambda case: None)
    with pytest.raises(ValidationError) as refused:
        report(case, demo["coordinator"], hours_ago=1)
    assert "just been reported unknown by someone else" in refused.value.message_dict["case"][0]
    assert list(WhereaboutsReport.objects.all()) == [first]
    assert AuditEvent.objects.filter(event_type=EventType.WHEREABOUTS_REPORTED).count() == 1
