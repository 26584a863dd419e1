"""Searching the audit log: co-ordinators and SMB members, their own area, itself audited."""

import uuid

import pytest

from mappa.audit import services
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_a_coordinator_searches_by_user_and_the_search_is_audited(signed_in, demo):
    client = signed_in("coordinator")
    signed_in("probation.om")
    response = client.get("/audit-log/", {"username": "probation.om"})
    assert response.status_code == 200
    assert b"probation.om" in response.content
    search = AuditEvent.objects.filter(event_type=EventType.AUDIT_LOG_SEARCHED).get()
    assert search.actor == demo["coordinator"]
    assert search.payload == {"filters": {"username": "probation.om"}, "results": 1}


def test_it_searches_by_person_event_type_and_date(signed_in, demo):
    person = uuid.uuid4()
    services.record_read(actor=demo["probation.om"], subject=person, content="person record")
    client = signed_in("smb.member")
    response = client.get(
        "/audit-log/",
        {
            "person": str(person),
            "event_type": EventType.CASE_CONTENT_READ,
            "date_from": "2000-01-01",
            "date_to": "2099-12-31",
        },
    )
    assert response.context["events"] == [AuditEvent.objects.get(subject=person)]
    response = client.get("/audit-log/", {"person": str(person), "date_to": "2000-01-01"})
    assert response.context["events"] == []


def test_it_shows_nothing_from_another_area(signed_in, demo):
    signed_in("outsider.police")
    response = signed_in("coordinator").get("/audit-log/", {"username": "outsider.police"})
    assert response.context["events"] == []


def test_an_impossible_date_gets_a_clear_error(signed_in):
    response = signed_in("coordinator").get("/audit-log/", {"date_from": "2026-02-30"})
    assert response.status_code == 200
    assert b"Enter a real date" in response.content
    assert not AuditEvent.objects.filter(event_type=EventType.AUDIT_LOG_SEARCHED).exists()


@pytest.mark.parametrize(
    "username", ["probation.om", "housing.officer", "lay.adviser", "sysadmin", "mash.manager"]
)
def test_other_roles_are_refused_and_the_refusal_is_audited(signed_in, demo, username):
    response = signed_in(username).get("/audit-log/")
    assert response.status_code == 403
    denial = AuditEvent.objects.get(event_type=EventType.PERMISSION_DENIED)
    assert denial.actor == demo[username]
    assert denial.payload == {"permission": "view_audit_log", "path": "/audit-log/"}
