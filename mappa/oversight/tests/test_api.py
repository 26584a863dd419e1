"""Statistics and indicators in the API: read-only, for the caller's own area."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from mappa.desk.services import load_demo
from mappa.oversight.indicators.definitions import INDICATORS

pytestmark = pytest.mark.django_db


def api(username: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Token demo-{username}")


@pytest.fixture
def users(db):
    return {user.username: user for user in load_demo()}


def test_the_annual_statistics_are_the_same_json_as_the_command_writes(users):
    body = (
        api("lay.adviser").get("/api/v1/statistics/annual/", {"year_ending": "2026-03-31"}).json()
    )
    out = StringIO()
    call_command("report", "annual", "--area", "DEMO", "--year-ending", "2026-03-31", stdout=out)
    assert body == json.loads(out.getvalue())


def test_another_areas_statistics_are_a_404(users):
    client = api("smb.member")
    assert client.get("/api/v1/statistics/annual/", {"area": "DEMO"}).status_code == 200
    assert client.get("/api/v1/statistics/annual/", {"area": "OTHER"}).status_code == 404


def test_a_bad_date_is_a_400_on_its_field(users):
    response = api("smb.member").get("/api/v1/statistics/annual/", {"year_ending": "31/3/2026"})
    assert response.status_code == 400
    assert response.json() == {
        "errors": [{"field": "year_ending", "message": "Enter a date written YYYY-MM-DD"}]
    }


def test_the_indicators_are_listed_with_their_definitions(users):
    body = api("lay.adviser").get("/api/v1/indicators/").json()
    assert [row["slug"] for row in body] == [indicator.slug for indicator in INDICATORS]
    assert all(row["definition"] for row in body)


def test_an_indicator_gives_its_table_for_the_period(users):
    body = (
        api("lay.adviser")
        .get("/api/v1/indicators/levels/", {"start": "2026-01-01", "end": "2026-03-31"})
        .json()
    )
    assert body["columns"] == ["Month end", "Level 2", "Level 3", "Total"]
    # Hughes is at level 3 from 3 February 2026; Smith at level 2 throughout.
    assert body["rows"] == [
        ["31 Jan 2026", 2, 0, 2],
        ["28 Feb 2026", 1, 1, 2],
        ["31 Mar 2026", 1, 1, 2],
    ]
    assert body["start"] == "2026-01-01" and body["end"] == "2026-03-31"


def test_an_unknown_indicator_is_a_404_and_a_backwards_period_a_400(users):
    client = api("smb.member")
    assert client.get("/api/v1/indicators/nonsense/").status_code == 404
    response = client.get(
        "/api/v1/indicators/levels/", {"start": "2026-02-01", "end": "2026-01-01"}
    )
    assert response.status_code == 400


@pytest.mark.parametrize("username", ["probation.om", "housing.officer", "sysadmin"])
def test_roles_without_aggregates_are_refused(users, username):
    assert api(username).get("/api/v1/indicators/").status_code == 403


def test_the_api_needs_authentication(users):
    assert Client().get("/api/v1/statistics/annual/").status_code == 401
