"""A named person uploads an extract; matching runs in the background; candidates are decided."""

import pytest
from django.core.exceptions import ValidationError

from mappa.agencies.models import CaseAccessGrant
from mappa.audit.models import AuditEvent
from mappa.meetings.models import Invitation
from mappa.safeguarding.constants import InvitationRoute, RunStatus
from mappa.safeguarding.models import MatchRun
from mappa.safeguarding.services import matching
from mappa.safeguarding.tests.factories import published_list, upload
from mappa.safeguarding.tests.test_named_persons import client_for


@pytest.fixture
def run(users, django_capture_on_commit_callbacks):
    case_list = published_list(users)
    with django_capture_on_commit_callbacks(execute=True):
        started = matching.start_matching(
            actor=users["mash.manager"], case_list=case_list, upload=upload()
        )
    started.refresh_from_db()
    return started


def test_matching_finishes_with_ranked_candidates(run, users):
    run.refresh_from_db()
    assert run.status == RunStatus.FINISHED and run.percent == 100
    candidates = list(run.candidates.all())
    assert [c.record_id for c in candidates] == ["SC-1", "SC-2"]
    child = candidates[0]
    assert child.kind == "address" and child.case_status == "open"
    assert ["Address", "the same", "agrees"] in child.fields


def test_the_uploaded_file_is_deleted_when_matching_ends(run):
    assert not matching.upload_path(run.id).exists()


def test_a_bad_extract_is_refused_naming_row_and_column_and_nothing_is_written(users):
    case_list = published_list(users)
    bad = (
        "record_id,forenames,surname,date_of_birth,address_line_1,postcode\nA,b,c,31/12/1999,d,e\n"
    )
    with pytest.raises(ValidationError) as error:
        matching.start_matching(
            actor=users["mash.manager"], case_list=case_list, upload=upload(bad, "bad.csv")
        )
    assert error.value.messages == [
        "bad.csv, row 2, column date_of_birth: '31/12/1999' is not a date (YYYY-MM-DD)"
    ]
    assert not MatchRun.objects.exists()
    assert not AuditEvent.objects.filter(event_type="mash.matching_started").exists()


def test_confirming_a_child_with_an_open_case_records_its_status(run, users):
    child = run.candidates.get(record_id="SC-1")
    matching.decide(
        actor=users["mash.manager"], candidate=child, version=child.version, decision="confirmed"
    )
    child.refresh_from_db()
    assert (child.decision, child.involvement) == ("confirmed", "open")
    event = AuditEvent.objects.get(event_type="mash.candidate_decided")
    assert event.payload["decision"] == "confirmed" and event.actor == users["mash.manager"]


def test_the_allocated_social_worker_is_invited_to_the_meeting_with_case_access(run, users):
    child = run.candidates.get(record_id="SC-1")
    matching.decide(
        actor=users["mash.manager"], candidate=child, version=child.version, decision="confirmed"
    )
    record = matching.invite_worker(
        actor=users["mash.manager"],
        candidate=child,
        worker_name="Sam Okafor",
        manager_name="Jo Reid",
    )
    assert record.route == InvitationRoute.MEETING
    invitation = Invitation.objects.get()
    assert invitation.invitee_agency == users["mash.manager"].agency
    assert invitation.agenda_item == child.entry.agenda_item
    assert CaseAccessGrant.objects.filter(
        case=child.entry.case_id, reason="meeting_invitation"
    ).exists()


def test_without_a_planned_meeting_the_invitation_is_recorded_for_the_coordinator(run, users):
    child = run.candidates.get(record_id="SC-1")
    matching.decide(
        actor=users["mash.manager"], candidate=child, version=child.version, decision="confirmed"
    )
    meeting = child.entry.meeting
    meeting.status = "held"
    meeting.save()
    record = matching.invite_worker(
        actor=users["mash.manager"], candidate=child, worker_name="Sam Okafor"
    )
    assert record.route == InvitationRoute.RECORDED and record.invitation is None


def test_a_rejected_match_needs_no_invitation(run, users):
    child = run.candidates.get(record_id="SC-1")
    matching.decide(
        actor=users["mash.manager"], candidate=child, version=child.version, decision="rejected"
    )
    with pytest.raises(ValidationError):
        matching.invite_worker(actor=users["mash.manager"], candidate=child, worker_name="Sam")


def test_the_pages_upload_show_progress_and_results(
    users, settings, django_capture_on_commit_callbacks
):
    case_list = published_list(users)
    client = client_for("mash.manager", settings)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/mash/case-lists/{case_list.id}/upload/", {"extract": upload()})
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert b"Amy" in page.content and b"agrees" in page.content


def test_the_upload_page_shows_a_bad_files_problems(users, settings):
    case_list = published_list(users)
    client = client_for("mash.manager", settings)
    bad = upload("record_id,forenames\nA,b\n", "bad.csv")
    response = client.post(f"/mash/case-lists/{case_list.id}/upload/", {"extract": bad})
    assert response.status_code == 200
    assert b"bad.csv, row 1, column surname: required column missing" in response.content
