"""Who sees a case's risk records: those who see the case. Anyone else gets 404, pages and API.

Recording needs the record-risk permission: a duty-to-co-operate practitioner who was granted
the case may read its risk records but not change them.
"""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from mappa.agencies import services as access
from mappa.agencies.constants import AccessReason
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.desk.demo import demo_secret
from mappa.risk.tests.records import create_assessment, create_plan, create_zone, smith_case

pytestmark = pytest.mark.django_db

READ_PAGES = [
    "assessments/",
    "assessments/{assessment}/",
    "plan/",
    "plan/versions/1/",
    "conditions/",
]
WRITE_PAGES = ["assessments/add/", "plan/edit/", "conditions/add/", "conditions/add/curfew/"]
API = ["assessments/", "plans/", "conditions/"]


@pytest.fixture
def records(users):
    actor = users["probation.om"]
    return {
        "assessment": create_assessment(actor=actor),
        "plan": create_plan(actor=actor),
        "zone": create_zone(actor=actor),
    }


def _pages(paths, records):
    case = smith_case()
    return [
        f"/cases/{case.id}/risk/" + path.format(assessment=records["assessment"].id)
        for path in paths
    ]


def _grant_housing(users):
    access.grant_case_access(
        actor=users["coordinator"],
        case=smith_case().id,
        reason=AccessReason.COORDINATOR_GRANT,
        grantee_user=users["housing.officer"],
        expires_at=timezone.now() + timedelta(days=7),
        explanation="Housing away from the victim",
    )


@pytest.mark.parametrize("username", ["probation.om", "police.ppu", "coordinator", "chair.police"])
def test_the_areas_responsible_authority_reads_every_risk_page(records, signed_in, username):
    client = signed_in(username)
    for url in _pages(READ_PAGES + WRITE_PAGES, records):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("username", ["outsider.police", "housing.officer"])
def test_someone_who_cannot_see_the_case_gets_404_as_for_a_missing_case(
    records, signed_in, username
):
    client = signed_in(username)
    for url in _pages(READ_PAGES, records):
        assert client.get(url).status_code == 404, url
        missing = url.replace(str(smith_case().id), str(uuid.uuid4()))
        assert client.get(missing).status_code == 404, missing
    assert not AuditEvent.objects.filter(event_type=EventType.CASE_CONTENT_READ).exists()


def test_the_outsider_cannot_record_risk_on_another_areas_case(records, signed_in):
    client = signed_in("outsider.police")
    for url in _pages(WRITE_PAGES, records):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {}).status_code == 404, url


def test_a_granted_housing_officer_reads_the_risk_records_but_cannot_change_them(
    users, records, signed_in
):
    _grant_housing(users)
    client = signed_in("housing.officer")
    for url in _pages(READ_PAGES, records):
        assert client.get(url).status_code == 200, url
    for url in _pages(WRITE_PAGES, records):
        assert client.get(url).status_code == 403, url
    page = client.get(_pages(["plan/"], records)[0]).content.decode()
    assert "Change the plan" not in page


@pytest.mark.parametrize(
    "username, status",
    [("lay.adviser", 404), ("smb.member", 404), ("sysadmin", 403), ("mash.manager", 403)],
)
def test_roles_that_see_no_case_content_are_refused(records, signed_in, username, status):
    # Lay advisers and SMB members see aggregates only: to them case content does not exist.
    client = signed_in(username)
    for url in _pages(READ_PAGES, records):
        assert client.get(url).status_code == status, url


def test_each_read_is_audited_against_the_case(users, records, signed_in):
    client = signed_in("police.ppu")
    for url in _pages(READ_PAGES, records):
        client.get(url)
    contents = {
        event.payload["content"]
        for event in AuditEvent.objects.filter(
            event_type=EventType.CASE_CONTENT_READ, subject=smith_case().id
        )
    }
    assert contents == {
        "RoSH assessments",
        "RoSH assessment",
        "risk management plan version 1",
        "licence conditions",
    }


def _api(client, username, path):
    token = {"HTTP_AUTHORIZATION": f"Token {demo_secret(username)}"}
    return client.get(f"/api/v1/cases/{smith_case().id}/risk/{path}", **token)


def test_the_api_returns_the_risk_records_of_a_case_in_scope(users, records, client):
    assessments = _api(client, "probation.om", "assessments/").json()["results"]
    assert assessments[0]["overall_level"] == "high"
    assert assessments[0]["ratings"]["community"]["children"] == "high"
    plans = _api(client, "probation.om", "plans/").json()["results"]
    assert plans[0]["version"] == 1 and plans[0]["sections"]["contingency"] == [
        "Recall if he enters the exclusion zone"
    ]
    conditions = _api(client, "probation.om", "conditions/").json()["results"]
    assert conditions[0]["kind"] == "exclusion_zone"
    assert conditions[0]["zone"]["type"] == "Polygon"
    assert AuditEvent.objects.filter(
        event_type=EventType.CASE_CONTENT_READ, payload__content="licence conditions (API)"
    ).exists()


@pytest.mark.parametrize("username", ["outsider.police", "housing.officer"])
@pytest.mark.parametrize("path", API)
def test_the_api_gives_404_outside_the_scope(records, client, username, path):
    assert _api(client, username, path).status_code == 404


def test_the_api_serves_a_granted_housing_officer(users, records, client):
    _grant_housing(users)
    for path in API:
        assert _api(client, "housing.officer", path).status_code == 200
