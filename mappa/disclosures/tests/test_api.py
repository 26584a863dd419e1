"""The disclosure API: decisions to whoever may see the person, applications to the area's
disclosure team only; out of scope answers 404; bad input gets the contract's errors."""

import pytest
from django.test import Client
from django.utils import timezone

from mappa.disclosures.services import decisions as services
from mappa.disclosures.tests.records import create_application
from mappa.people.models import Nominal

pytestmark = pytest.mark.django_db


def api(username: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Token demo-{username}")


def test_applications_are_listed_for_the_disclosure_team_only(users):
    application = create_application()
    listed = api("disclosure.officer").get("/api/v1/disclosures/applications/?open=true")
    assert [row["reference"] for row in listed.json()["results"]] == [application.reference]
    detail = api("disclosure.officer").get(f"/api/v1/disclosures/applications/{application.id}/")
    assert detail.json()["subject_name"] == "John Smith" and detail.json()["steps"] == []
    assert api("probation.om").get("/api/v1/disclosures/applications/").status_code == 403
    assert Client().get("/api/v1/disclosures/applications/").status_code == 401


def test_a_decision_is_recorded_and_read_in_scope(users):
    nominal = Nominal.objects.get(crn="X123456")
    response = api("disclosure.officer").post(
        "/api/v1/disclosures/decisions/",
        {"nominal": str(nominal.id), "decision": "do_not_disclose", "rationale": "No risk"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    decision_id = response.json()["id"]
    assert response.json()["status"] == "declined"
    seen = api("probation.om").get(f"/api/v1/disclosures/decisions/?nominal={nominal.id}")
    assert [row["id"] for row in seen.json()["results"]] == [decision_id]
    assert (
        api("outsider.police").get(f"/api/v1/disclosures/decisions/{decision_id}/").status_code
        == 404
    )
    assert (
        api("probation.om")
        .post("/api/v1/disclosures/decisions/", {}, content_type="application/json")
        .status_code
        == 403
    )


def test_a_decision_to_disclose_without_its_tests_is_refused_with_field_errors(users):
    nominal = Nominal.objects.get(crn="X123456")
    response = api("disclosure.officer").post(
        "/api/v1/disclosures/decisions/",
        {"nominal": str(nominal.id), "decision": "disclose", "rationale": "Risk"},
        content_type="application/json",
    )
    assert response.status_code == 400
    fields = {error["field"] for error in response.json()["errors"]}
    assert {"recipient", "lawful", "disclose_by"} <= fields
    assert not nominal.disclosure_decisions.exists()


def test_a_made_disclosure_shows_in_the_decision(users):
    from datetime import timedelta

    nominal = Nominal.objects.get(crn="X123456")
    decision = services.record_decision(
        actor=users["disclosure.officer"],
        nominal=nominal,
        decision="disclose",
        rationale="Risk",
        recipient="Ms A",
        what_to_disclose="Conviction",
        risk_protected_against="Harm",
        discloser="DC Khan",
        method="in_person",
        disclose_by=timezone.localdate() + timedelta(days=2),
        tests={"reasonable": "a", "necessary": "b", "lawful": "c", "proportionate": "d"},
    )
    services.record_disclosure_made(
        actor=users["disclosure.officer"],
        decision=decision,
        made_on=timezone.localdate(),
        made_by="DC Khan",
        method="in_person",
        recipient="Ms A",
        what_was_said="Conviction",
        undertaking_signed=True,
        offender_told=False,
        offender_not_told_reason="Risk",
    )
    body = api("disclosure.officer").get(f"/api/v1/disclosures/decisions/{decision.id}/").json()
    assert body["status"] == "made" and body["made"]["undertaking_signed"] is True
    assert body["tests"]["lawful"] == "c"
