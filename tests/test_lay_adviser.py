"""Lay advisers (and SMB members) see aggregates only.

`lay.adviser` opens every statistics and indicator page and gets 404, exactly as for a page
that does not exist, from every person, case, referral, meeting, minutes, action and other
case-content page and API endpoint: every such route in the URL resolver is tried, with the ids
of real demo records in it.
"""

import re
import uuid
from datetime import date

import pytest
from django.test import Client

from mappa.agencies import permissions
from mappa.agencies.permissions import NOT_CASE_CONTENT, declared_permission
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.cases.models import MappaCase
from mappa.oversight.indicators.definitions import INDICATORS
from mappa.oversight.tests import records as r
from tests import structure

pytestmark = pytest.mark.django_db
AGGREGATES_ONLY = ["lay.adviser", "smb.member"]


@pytest.fixture
def world(db, demo_mode):
    from mappa.desk.services import load_demo

    users = {user.username: user for user in load_demo()}
    case = MappaCase.objects.get(nominal__crn="X123456")
    meeting = r.create_meeting(date(2025, 5, 6), cases=[case])
    item = meeting.agenda.get()
    minutes = r.create_minutes(meeting, circulated_on=date(2025, 5, 9))
    r.create_case_minutes(minutes, item, disclosure=True)
    action = r.create_action("Police", date(2025, 6, 1))
    referral = r.create_referral(date(2025, 4, 1), decided=date(2025, 4, 2), case=case)
    ids = {
        "nominal_id": case.nominal_id,
        "case_id": case.id,
        "meeting_id": meeting.id,
        "item_id": item.id,
        "action_id": action.id,
        "referral_id": referral.id,
    }
    return users, ids


def client_for(username: str) -> Client:
    client = Client()
    response = client.post("/sign-in/", {"username": username, "password": f"demo-{username}"})
    assert response.status_code == 302
    return client


def case_content_routes() -> list[tuple[str, object]]:
    routes = []
    for route, callback in structure.routes():
        name = declared_permission(callback, "GET") or declared_permission(callback, "POST")
        if name and name not in NOT_CASE_CONTENT:
            routes.append((route, callback))
    return routes


def fill(route: str, ids: dict) -> str:
    """A URL for the route with real ids where the test has them, random ones elsewhere."""

    def value(match):
        converter, name = match.group(1), match.group(2)
        if converter == "uuid":
            return str(ids.get(name, uuid.uuid4()))
        if converter in ("slug", "str"):
            return "identity"
        if converter == "path":
            return "x"
        return "1"

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", value, route)


def test_there_are_case_content_routes_to_try():
    routes = [route for route, _ in case_content_routes()]
    for expected in ("people/<uuid:nominal_id>/", "cases/<uuid:case_id>/", "meetings/"):
        assert any(route.startswith(expected) for route in routes), expected
    assert "api/v1/meetings/<uuid:meeting_id>/minutes/" in routes


@pytest.mark.parametrize("username", AGGREGATES_ONLY)
def test_every_case_content_page_and_api_is_a_404(world, username):
    _, ids = world
    client = client_for(username)
    token = Client(HTTP_AUTHORIZATION=f"Token demo-{username}")
    problems = []
    for route, _ in case_content_routes():
        url = fill(route, ids)
        caller = token if route.startswith("api/") else client
        status = caller.get(url).status_code
        if status == 405:  # a form that only takes POST
            status = caller.post(url, {}).status_code
        if status != 404:
            problems.append(f"{url}: {status}")
    assert not problems, "not a 404 for " + username + ":\n" + "\n".join(problems)


@pytest.mark.parametrize(
    "path",
    [
        "/people/{nominal_id}/",
        "/cases/{case_id}/",
        "/meetings/{meeting_id}/",
        "/meetings/{meeting_id}/minutes/",
        "/meetings/{meeting_id}/minutes/minutes.pdf",
        "/referrals/{referral_id}/",
        "/actions/{action_id}/",
        "/api/v1/nominals/{nominal_id}/",
        "/api/v1/cases/{case_id}/",
        "/api/v1/meetings/{meeting_id}/",
        "/api/v1/meetings/{meeting_id}/minutes/",
        "/api/v1/referrals/{referral_id}/",
        "/api/v1/actions/{action_id}/",
        "/api/v1/nominals/",
        "/api/v1/cases/",
    ],
)
def test_the_lay_adviser_is_told_the_record_does_not_exist(world, path):
    _, ids = world
    url = path.format(**ids)
    client = Client(HTTP_AUTHORIZATION="Token demo-lay.adviser") if "/api/" in url else None
    response = (client or client_for("lay.adviser")).get(url)
    assert response.status_code == 404, url
    missing = url.replace(str(ids.get("case_id")), str(uuid.uuid4()))
    if missing != url:
        assert (client or client_for("lay.adviser")).get(missing).status_code == 404
    body = response.content.decode()
    assert "Smith" not in body and "X123456" not in body


def test_the_refusal_is_still_in_the_audit_log(world):
    _, ids = world
    client_for("lay.adviser").get(f"/people/{ids['nominal_id']}/")
    denial = AuditEvent.objects.get(event_type=EventType.PERMISSION_DENIED)
    assert denial.actor.username == "lay.adviser"
    assert denial.payload["permission"] == permissions.VIEW_CASES


def test_the_lay_adviser_opens_every_statistics_and_indicator_page(world):
    client = client_for("lay.adviser")
    pages = ["/oversight/", "/oversight/statistics/", "/oversight/indicators/"]
    pages += [f"/oversight/indicators/{indicator.slug}/" for indicator in INDICATORS]
    pages += ["/oversight/audits/summary/", "/oversight/statistics/annual.csv"]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"Smith" not in response.content, url
    api = Client(HTTP_AUTHORIZATION="Token demo-lay.adviser")
    assert api.get("/api/v1/statistics/annual/").status_code == 200
    assert api.get("/api/v1/indicators/").status_code == 200
    assert api.get("/api/v1/indicators/levels/").status_code == 200


def test_other_roles_keep_their_403_and_the_lay_adviser_keeps_it_for_the_audit_log(world):
    _, ids = world
    assert client_for("sysadmin").get(f"/people/{ids['nominal_id']}/").status_code == 403
    assert client_for("lay.adviser").get("/audit-log/").status_code == 403
    assert client_for("coordinator").get(f"/people/{ids['nominal_id']}/").status_code == 200
