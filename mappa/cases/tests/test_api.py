"""MAPPA cases in the API: scoped like the register, with level history and reviews."""

import uuid
from datetime import date

import pytest
from django.test import Client

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.cases import services
from mappa.cases.constants import DecisionSource
from mappa.cases.models import MappaCase
from mappa.desk.services import load_demo

pytestmark = pytest.mark.django_db


def api(username: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Token demo-{username}")


@pytest.fixture
def users(db):
    return {user.username: user for user in load_demo()}


def test_a_practitioner_lists_their_areas_cases_by_next_review(users):
    body = api("probation.om").get("/api/v1/cases/", {"open": "true"}).json()
    assert body["count"] == 5
    dues = [case["next_review_due"] for case in body["results"]]
    assert dues == sorted(dues)


def test_a_case_shows_its_level_history_with_who_decided_and_why(users):
    case = MappaCase.objects.get(nominal__crn="X123456")
    services.change_level(
        actor=users["chair.police"],
        case=case,
        level=3,
        source=DecisionSource.MEETING,
        rationale="Escalating risk to a new partner",
        decided_on=date(2026, 11, 10),
    )
    body = api("probation.om").get(f"/api/v1/cases/{case.id}/").json()
    assert body["level"] == 3 and body["next_review_due"] == "2027-01-05"
    assert body["level_history"][-1] == {
        "level": 3,
        "effective_from": "2026-11-10",
        "source": "meeting",
        "rationale": "Escalating risk to a new partner",
        "decided_by": "chair.police",
    }
    assert AuditEvent.objects.filter(
        event_type=EventType.CASE_CONTENT_READ, subject=case.id
    ).exists()


@pytest.mark.parametrize("username", ["outsider.police", "housing.officer"])
def test_a_case_outside_the_scope_is_a_404_like_a_missing_one(users, username):
    case = MappaCase.objects.get(nominal__crn="X123456")
    client = api(username)
    assert client.get(f"/api/v1/cases/{case.id}/").status_code == 404
    assert client.get(f"/api/v1/cases/{uuid.uuid4()}/").status_code == 404
    assert case.id not in {c["id"] for c in client.get("/api/v1/cases/").json()["results"]}


def test_the_lay_adviser_is_refused_cases(users):
    # Lay advisers and SMB members see aggregates only: to them case content does not exist.
    assert api("lay.adviser").get("/api/v1/cases/").status_code == 404
