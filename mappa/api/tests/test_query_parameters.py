"""Every list endpoint reads its query parameters strictly: a value it cannot use is a 400 in
the error format naming the parameter and the reason, never silently ignored."""

import pytest
from django.test import Client

from mappa.actions.constants import Status as ActionStatus
from mappa.cases.constants import ClosureReason
from mappa.cases.models import MappaCase
from mappa.desk.services import load_demo
from mappa.disclosures.constants import Scheme, Stage
from mappa.meetings.constants import MeetingStatus
from mappa.referrals.constants import Status as ReferralStatus

pytestmark = pytest.mark.django_db


def api(username: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Token demo-{username}")


@pytest.fixture
def users(db):
    return {user.username: user for user in load_demo()}


def allowed(value: str, choices) -> str:
    return f"{value!r} is not one of the allowed values: {', '.join(map(str, choices.values))}"


# (persona, endpoint, query, the parameter named, the reason given)
REFUSED = [
    ("coordinator", "/api/v1/cases/", {"open": "yes"}, "open", "'yes' is neither true nor false"),
    ("coordinator", "/api/v1/cases/", {"open": ""}, "open", "'' is neither true nor false"),
    (
        "coordinator",
        "/api/v1/cases/",
        {"level": "4"},
        "level",
        "'4' is not one of the allowed values: 1, 2, 3",
    ),
    (
        "coordinator",
        "/api/v1/cases/",
        {"level": "two"},
        "level",
        "'two' is not one of the allowed values: 1, 2, 3",
    ),
    (
        "coordinator",
        "/api/v1/actions/",
        {"status": "done"},
        "status",
        allowed("done", ActionStatus),
    ),
    ("coordinator", "/api/v1/actions/", {"case": "123"}, "case", "'123' is not a UUID"),
    (
        "coordinator",
        "/api/v1/referrals/",
        {"status": "sent"},
        "status",
        allowed("sent", ReferralStatus),
    ),
    (
        "coordinator",
        "/api/v1/meetings/",
        {"status": "soon"},
        "status",
        allowed("soon", MeetingStatus),
    ),
    (
        "coordinator",
        "/api/v1/meetings/",
        {"from": "1/4/2026"},
        "from",
        "Enter a date written YYYY-MM-DD",
    ),
    (
        "probation.om",
        "/api/v1/nominals/",
        {"as_of": "2026-02-30"},
        "as_of",
        "Enter a date written YYYY-MM-DD",
    ),
    (
        "probation.om",
        "/api/v1/nominals/",
        {"as_of": "20260201"},
        "as_of",
        "Enter a date written YYYY-MM-DD",
    ),
    (
        "probation.om",
        "/api/v1/nominals/",
        {"name": "a\x00b"},
        "name",
        "must not contain control characters",
    ),
    (
        "probation.om",
        "/api/v1/nominals/",
        {"pnc": "9" * 201},
        "pnc",
        "must be at most 200 characters, not 201",
    ),
    (
        "coordinator",
        "/api/v1/disclosures/decisions/",
        {"nominal": "smith"},
        "nominal",
        "'smith' is not a UUID",
    ),
    (
        "disclosure.officer",
        "/api/v1/disclosures/applications/",
        {"scheme": "sarah"},
        "scheme",
        allowed("sarah", Scheme),
    ),
    (
        "disclosure.officer",
        "/api/v1/disclosures/applications/",
        {"stage": "first"},
        "stage",
        allowed("first", Stage),
    ),
    (
        "disclosure.officer",
        "/api/v1/disclosures/applications/",
        {"open": "1"},
        "open",
        "'1' is neither true nor false",
    ),
    (
        "smb.member",
        "/api/v1/statistics/annual/",
        {"year_ending": "31/03/2026"},
        "year_ending",
        "Enter a date written YYYY-MM-DD",
    ),
    (
        "smb.member",
        "/api/v1/indicators/levels/",
        {"start": "2026-13-01"},
        "start",
        "Enter a date written YYYY-MM-DD",
    ),
    (
        "smb.member",
        "/api/v1/indicators/levels/",
        {"end": "tomorrow"},
        "end",
        "Enter a date written YYYY-MM-DD",
    ),
    ("coordinator", "/api/v1/cases/", {"page": "0"}, "page", "must be at least 1, not 0"),
    ("coordinator", "/api/v1/cases/", {"page": "last"}, "page", "'last' is not a whole number"),
    (
        "coordinator",
        "/api/v1/cases/",
        {"page": "9" * 40},
        "page",
        f"must be at most 2147483647, not {'9' * 40}",
    ),
    (
        "probation.om",
        "/api/v1/nominals/",
        {"crn": "X12\x9f"},
        "crn",
        "must not contain control characters",
    ),
    (
        "coordinator",
        "/api/v1/cases/",
        {"page_size": "201"},
        "page_size",
        "must be at most 200, not 201",
    ),
    (
        "marac.coordinator",
        "/api/v1/marac/cases/",
        {"page_size": "-1"},
        "page_size",
        "'-1' is not a whole number",
    ),
    (
        "coordinator",
        "/api/v1/cases/",
        {"level": ["2", "3"]},
        "level",
        "Give level once, not 2 times",
    ),
]


@pytest.mark.parametrize("persona, endpoint, query, field, message", REFUSED)
def test_it_refuses_a_parameter_it_cannot_use_naming_it_and_why(
    users, persona, endpoint, query, field, message
):
    response = api(persona).get(endpoint, query)
    assert response.status_code == 400
    assert response.json() == {"errors": [{"field": field, "message": message}]}


def test_an_indicator_period_is_five_years_or_less(users):
    response = api("smb.member").get(
        "/api/v1/indicators/levels/", {"start": "2020-01-01", "end": "2026-01-01"}
    )
    assert response.status_code == 400
    assert response.json() == {
        "errors": [{"field": "start", "message": "Choose a period of 5 years or less"}]
    }


def test_dates_at_the_ends_of_the_range_are_answered(users):
    client = api("smb.member")
    for year_ending in ("1900-03-31", "2199-12-31"):
        assert (
            client.get("/api/v1/statistics/annual/", {"year_ending": year_ending}).status_code
            == 200
        )
    for period in (
        {"start": "2199-01-01", "end": "2199-12-31"},
        {"start": "1900-01-01", "end": "1900-12-31"},
    ):
        assert client.get("/api/v1/indicators/levels/", period).status_code == 200


def test_it_names_every_bad_parameter_at_once(users):
    response = api("coordinator").get("/api/v1/cases/", {"open": "no", "level": "9"})
    assert response.status_code == 400
    assert [error["field"] for error in response.json()["errors"]] == ["open", "level"]


def test_a_page_past_the_last_is_a_404_naming_the_last(users):
    response = api("coordinator").get("/api/v1/cases/", {"page": "7", "page_size": "200"})
    assert response.status_code == 404
    assert response.json() == {
        "errors": [{"field": "page", "message": "There is no page 7: the last is page 1"}]
    }


def test_an_empty_list_still_has_its_first_page(users):
    response = api("housing.officer").get("/api/v1/actions/", {"page": "1"})
    assert response.status_code == 200
    assert response.json() == {"count": 0, "next": None, "previous": None, "results": []}


def test_open_true_lists_only_open_cases_and_open_false_only_closed_ones(users):
    case = MappaCase.objects.filter(nominal__area__code="DEMO").first()
    MappaCase.objects.filter(pk=case.pk).update(
        closed_on="2026-01-05", closure_reason=ClosureReason.DIED
    )
    client = api("coordinator")
    closed = client.get("/api/v1/cases/", {"open": "false"}).json()["results"]
    still_open = client.get("/api/v1/cases/", {"open": "true"}).json()["results"]
    assert [c["id"] for c in closed] == [str(case.id)]
    assert str(case.id) not in {c["id"] for c in still_open} and still_open


def test_good_values_narrow_the_list(users):
    client = api("coordinator")
    levels = {c["level"] for c in client.get("/api/v1/cases/", {"level": "2"}).json()["results"]}
    assert levels == {2}
    body = client.get("/api/v1/cases/", {"page_size": "2", "page": "2"}).json()
    assert len(body["results"]) == 2 and body["previous"] and body["count"] > 4


@pytest.mark.parametrize("persona", ["coordinator", "lay.adviser", "housing.officer"])
def test_a_method_an_endpoint_does_not_have_is_a_405_whoever_asks(users, persona):
    response = api(persona).generic("TRACE", "/api/v1/cases/")
    assert response.status_code == 405
    assert response.json()["errors"][0]["message"] == 'Method "TRACE" not allowed.'
