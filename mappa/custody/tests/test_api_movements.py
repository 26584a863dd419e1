"""The custody API's changes: a release, a return to custody and the co-ordinator's level decision
after screening, through the pages' services, with If-Match; bad input changes nothing."""

import uuid

import pytest
from django.test import Client

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.custody import services
from mappa.custody.constants import MovementKind, ScreeningStatus
from mappa.custody.models import Movement, Screening
from mappa.custody.tests.conftest import TODAY, days, fresh, screening_data

pytestmark = pytest.mark.django_db


def api(username: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Token demo-{username}")


def post(username, url, body, etag=None):
    headers = {"HTTP_IF_MATCH": etag} if etag is not None else {}
    return api(username).post(url, body, content_type="application/json", **headers)


def person_etag(username, nominal) -> str:
    response = api(username).get(f"/api/v1/nominals/{nominal.id}/")
    assert response.status_code == 200
    return response["ETag"]


def events(kind) -> int:
    return AuditEvent.objects.filter(event_type=kind).count()


@pytest.fixture
def screening(users, cole) -> Screening:
    return services.record_screening(
        actor=users["prison.pom"], nominal=fresh(cole), **screening_data(users)
    )


def release_url(nominal) -> str:
    return f"/api/v1/custody/people/{nominal.id}/releases/"


def return_url(nominal) -> str:
    return f"/api/v1/custody/people/{nominal.id}/returns/"


def decision_url(screening) -> str:
    return f"/api/v1/custody/screenings/{screening.id}/decision/"


# A release


def test_a_release_by_the_api_ends_the_custody_and_answers_the_new_etag(cole):
    etag = person_etag("prison.pom", cole)
    response = post("prison.pom", release_url(cole), {"on": days(-1).isoformat()}, etag)
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["kind"], body["occurred_on"], body["prepared"]) == (
        "released",
        days(-1).isoformat(),
        False,
    )
    held = fresh(cole)
    assert held.custody_periods.get().ended_on == days(-1)
    assert response["ETag"] == f'"{held.version}"' != etag
    assert events(EventType.CUSTODY_RELEASE_RECORDED) == 1
    assert AuditEvent.objects.get(event_type=EventType.NOMINAL_UPDATED).payload["via"] == "custody"


@pytest.mark.parametrize(
    "body, field",
    [
        ({"on": "2027-02-31"}, "on"),  # an impossible date
        ({"on": days(1).isoformat()}, "on"),  # in the future
        ({"on": "2010-01-01"}, "on"),  # before custody began (1 October 2010)
        ({}, "on"),
    ],
)
def test_a_bad_release_is_a_400_naming_the_field_and_changes_nothing(cole, body, field):
    etag = person_etag("prison.pom", cole)
    response = post("prison.pom", release_url(cole), body, etag)
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == [field]
    held = fresh(cole)
    assert held.custody_periods.get().ended_on is None and held.version == cole.version
    assert not Movement.objects.exists()


def change_the_record(username, nominal) -> None:
    """Someone else changes the person record (its ethnicity) by the API in between."""
    response = api(username).patch(
        f"/api/v1/nominals/{nominal.id}/",
        {"ethnicity": "Not stated"},
        content_type="application/json",
        HTTP_IF_MATCH=person_etag(username, nominal),
    )
    assert response.status_code == 200, response.content


def test_a_stale_release_is_a_412_naming_who_changed_the_record(cole):
    etag = person_etag("prison.pom", cole)
    change_the_record("probation.om", cole)
    response = post("prison.pom", release_url(cole), {"on": TODAY.isoformat()}, etag)
    assert response.status_code == 412
    assert "changed by" in response.content.decode()
    assert fresh(cole).custody_periods.get().ended_on is None
    assert not Movement.objects.exists()


def test_a_release_without_if_match_is_a_428(cole):
    response = post("prison.pom", release_url(cole), {"on": TODAY.isoformat()})
    assert response.status_code == 428
    assert not Movement.objects.exists()


