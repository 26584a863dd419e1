"""The co-ordinator grants a duty-to-co-operate agency or person access to a case, and revokes it."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from mappa.agencies.constants import AccessReason, Role
from mappa.agencies.models import Agency, Area, CaseAccessGrant
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.cases.models import MappaCase
from mappa.desk.services import load_demo
from tests.factories import create_agency, create_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(db):
    load_demo()
    return MappaCase.objects.get(nominal__crn="X123456")


def housing_authority() -> Agency:
    return Agency.objects.get(area__code="DEMO", name="Housing authority")


def in_days(days: int) -> str:
    return f"{timezone.localdate() + timedelta(days=days):%d/%m/%Y}"


def grant(client, case, **overrides):
    form = {
        "grantee": f"agency:{housing_authority().id}",
        "explanation": "Finding him housing away from the victim",
        "ends_on": in_days(30),
    } | overrides
    return client.post(f"/cases/{case.id}/access/grant/", form)


def revoke(client, case, grant_id):
    return client.post(f"/cases/{case.id}/access/{grant_id}/revoke/")


def test_a_housing_officer_sees_a_case_only_while_the_coordinator_grants_it(case, signed_in):
    housing, coordinator = signed_in("housing.officer"), signed_in("coordinator")
    assert housing.get(f"/cases/{case.id}/").status_code == 404

    response = grant(coordinator, case)
    assert response.status_code == 302 and response["Location"] == f"/cases/{case.id}/"
    seen = housing.get(f"/cases/{case.id}/")
    assert seen.status_code == 200 and "Who can see this case" not in seen.text

    made = CaseAccessGrant.objects.get(case=case.id)
    assert revoke(coordinator, case, made.id).status_code == 302
    assert housing.get(f"/cases/{case.id}/").status_code == 404
    assert "Revoked" in coordinator.get(f"/cases/{case.id}/").text


def test_a_grant_is_recorded_with_its_reason_and_ends_at_the_end_of_the_chosen_day(
    case, demo, signed_in
):
    coordinator = signed_in("coordinator")
    grant(coordinator, case, ends_on=in_days(30))
    made = CaseAccessGrant.objects.get(case=case.id)
    last_day = timezone.localdate() + timedelta(days=30)
    assert made.grantee_agency == housing_authority() and made.grantee_user is None
    assert made.reason == AccessReason.COORDINATOR_GRANT
    assert made.explanation == "Finding him housing away from the victim"
    assert made.granted_by == demo["coordinator"]
    assert made.expires_at == timezone.make_aware(datetime.combine(last_day, time.max))
    assert AuditEvent.objects.get(event_type=EventType.CASE_ACCESS_GRANTED).subject == case.id


def test_the_case_page_lists_the_grant_and_the_coordinator_can_revoke_it(case, signed_in):
    coordinator = signed_in("coordinator")
    grant(coordinator, case)
    made = CaseAccessGrant.objects.get(case=case.id)
    text = coordinator.get(f"/cases/{case.id}/").text
    assert "Housing authority" in text and "Granted by the MAPPA co-ordinator" in text
    assert f"/cases/{case.id}/access/{made.id}/revoke/" in text
    practitioner = signed_in("probation.om").get(f"/cases/{case.id}/").text
    assert "Housing authority" in practitioner and "/revoke/" not in practitioner


def test_a_coordinator_may_grant_one_person_rather_than_their_agency(case, demo, signed_in):
    grant(signed_in("coordinator"), case, grantee=f"user:{demo['housing.officer'].uuid}")
    made = CaseAccessGrant.objects.get(case=case.id)
    assert made.grantee_user == demo["housing.officer"] and made.grantee_agency is None
    assert signed_in("housing.officer").get(f"/cases/{case.id}/").status_code == 200


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"ends_on": in_days(-1)}, "Access ends on must be a date in the future"),
        ({"ends_on": in_days(0)}, "Access ends on must be a date in the future"),
        ({"ends_on": "31/2/2030"}, "Access ends on must be a real date"),
        ({"ends_on": ""}, "Enter access ends on"),
        ({"explanation": "  "}, "Enter why they need to see the case"),
        ({"grantee": ""}, "Choose an agency or a person"),
    ],
)
def test_a_grant_with_bad_input_is_refused_with_an_error_summary_and_writes_nothing(
    case, signed_in, overrides, message
):
    response = grant(signed_in("coordinator"), case, **overrides)
    assert response.status_code == 200
    assert "govuk-error-summary" in response.text and message in response.text
    assert not CaseAccessGrant.objects.filter(case=case.id).exists()
    assert not AuditEvent.objects.filter(event_type=EventType.CASE_ACCESS_GRANTED).exists()


def test_only_duty_to_cooperate_agencies_of_the_cases_area_may_be_granted(case, signed_in):
    coordinator = signed_in("coordinator")
    form = coordinator.get(f"/cases/{case.id}/access/grant/").text
    assert "Housing authority" in form and "Jobcentre Plus" in form
    police = Agency.objects.get(area__code="DEMO", name="Police")
    elsewhere = create_agency(area=Area.objects.get(code="OTHER"), kind="housing_authority")
    for agency in (police, elsewhere):
        assert f"agency:{agency.id}" not in form
        response = grant(coordinator, case, grantee=f"agency:{agency.id}")
        assert "Choose an agency or a person from the list" in response.text
    assert not CaseAccessGrant.objects.filter(case=case.id).exists()


def test_someone_who_is_not_the_coordinator_is_refused_the_grant_screen(case, signed_in):
    for username in ("probation.om", "chair.police", "housing.officer"):
        client = signed_in(username)
        assert client.get(f"/cases/{case.id}/access/grant/").status_code == 403
        assert grant(client, case).status_code == 403
    assert not CaseAccessGrant.objects.filter(case=case.id).exists()


def test_someone_who_is_not_the_coordinator_cannot_revoke_a_grant(case, signed_in):
    grant(signed_in("coordinator"), case)
    made = CaseAccessGrant.objects.get(case=case.id)
    assert revoke(signed_in("probation.om"), case, made.id).status_code == 403
    made.refresh_from_db()
    assert made.revoked_at is None


def test_a_coordinator_of_another_area_is_told_the_case_does_not_exist(case, demo, signed_in):
    other = create_user(
        username="other.coordinator",
        role=Role.COORDINATOR,
        agency=Agency.objects.get(area__code="OTHER", name="Probation"),
        password="demo-other.coordinator",
    )
    other.is_demo = True
    other.save(update_fields=["is_demo"])
    assert signed_in("other.coordinator").get(f"/cases/{case.id}/access/grant/").status_code == 404


def test_revoking_asks_for_confirmation_and_only_a_grant_of_that_case(case, signed_in):
    coordinator = signed_in("coordinator")
    grant(coordinator, case)
    made = CaseAccessGrant.objects.get(case=case.id)
    confirm = coordinator.get(f"/cases/{case.id}/access/{made.id}/revoke/")
    assert confirm.status_code == 200 and "Revoke access for Housing authority?" in confirm.text
    assert CaseAccessGrant.objects.get(id=made.id).revoked_at is None
    another = MappaCase.objects.get(nominal__crn="X234567")
    assert revoke(coordinator, another, made.id).status_code == 404
    assert revoke(coordinator, case, made.id).status_code == 302
    assert revoke(coordinator, case, made.id).status_code == 404  # already revoked
    assert AuditEvent.objects.filter(event_type=EventType.CASE_ACCESS_REVOKED).count() == 1
