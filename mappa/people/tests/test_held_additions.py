"""Another area must not learn that a person is on this area's register (issue 16, item 1).

Adding someone with an identifier held in another area is held for that area's co-ordinators
(docs/register.md, "Held additions"): the submitter is told only that it was passed to them.
"""

import json

import pytest
from django.core import mail
from django.test import Client

from mappa.agencies.constants import Role
from mappa.agencies.models import Area
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.desk.demo import demo_secret
from mappa.desk.services import load_demo
from mappa.people.constants import HeldStatus
from mappa.people.models import HeldAddition, Nominal
from tests.factories import create_user

pytestmark = pytest.mark.django_db

# The DEMO register's John Paul Smith (mappa/desk/demo_data/nominals.jsonl).
SMITH = {"pnc": "2019/0012345X", "crn": "X123456", "noms": "A1234BC", "visor": "V0001234"}
NEW = {"forenames": "Aaron", "surname": "Okafor", "date_of_birth": "2/3/1990", "gender": "male"}


@pytest.fixture
def users(db, demo_mode, settings):
    settings.MAPPA_SITE_URL = "https://mappa.example"
    return {user.username: user for user in load_demo()}


@pytest.fixture
def smith(users):
    return Nominal.objects.get(crn=SMITH["crn"])


def sign_in(username: str) -> Client:
    client = Client()
    response = client.post("/sign-in/", {"username": username, "password": demo_secret(username)})
    assert response.status_code == 302, username
    return client


def add(client, **identifiers):
    return client.post("/people/add/", NEW | identifiers)


def held_for(users, django_capture_on_commit_callbacks, **identifiers) -> HeldAddition:
    with django_capture_on_commit_callbacks(execute=True):
        add(sign_in("outsider.police"), **identifiers)
    return HeldAddition.objects.get()


# Each identifier the register holds uniquely (shared/contracts/nominal-import.md, external_ids).
@pytest.mark.parametrize("kind", sorted(SMITH))
def test_an_identifier_held_in_another_area_is_never_confirmed_to_the_submitter(
    users, smith, kind, django_capture_on_commit_callbacks
):
    client = sign_in("outsider.police")
    with django_capture_on_commit_callbacks(execute=True):
        response = add(client, **{kind: SMITH[kind]})
    assert response.status_code == 302
    assert response["Location"] == "/people/add/passed-to-the-coordinators/"
    page = client.get(response["Location"]).content.decode()
    assert "Passed to the MAPPA co-ordinators" in page
    for revealing in ("already on the register", SMITH[kind], "Smith", "DEMO"):
        assert revealing not in page
    assert not Nominal.objects.filter(surname="Okafor").exists()
    held = HeldAddition.objects.get()
    assert (held.owning_area.code, held.submitted_area.code) == ("DEMO", "OTHER")
    assert held.submitted_by == users["outsider.police"]
    assert held.matches == [{"identifier": kind, "nominal": str(smith.id)}]
    assert (held.status, held.record["name"]["surname"]) == (HeldStatus.HELD, "Okafor")


def test_the_owning_areas_coordinators_get_a_link_and_nothing_else(
    users, smith, django_capture_on_commit_callbacks
):
    held = held_for(users, django_capture_on_commit_callbacks, pnc=SMITH["pnc"])
    owning = users["coordinator"].area_id  # not Otherford's co-ordinator, who submitted it
    coordinators = {
        u.email
        for u in users.values()
        if u.role == Role.COORDINATOR and u.email and u.area_id == owning
    }
    assert coordinators and {to for message in mail.outbox for to in message.to} == coordinators
    body = mail.outbox[0].body
    assert f"https://mappa.example/people/held/{held.id}/" in body
    for revealing in (SMITH["pnc"], "Smith", "Okafor", "Aaron"):
        assert revealing not in body and revealing not in mail.outbox[0].subject
    event = AuditEvent.objects.get(event_type=EventType.NOMINAL_ADDITION_HELD)
    assert event.payload["identifiers"] == ["pnc"] and event.payload["via"] == "web"


def test_within_ones_own_area_the_clash_is_still_named(users, smith):
    response = add(sign_in("police.ppu"), pnc=SMITH["pnc"])
    assert response.status_code == 200
    assert b"is already on the register" in response.content
    assert not HeldAddition.objects.exists()


def test_the_api_answers_202_passed_to_the_coordinators_never_a_clash(users, smith):
    client = Client(HTTP_AUTHORIZATION=f"Token {demo_secret('outsider.police')}")
    body = {
        "area": "OTHER",
        "external_ids": {"crn": SMITH["crn"]},
        "name": {"forenames": "Aaron", "surname": "Okafor"},
    }
    response = client.post("/api/v1/nominals/", json.dumps(body), content_type="application/json")
    assert response.status_code == 202
    assert response.json()["status"] == "passed_to_coordinators"
    assert SMITH["crn"] not in response.content.decode()
    assert not Nominal.objects.filter(surname="Okafor").exists()
    assert HeldAddition.objects.get().via == "api"