@pytest.mark.parametrize("who", ["outsider.police", "lay.adviser"])
def test_outside_the_area_a_release_is_a_404(cole, who):
    response = post(who, release_url(cole), {"on": TODAY.isoformat()}, f'"{cole.version}"')
    assert response.status_code == 404
    assert not Movement.objects.exists()


def test_a_forged_person_is_a_404(cole):
    forged = f"/api/v1/custody/people/{uuid.uuid4()}/releases/"
    response = post("prison.pom", forged, {"on": TODAY.isoformat()}, f'"{cole.version}"')
    assert response.status_code == 404


# A return to custody


def released(users, nominal, on):
    held = fresh(nominal)
    services.record_release(actor=users["prison.pom"], nominal=held, version=held.version, on=on)
    return fresh(nominal)


def test_a_recall_by_the_api_opens_custody_and_records_the_counted_event(users, cole):
    released(users, cole, days(-20))
    etag = person_etag("probation.om", cole)
    body = {"on": days(-2).isoformat(), "reason": "licence_recall"}
    response = post("probation.om", return_url(cole), body, etag)
    assert response.status_code == 201, response.content
    assert (response.json()["kind"], response.json()["reason"]) == ("returned", "licence_recall")
    held = fresh(cole)
    assert [p.ended_on for p in held.custody_periods.order_by("started_on")] == [days(-20), None]
    assert [(e.kind, e.occurred_on) for e in held.events.all()] == [
        ("returned_to_custody_licence_breach", days(-2))
    ]
    assert Movement.objects.filter(kind=MovementKind.RETURNED).count() == 1
    assert events(EventType.CUSTODY_RETURN_RECORDED) == 1


@pytest.mark.parametrize(
    "body, field",
    [
        ({"on": "2026-13-01", "reason": "order_breach"}, "on"),  # an impossible date
        ({"on": TODAY.isoformat(), "reason": "escaped"}, "reason"),
        ({"on": TODAY.isoformat()}, "reason"),
        ({"on": days(-30).isoformat(), "reason": "other"}, "on"),  # before the last release
    ],
)
def test_a_bad_return_is_a_400_naming_the_field_and_changes_nothing(users, cole, body, field):
    before = released(users, cole, days(-20))
    response = post("probation.om", return_url(cole), body, f'"{before.version}"')
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == [field]
    held = fresh(cole)
    assert held.version == before.version and held.custody_periods.count() == 1
    assert not Movement.objects.filter(kind=MovementKind.RETURNED).exists()


def test_a_return_of_someone_in_custody_is_refused(cole):
    body = {"on": TODAY.isoformat(), "reason": "other"}
    response = post("probation.om", return_url(cole), body, person_etag("probation.om", cole))
    assert response.status_code == 400
    assert "on" in [e["field"] for e in response.json()["errors"]]
    assert not Movement.objects.exists()


def test_a_stale_return_is_a_412(users, cole):
    stale = f'"{released(users, cole, days(-20)).version}"'
    change_the_record("probation.om", cole)
    body = {"on": TODAY.isoformat(), "reason": "other"}
    assert post("prison.pom", return_url(cole), body, stale).status_code == 412
    assert not Movement.objects.filter(kind=MovementKind.RETURNED).exists()
    assert fresh(cole).custody_periods.count() == 1


def test_outside_the_area_a_return_is_a_404(users, cole):
    held = released(users, cole, days(-20))
    body = {"on": TODAY.isoformat(), "reason": "other"}
    for who in ("outsider.police", "lay.adviser"):
        assert post(who, return_url(cole), body, f'"{held.version}"').status_code == 404
    assert not Movement.objects.filter(kind=MovementKind.RETURNED).exists()


# The co-ordinator's level decision


