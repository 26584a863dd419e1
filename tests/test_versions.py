"""mappa/versions.py: a record's version is claimed once; a second save of the same version is
refused, naming who changed the record and when."""

from __future__ import annotations

import threading
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection, connections, transaction
from django.test import RequestFactory
from django.utils import timezone

from mappa import versions
from mappa.agencies.constants import Role
from mappa.meetings.models import Meeting
from mappa.meetings.services import scheduling
from tests.factories import create_agency, create_user

LONDON = ZoneInfo("Europe/London")


def create_meeting():
    agency = create_agency(name="Demoshire Police")
    coordinator = create_user(role=Role.COORDINATOR, agency=agency)
    return scheduling.schedule_meeting(
        actor=coordinator,
        level=2,
        on=timezone.localdate() + timedelta(days=7),
        start_time=time(10),
        end_time=time(12),
        venue="Police headquarters",
    )


def colleague(meeting, first_name, last_name, agency_name):
    agency = create_agency(area=meeting.area, name=agency_name)
    return create_user(
        role=Role.COORDINATOR, agency=agency, first_name=first_name, last_name=last_name
    )


@pytest.mark.django_db
def test_a_version_is_claimed_once_and_the_record_remembers_who_and_when():
    meeting = create_meeting()
    asha = colleague(meeting, "Asha", "Patel", "Demoshire Probation")
    with transaction.atomic():
        versions.claim(meeting, version=1, actor=asha)
    assert meeting.version == 2 and meeting.changed_by == asha
    stored = Meeting.objects.get(pk=meeting.pk)
    assert stored.version == 2 and stored.changed_by == asha and stored.changed_at is not None


@pytest.mark.django_db
def test_the_second_claim_of_a_version_is_refused_naming_the_first_editor_and_agency():
    meeting = create_meeting()
    asha = colleague(meeting, "Asha", "Patel", "Demoshire Probation")
    ben = colleague(meeting, "Ben", "Okafor", "Demoshire Housing")
    moment = datetime(2026, 3, 14, 9, 5, tzinfo=LONDON)
    with transaction.atomic():
        versions.claim(meeting, version=1, actor=asha)
    Meeting.objects.filter(pk=meeting.pk).update(changed_at=moment)
    loaded_by_ben = Meeting.objects.get(pk=meeting.pk)
    loaded_by_ben.version = 1
    with pytest.raises(versions.StaleEdit) as refused:
        versions.claim(loaded_by_ben, version=1, actor=ben)
    message = refused.value.messages[0]
    assert "changed by Asha Patel (Demoshire Probation) at 09:05 on 14 March 2026" in message
    assert "your changes have not been saved" in message
    assert refused.value.current.version == 2
    assert Meeting.objects.get(pk=meeting.pk).changed_by == asha


@pytest.mark.django_db
def test_a_plain_save_of_a_copy_read_before_an_edit_does_not_put_the_version_back():
    meeting = create_meeting()
    stale_copy = Meeting.objects.get(pk=meeting.pk)
    asha = colleague(meeting, "Asha", "Patel", "Demoshire Probation")
    with transaction.atomic():
        versions.claim(meeting, version=1, actor=asha)
    stale_copy.status = "cancelled"
    stale_copy.save()
    stored = Meeting.objects.get(pk=meeting.pk)
    assert stored.status == "cancelled"
    assert stored.version == 2 and stored.changed_by == asha


@pytest.mark.django_db
@pytest.mark.parametrize("version", [None, 0, 7])
def test_a_missing_or_unknown_version_is_refused_and_changes_nothing(version):
    meeting = create_meeting()
    asha = colleague(meeting, "Asha", "Patel", "Demoshire Probation")
    with pytest.raises(versions.StaleEdit):
        versions.claim(meeting, version=version, actor=asha)
    stored = Meeting.objects.get(pk=meeting.pk)
    assert stored.version == 1 and stored.changed_by is None


@pytest.mark.parametrize(
    ("value", "valid"),
    [("3", True), ("", False), ("0", False), ("three", False)],
)
def test_the_version_field_is_hidden_and_required(value, valid):
    field = versions.VersionField()
    assert field.widget.is_hidden
    if valid:
        assert field.clean(value) == 3
    else:
        with pytest.raises(versions.ValidationError, match="This page is out of date"):
            field.clean(value)


@pytest.mark.parametrize(
    ("header", "expected"),
    [('"4"', 4), ('W/"4"', 4), ("4", 4)],
)
def test_if_match_reads_the_version_from_an_etag(header, expected):
    request = RequestFactory().put("/", HTTP_IF_MATCH=header)
    assert versions.if_match(request) == expected


def test_if_match_is_required_and_must_be_an_etag_this_service_gave_out():
    with pytest.raises(versions.PreconditionRequired):
        versions.if_match(RequestFactory().put("/"))
    with pytest.raises(versions.PreconditionFailed, match="not an ETag"):
        versions.if_match(RequestFactory().put("/", HTTP_IF_MATCH='"abc"'))


@pytest.mark.django_db
def test_the_etag_is_the_version_and_a_stale_edit_becomes_a_412():
    meeting = create_meeting()
    assert versions.etag(meeting) == '"1"'
    answer = versions.refused(versions.StaleEdit(meeting))
    assert answer.status_code == 412
    assert str(answer.detail) == (
        "The meeting was changed by someone else after you read it, so nothing has been "
        'changed: GET it again (its ETag is now "1") and make your change to that'
    )


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs concurrent connections (PostgreSQL)"
)
def test_two_connections_saving_the_same_version_at_once_only_one_wins():
    meeting = create_meeting()
    editors = [
        colleague(meeting, "Asha", "Patel", "Demoshire Probation"),
        colleague(meeting, "Ben", "Okafor", "Demoshire Housing"),
    ]
    both_loaded = threading.Barrier(2, timeout=10)
    outcomes = []

    def save(editor):
        try:
            with transaction.atomic():
                record = Meeting.objects.get(pk=meeting.pk)
                both_loaded.wait()
                versions.claim(record, version=1, actor=editor)
            outcomes.append("saved")
        except versions.StaleEdit:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=(editor,)) for editor in editors]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["refused", "saved"]
    assert Meeting.objects.get(pk=meeting.pk).version == 2
