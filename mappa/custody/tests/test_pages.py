"""The custody pages and API: what each shows, who may open them (404 outside), bad input and
stale saves on the page, and the reads recorded."""

import pytest
from django.test import Client

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.custody import services
from mappa.custody.models import Screening
from mappa.custody.tests.conftest import TODAY, days, fresh, screening_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def screening(users, cole):
    return services.record_screening(
        actor=users["prison.pom"], nominal=fresh(cole), **screening_data(users)
    )


def api(username: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Token demo-{username}")


def reads_of(subject) -> int:
    return AuditEvent.objects.filter(
        event_type=EventType.CASE_CONTENT_READ, subject=subject
    ).count()


def dmy(day) -> str:
    return f"{day.day}/{day.month}/{day.year}"


def test_the_releases_queue_page_lists_the_person_in_red(signed_in, cole):
    page = signed_in("prison.pom").get("/custody/releases/").content.decode()
    assert "Gary Cole" in page and "Level decision overdue" in page
    assert f"/custody/people/{cole.id}/" in page


def test_the_custody_page_shows_the_deadline_and_records_its_read(signed_in, cole):
    client = signed_in("coordinator")
    page = client.get(f"/custody/people/{cole.id}/").content.decode()
    assert "Level to be set by" in page and "parole hearing" in page
    assert reads_of(cole.id) == 1


@pytest.mark.parametrize(
    "path",
    [
        "/custody/people/{nominal}/",
        "/custody/people/{nominal}/record/",
        "/custody/people/{nominal}/screening/",
        "/custody/people/{nominal}/release/",
        "/custody/people/{nominal}/return/",
        "/custody/screenings/{screening}/",
        "/custody/screenings/{screening}/edit/",
        "/api/v1/custody/screenings/{screening}/",
    ],
)
@pytest.mark.parametrize("who", ["outsider.police", "lay.adviser"])
def test_outside_the_area_every_custody_page_is_a_404(signed_in, cole, screening, path, who):
    client = signed_in(who) if not path.startswith("/api/") else api(who)
    url = path.format(nominal=cole.id, screening=screening.id)
    assert client.get(url).status_code == 404


def test_outsiders_see_an_empty_queue_and_no_screenings_in_the_api(signed_in, cole, screening):
    assert (
        "Gary Cole" not in signed_in("outsider.police").get("/custody/releases/").content.decode()
    )
    assert api("outsider.police").get("/api/v1/custody/screenings/").json()["results"] == []
    assert api("outsider.police").get("/api/v1/custody/releases/").json()["results"] == []


def test_the_prison_records_the_screening_from_the_page(signed_in, users, cole):
    client = signed_in("prison.pom")
    response = client.post(
        f"/custody/people/{cole.id}/screening/",
        {
            "category": "1",
            "proposed_level": "2",
            "rationale": "Victim nearby",
            "report_requested": "yes",
            "report_due_on": dmy(days(20)),
            "offender_manager": str(users["probation.om"].uuid),
        },
    )
    screening = Screening.objects.get()
    assert response.status_code == 302 and response.url == f"/custody/screenings/{screening.id}/"
    assert screening.offender_manager == users["probation.om"]


def test_an_impossible_date_on_the_page_is_named_and_nothing_is_saved(signed_in, cole):
    response = signed_in("prison.pom").post(
        f"/custody/people/{cole.id}/screening/",
        {
            "category": "3",
            "proposed_level": "1",
            "rationale": "x",
            "report_requested": "yes",
            "report_due_on": "31/2/2027",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in page
    assert not Screening.objects.exists()


def test_a_release_date_before_custody_began_is_named_on_the_page(signed_in, cole):
    response = signed_in("prison.pom").post(
        f"/custody/people/{cole.id}/release/", {"version": cole.version, "on": "1/1/2010"}
    )
    assert "on or after 1/10/2010, when custody began" in response.content.decode()
    assert fresh(cole).custody_periods.get().ended_on is None


def test_a_stale_screening_page_is_refused_naming_who_saved_first(signed_in, users, screening):
    form = {
        "version": screening.version,
        "category": "1",
        "proposed_level": "3",
        "rationale": "Changed",
        "report_requested": "no",
    }
    assert (
        signed_in("probation.om")
        .post(f"/custody/screenings/{screening.id}/edit/", form)
        .status_code
        == 302
    )
    page = (
        signed_in("prison.pom")
        .post(f"/custody/screenings/{screening.id}/edit/", form | {"rationale": "Mine"})
        .content.decode()
    )
    assert "while you were editing it" in page
    assert Screening.objects.get(id=screening.id).rationale == "Changed"


def test_only_the_coordinator_decides_the_level(signed_in, screening):
    assert (
        signed_in("prison.pom").get(f"/custody/screenings/{screening.id}/decision/").status_code
        == 403
    )
    client = signed_in("coordinator")
    response = client.post(
        f"/custody/screenings/{screening.id}/decision/",
        {
            "version": screening.version,
            "level": "2",
            "rationale": "Agreed",
        },
    )
    assert response.status_code == 302
    page = client.get(f"/custody/screenings/{screening.id}/").content.decode()
    assert "Level 2, by" in page


def test_the_api_creates_lists_and_reads_screenings(users, cole):
    body = {
        "nominal": str(cole.id),
        "category": 1,
        "proposed_level": 2,
        "rationale": "By API",
        "report_requested": True,
        "report_due_on": days(10).isoformat(),
        "offender_manager": "probation.om",
    }
    created = api("prison.pom").post(
        "/api/v1/custody/screenings/", body, content_type="application/json"
    )
    assert created.status_code == 201, created.content
    screening_id = created.json()["id"]
    listed = api("coordinator").get("/api/v1/custody/screenings/").json()["results"]
    assert [row["id"] for row in listed] == [screening_id]
    before = reads_of(cole.id)
    one = api("coordinator").get(f"/api/v1/custody/screenings/{screening_id}/").json()
    assert (one["offender_manager"], one["status"]) == ("probation.om", "awaiting_decision")
    assert reads_of(cole.id) == before + 1
    queue = api("probation.om").get("/api/v1/custody/releases/").json()["results"]
    assert [(row["name"], row["due_against"], row["screening"]) for row in queue] == [
        ("Gary Cole", "parole", screening_id)
    ]


def test_bad_input_to_the_api_is_a_400_naming_the_field(cole):
    body = {
        "nominal": str(cole.id),
        "category": 1,
        "proposed_level": 2,
        "rationale": "By API",
        "report_requested": True,
        "report_due_on": TODAY.replace(year=TODAY.year - 1).isoformat(),
    }
    response = api("prison.pom").post(
        "/api/v1/custody/screenings/", body, content_type="application/json"
    )
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["report_due_on"]
    assert not Screening.objects.exists()


def test_dashboards_show_the_queue_and_an_unprepared_release_in_red(signed_in, users, cole):
    page = signed_in("coordinator").get("/dashboard/").content.decode()
    assert "1 person released or heard by the Parole Board" in page
    held = fresh(cole)
    services.record_release(actor=users["prison.pom"], nominal=held, version=held.version, on=TODAY)
    page = signed_in("coordinator").get("/dashboard/").content.decode()
    assert "1 released without a level or plan" in page
    practitioner = signed_in("prison.pom").get("/dashboard/").content.decode()
    assert 'data-testid="custody-panel"' in practitioner


def test_the_case_page_and_timeline_show_the_release(signed_in, users, cole):
    held = fresh(cole)
    services.record_release(actor=users["prison.pom"], nominal=held, version=held.version, on=TODAY)
    client = signed_in("probation.om")
    case = cole.mappa_cases.get(closed_on__isnull=True)
    page = client.get(f"/cases/{case.id}/").content.decode()
    assert "Released from custody on" in page
    person = client.get(f"/people/{cole.id}/").content.decode()
    timeline = person[person.index('data-testid="case-timeline"') :]
    assert "Released from custody" in timeline


def test_a_police_practitioner_is_not_offered_the_screening(signed_in, cole):
    page = signed_in("police.ppu").get(f"/custody/people/{cole.id}/").content.decode()
    assert "Record the pre-release screening" not in page and "Record the release" in page
    page = signed_in("prison.pom").get(f"/custody/people/{cole.id}/").content.decode()
    assert "Record the pre-release screening" in page