def test_the_owning_coordinator_lists_and_reads_held_additions_and_the_reads_are_audited(
    users, smith, django_capture_on_commit_callbacks
):
    held = held_for(users, django_capture_on_commit_callbacks, noms=SMITH["noms"])
    client = sign_in("coordinator")
    assert 'href="/people/held/"' in client.get("/people/").content.decode()
    listing = client.get("/people/held/")
    assert f"/people/held/{held.id}/" in listing.content.decode()
    page = client.get(f"/people/held/{held.id}/").content.decode()
    assert "Okafor" in page and SMITH["noms"] in page and f"/people/{smith.id}/" in page
    reads = AuditEvent.objects.filter(event_type=EventType.CASE_CONTENT_READ, subject=held.id)
    assert sorted(event.payload["content"] for event in reads) == [
        "held addition",
        "held additions list",
    ]


def test_other_areas_coordinators_get_404_and_other_roles_are_refused(
    users, smith, django_capture_on_commit_callbacks
):
    held = held_for(users, django_capture_on_commit_callbacks, pnc=SMITH["pnc"])
    other = Area.objects.get(code="OTHER")
    create_user(
        username="other.coordinator",
        role=Role.COORDINATOR,
        agency=users["outsider.police"].agency,
        area=other,
        password=demo_secret("other.coordinator"),
        is_demo=True,
    )
    client = sign_in("other.coordinator")
    assert client.get(f"/people/held/{held.id}/").status_code == 404
    assert str(held.id) not in client.get("/people/held/").content.decode()
    assert sign_in("police.ppu").get(f"/people/held/{held.id}/").status_code == 403
    assert sign_in("outsider.police").get(f"/people/held/{held.id}/").status_code == 403


def decide(client, held, decision, version=None):
    return client.post(
        f"/people/held/{held.id}/",
        {"decision": decision, "version": held.version if version is None else version},
    )


def test_not_the_same_person_adds_it_to_the_submitting_area_and_tells_the_submitter(
    users, smith, django_capture_on_commit_callbacks
):
    held = held_for(users, django_capture_on_commit_callbacks, pnc=SMITH["pnc"], cro="12/345Z")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(sign_in("coordinator"), held, HeldStatus.NOT_SAME_PERSON)
    assert response.status_code == 302
    added = Nominal.objects.get(surname="Okafor")
    # The PNC names John Paul Smith, so it is left off; the rest is as submitted.
    assert (added.area.code, added.pnc, added.cro) == ("OTHER", None, "12/345Z")
    assert added.date_of_birth.isoformat() == "1990-03-02"
    held.refresh_from_db()
    assert (held.status, held.added, held.decided_by) == (
        HeldStatus.NOT_SAME_PERSON,
        added,
        users["coordinator"],
    )
    assert [message.to for message in mail.outbox] == [[users["outsider.police"].email]]
    assert f"https://mappa.example/people/{added.id}/" in mail.outbox[0].body
    assert "Okafor" not in mail.outbox[0].body
    decided = AuditEvent.objects.get(event_type=EventType.HELD_ADDITION_DECIDED)
    assert decided.payload == {
        "held": str(held.id),
        "decision": "not_same_person",
        "added": str(added.id),
    }
    assert sign_in("outsider.police").get(f"/people/{added.id}/").status_code == 200


def test_the_same_person_is_recorded_and_nothing_is_added_or_sent(
    users, smith, django_capture_on_commit_callbacks
):
    held = held_for(users, django_capture_on_commit_callbacks, visor=SMITH["visor"])
    mail.outbox.clear()
    client = sign_in("coordinator")
    with django_capture_on_commit_callbacks(execute=True):
        decide(client, held, HeldStatus.SAME_PERSON)
    held.refresh_from_db()
    assert held.status == HeldStatus.SAME_PERSON and held.added is None
    assert not Nominal.objects.filter(surname="Okafor").exists() and not mail.outbox
    page = client.get(f"/people/held/{held.id}/").content.decode()
    assert "their case can be transferred there" in page


def test_a_decision_from_a_stale_page_or_with_no_choice_is_refused_and_changes_nothing(
    users, smith, django_capture_on_commit_callbacks
):
    held = held_for(users, django_capture_on_commit_callbacks, pnc=SMITH["pnc"])
    client = sign_in("coordinator")
    unchosen = decide(client, held, "")
    assert b"Select is this the same person" in unchosen.content
    stale = decide(client, held, HeldStatus.SAME_PERSON, version=held.version + 1)
    assert stale.status_code == 200 and b"govuk-error-summary" in stale.content
    held.refresh_from_db()
    assert held.status == HeldStatus.HELD