def test_the_coordinator_decides_the_level_by_the_api(cole, screening):
    etag = api("coordinator").get(f"/api/v1/custody/screenings/{screening.id}/")["ETag"]
    body = {"level": 2, "rationale": "Victim nearby"}
    response = post("coordinator", decision_url(screening), body, etag)
    assert response.status_code == 200, response.content
    assert (response.json()["status"], response.json()["decided_level"]) == (
        ScreeningStatus.MEETING_NEEDED,
        2,
    )
    assert response["ETag"] == f'"{screening.version + 1}"'
    case = cole.mappa_cases.get(closed_on__isnull=True)
    assert case.level == 2 and case.first_meeting_needed_since == TODAY
    assert events(EventType.CUSTODY_LEVEL_DECIDED) == 1


@pytest.mark.parametrize(
    "body, field",
    [
        ({"level": 4, "rationale": "x"}, "level"),
        ({"level": 2, "rationale": ""}, "rationale"),
        ({"level": 2, "rationale": "   "}, "rationale"),
        ({"rationale": "x"}, "level"),
    ],
)
def test_a_bad_decision_is_a_400_naming_the_field_and_changes_nothing(screening, body, field):
    response = post("coordinator", decision_url(screening), body, f'"{screening.version}"')
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == [field]
    again = Screening.objects.get(id=screening.id)
    assert again.status == ScreeningStatus.AWAITING_DECISION and again.version == screening.version
    assert events(EventType.CUSTODY_LEVEL_DECIDED) == 0


def test_a_stale_decision_is_a_412_naming_who_changed_the_screening(users, screening):
    stale = f'"{screening.version}"'
    services.change_screening(
        actor=users["prison.pom"],
        screening=screening,
        version=screening.version,
        **(screening_data(users) | {"rationale": "Changed"}),
    )
    response = post("coordinator", decision_url(screening), {"level": 1, "rationale": "x"}, stale)
    assert response.status_code == 412
    assert "changed by" in response.content.decode()
    assert Screening.objects.get(id=screening.id).status == ScreeningStatus.AWAITING_DECISION


def test_a_second_decision_is_refused(screening):
    first = post("coordinator", decision_url(screening), {"level": 1, "rationale": "x"}, '"1"')
    assert first.status_code == 200
    again = post(
        "coordinator", decision_url(screening), {"level": 2, "rationale": "y"}, first["ETag"]
    )
    assert again.status_code == 400
    assert Screening.objects.get(id=screening.id).decided_level == 1


@pytest.mark.parametrize(
    "who, status",
    [
        ("coordinator.other", 404),  # the OTHER area's co-ordinator: out of scope
        ("lay.adviser", 404),
        ("outsider.police", 403),  # not a co-ordinator, as on the page
    ],
)
def test_outside_the_area_a_decision_is_refused(screening, who, status):
    response = post(who, decision_url(screening), {"level": 1, "rationale": "x"}, '"1"')
    assert response.status_code == status
    assert Screening.objects.get(id=screening.id).status == ScreeningStatus.AWAITING_DECISION


def test_a_forged_screening_is_a_404_and_a_practitioner_may_not_decide(screening):
    forged = f"/api/v1/custody/screenings/{uuid.uuid4()}/decision/"
    assert post("coordinator", forged, {"level": 1, "rationale": "x"}, '"1"').status_code == 404
    response = post("prison.pom", decision_url(screening), {"level": 1, "rationale": "x"}, '"1"')
    assert response.status_code == 403
    assert Screening.objects.get(id=screening.id).status == ScreeningStatus.AWAITING_DECISION


def test_the_new_endpoints_are_in_the_openapi_schema(users):
    paths = api("coordinator").get("/api/v1/schema/").json()["paths"]
    for path in (
        "/api/v1/custody/screenings/{screening_id}/decision/",
        "/api/v1/custody/people/{nominal_id}/releases/",
        "/api/v1/custody/people/{nominal_id}/returns/",
    ):
        operation = paths[path]["post"]
        assert any(p["name"] == "If-Match" for p in operation["parameters"]), path
