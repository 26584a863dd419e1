"""Who sees a victim's record: the MARAC participants of their case, nobody else (404 for all
others, exactly as for a record that does not exist), on the pages and the API."""

import uuid
from datetime import time, timedelta

import pytest
from django.utils import timezone

from mappa.desk.demo import demo_secret
from mappa.marac.services import meetings
from mappa.marac.tests.dashes import referred

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(demo):
    return referred(demo["police.ppu"])


def pages(case) -> list[str]:
    return [
        f"/marac/victims/{case.victim_id}/",
        f"/marac/cases/{case.id}/",
        f"/marac/dash/{case.dash_id}/",
    ]


@pytest.mark.parametrize("username", ["outsider.police", "housing.officer", "probation.om"])
def test_someone_outside_the_case_gets_404_for_the_victims_record(case, signed_in, username):
    client = signed_in(username)
    for url in pages(case):
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("username", ["police.ppu", "marac.coordinator"])
def test_the_referrer_and_the_marac_coordinator_see_it(case, signed_in, username):
    client = signed_in(username)
    for url in pages(case):
        response = client.get(url)
        assert response.status_code == 200, url
    assert b"Nadia Brooks" in client.get(pages(case)[0]).content


@pytest.mark.parametrize("username", ["coordinator", "lay.adviser", "sysadmin", "chair.police"])
def test_roles_without_marac_work_are_refused(case, signed_in, username):
    assert signed_in(username).get(pages(case)[0]).status_code in (403, 404)


def test_an_agency_asked_for_research_joins_the_case(case, demo, signed_in):
    coordinator, housing = demo["marac.coordinator"], demo["housing.officer"]
    meeting = meetings.schedule_meetings(
        actor=coordinator,
        first_on=timezone.localdate() + timedelta(days=10),
        start_time=time(10),
        end_time=time(12),
        count=1,
    )[0]
    item = meetings.list_case(actor=coordinator, case=case, meeting=meeting)
    (request,) = meetings.request_research(actor=coordinator, item=item, agencies=[housing.agency])
    client = signed_in("housing.officer")
    assert client.get(pages(case)[0]).status_code == 200
    assert client.get(f"/marac/research/{request.id}/").status_code == 200
    assert signed_in("outsider.police").get(f"/marac/research/{request.id}/").status_code == 404
    assert signed_in("probation.om").get(f"/marac/research/{request.id}/").status_code == 404


def test_a_missing_victim_is_404_too(demo, signed_in):
    assert signed_in("police.ppu").get(f"/marac/victims/{uuid.uuid4()}/").status_code == 404


def test_the_api_is_scoped_like_the_pages(case, client):
    def get(username, url):
        return client.get(url, HTTP_AUTHORIZATION=f"Token {demo_secret(username)}")

    assert get("police.ppu", f"/api/v1/marac/cases/{case.id}/").status_code == 200
    assert get("outsider.police", f"/api/v1/marac/cases/{case.id}/").status_code == 404
    assert get("outsider.police", f"/api/v1/marac/dash/{case.dash_id}/").status_code == 404
    assert get("outsider.police", "/api/v1/marac/cases/").json()["results"] == []
    detail = get("marac.coordinator", f"/api/v1/marac/dash/{case.dash_id}/").json()
    assert detail["yes_count"] == 15 and len(detail["answers"]) == 24
    assert detail["victim"]["surname"] == "Brooks"
    assert get("lay.adviser", "/api/v1/marac/cases/").status_code == 404  # aggregates only
    assert client.get("/api/v1/marac/cases/").status_code == 401


def test_meetings_and_actions_in_the_api_are_scoped(case, demo, client):
    from mappa.marac.services import casework

    def get(username, url):
        return client.get(url, HTTP_AUTHORIZATION=f"Token {demo_secret(username)}").json()

    coordinator = demo["marac.coordinator"]
    meeting = meetings.schedule_meetings(
        actor=coordinator,
        first_on=timezone.localdate() + timedelta(days=3),
        start_time=time(10),
        end_time=time(12),
        count=1,
    )[0]
    meetings.list_case(actor=coordinator, case=case, meeting=meeting)
    casework.add_action(
        actor=coordinator,
        case=case,
        description="Panic alarm",
        owner_agency=demo["police.ppu"].agency,
        due_on=timezone.localdate() + timedelta(days=3),
    )
    detail = get("police.ppu", f"/api/v1/marac/meetings/{meeting.id}/")
    assert detail["agenda"] == [{"case": str(case.id), "position": 1, "heard": False}]
    assert get("outsider.police", "/api/v1/marac/meetings/")["results"] == []
    assert get("housing.officer", f"/api/v1/marac/meetings/{meeting.id}/")["errors"]
    (action,) = get("police.ppu", "/api/v1/marac/actions/")["results"]
    assert action["rag"] == "due_soon" and action["owner_agency"] == "Police"
    assert get("outsider.police", "/api/v1/marac/actions/")["results"] == []
