"""Who sees a referral: its referrer, the area's screeners once submitted, and those who see the person.

Anyone else gets 404, exactly as for a referral that does not exist, on the pages and the API.
"""

import uuid

import pytest

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.desk.demo import demo_secret
from mappa.desk.services import load_demo
from mappa.people.models import Nominal
from mappa.referrals import services
from mappa.referrals.queries import referrals_visible_to
from mappa.referrals.tests.drafts import submitted

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(db, demo_mode):
    return {user.username: user for user in load_demo()}


def test_a_draft_is_seen_only_by_its_referrer(users):
    draft = services.start_referral(actor=users["housing.officer"])
    assert list(referrals_visible_to(users["housing.officer"])) == [draft]
    for username in ("coordinator", "probation.om", "outsider.police", "lay.adviser"):
        assert not referrals_visible_to(users[username]).exists(), username


def test_a_submitted_referral_is_seen_by_the_areas_coordinator_but_not_other_referrers(users):
    referral = submitted(users["housing.officer"])
    assert referral in referrals_visible_to(users["coordinator"])
    assert referral not in referrals_visible_to(users["probation.om"])  # person not on register
    assert referral not in referrals_visible_to(users["mash.manager"])
    assert referral not in referrals_visible_to(users["outsider.police"])


def test_a_referral_about_a_person_is_seen_by_those_who_see_the_person(users):
    referral = submitted(users["police.ppu"], Nominal.objects.get(crn="X123456"))
    assert referral in referrals_visible_to(users["probation.om"])
    assert referral not in referrals_visible_to(users["housing.officer"])
    assert referral not in referrals_visible_to(users["outsider.police"])


@pytest.mark.parametrize(
    "path", ["/referrals/{id}/", "/referrals/{id}/screen/", "/referrals/{id}/reason/"]
)
def test_an_outsider_gets_404_for_a_referral_as_for_a_missing_one(users, signed_in, path):
    referral = submitted(users["housing.officer"])
    client = signed_in("outsider.police")
    assert client.get(path.format(id=referral.id)).status_code in (403, 404)
    if "screen" not in path:
        assert client.get(path.format(id=referral.id)).status_code == 404
        assert client.get(path.format(id=uuid.uuid4())).status_code == 404


def test_the_api_lists_and_returns_referrals_in_scope_only(users, client):
    referral = submitted(users["housing.officer"])
    mine = {"HTTP_AUTHORIZATION": f"Token {demo_secret('housing.officer')}"}
    outsider = {"HTTP_AUTHORIZATION": f"Token {demo_secret('outsider.police')}"}
    listed = client.get("/api/v1/referrals/", **mine).json()
    assert [item["id"] for item in listed["results"]] == [str(referral.id)]
    detail = client.get(f"/api/v1/referrals/{referral.id}/", **mine).json()
    assert detail["status"] == "submitted"
    assert detail["sections"]["reason"]["reason"].startswith("Threats")
    assert client.get("/api/v1/referrals/", **outsider).json()["results"] == []
    missing = client.get(f"/api/v1/referrals/{referral.id}/", **outsider)
    assert missing.status_code == 404
    assert AuditEvent.objects.filter(
        event_type=EventType.CASE_CONTENT_READ, subject=referral.id, actor=users["housing.officer"]
    ).exists()


def test_reading_a_referral_page_is_audited(users, signed_in):
    referral = submitted(users["housing.officer"])
    signed_in("coordinator").get(f"/referrals/{referral.id}/")
    assert AuditEvent.objects.filter(
        event_type=EventType.CASE_CONTENT_READ, subject=referral.id, actor=users["coordinator"]
    ).exists()
