"""Changing a person's identifier to one another area holds is never confirmed (issue 16, item 1).

Like an addition (test_held_additions.py), the change is held for the owning area's
co-ordinators (docs/register.md, "Held additions"): nothing of it is written, and the
submitter is told only that it was passed to them.
"""

import json

import pytest
from django.core import mail
from django.test import Client

from mappa import versions
from mappa.agencies.constants import Role
from mappa.agencies.models import Area
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.desk.demo import demo_secret
from mappa.desk.services import load_demo
from mappa.people import records, services
from mappa.people.constants import HeldStatus
from mappa.people.models import HeldAddition, Nominal
from tests.factories import create_user

pytestmark = pytest.mark.django_db

# The DEMO register's John Paul Smith and the OTHER register's Lee Turner
# (mappa/desk/demo_data/nominals.jsonl).
SMITH = {"pnc": "2019/0012345X", "crn": "X123456", "noms": "A1234BC", "visor": "V0001234"}
TURNER = {"pnc": "2012/0999999B", "crn": "X678901"}
IDENTITY = {"forenames": "Lee", "surname": "Turner", "date_of_birth": "1/12/1987"} | {
    "ethnicity": "Black British - Caribbean"
}


@pytest.fixture
def users(db, demo_mode, settings):
    settings.MAPPA_SITE_URL = "https://mappa.example"
    return {user.username: user for user in load_demo()}


@pytest.fixture
def turner(users):
    return Nominal.objects.get(crn=TURNER["crn"])


@pytest.fixture
def smith(users):
    return Nominal.objects.get(crn=SMITH["crn"])


def sign_in(username: str) -> Client:
    client = Client()
    response = client.post("/sign-in/", {"username": username, "password": demo_secret(username)})
    assert response.status_code == 302, username
    return client


def api(username: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Token {demo_secret(username)}")


def edit_identity(client, nominal, **changes):
    nominal.refresh_from_db()
    data = IDENTITY | {"gender": "male", "version": nominal.version} | TURNER | changes
    return client.post(f"/people/{nominal.id}/identity/", data)


def held_change(capture, **changes) -> HeldAddition:
    nominal = Nominal.objects.get(crn=TURNER["crn"])
    with capture(execute=True):
        edit_identity(sign_in("outsider.police"), nominal, **changes)
    return HeldAddition.objects.get()


def unchanged(nominal, before) -> bool:
    nominal.refresh_from_db()
    return (nominal.surname, nominal.pnc, nominal.crn, nominal.version) == before


def state(nominal) -> tuple:
    return (nominal.surname, nominal.pnc, nominal.crn, nominal.version)


# Each identifier the register holds uniquely (shared/contracts/nominal-import.md, external_ids).
@pytest.mark.parametrize("kind", sorted(SMITH))
def test_an_edit_giving_another_areas_identifier_is_held_whole_and_never_confirmed(
    users, turner, smith, kind, django_capture_on_commit_callbacks
):
    before, client = state(turner), sign_in("outsider.police")
    with django_capture_on_commit_callbacks(execute=True):
        response = edit_identity(client, turner, surname="Turner-Jones", **{kind: SMITH[kind]})
    assert response.status_code == 302
    assert response["Location"] == "/people/add/passed-to-the-coordinators/?change=1"
    page = client.get(response["Location"]).content.decode()
    assert "Passed to the MAPPA co-ordinators" in page and "change has not been made" in page
    for revealing in ("already on the register", SMITH[kind], "Smith", "DEMO"):
        assert revealing not in page
    # One transaction: the surname changed in the same edit is not written either.
    assert unchanged(turner, before)
    held = HeldAddition.objects.get()
    assert (held.nominal, held.nominal_version, held.owning_area.code) == (
        turner,
        before[3],
        "DEMO",
    )
    assert held.matches == [{"identifier": kind, "nominal": str(smith.id)}]
    assert held.record["name"]["surname"] == "Turner-Jones" and held.is_change
    event = AuditEvent.objects.get(event_type=EventType.NOMINAL_ADDITION_HELD)
    assert event.payload["via"] == "web (change)" and event.payload["identifiers"] == [kind]
    assert not AuditEvent.objects.filter(event_type=EventType.NOMINAL_UPDATED).exists()


def test_the_owning_areas_coordinators_get_the_same_link_only_email(
    users, turner, django_capture_on_commit_callbacks
):
    held = held_change(django_capture_on_commit_callbacks, pnc=SMITH["pnc"])
    owning = users["coordinator"].area_id  # not Otherford's co-ordinator, who submitted it
    coordinators = {
        u.email
        for u in users.values()
        if u.role == Role.COORDINATOR and u.email and u.area_id == owning
    }
    assert coordinators and {to for message in mail.outbox for to in message.to} == coordinators
    assert f"https://mappa.example/people/held/{held.id}/" in mail.outbox[0].body
    for revealing in (SMITH["pnc"], TURNER["crn"], "Smith", "Turner"):
        assert revealing not in mail.outbox[0].body + mail.outbox[0].subject


def test_within_ones_own_area_the_clash_on_an_edit_is_still_named(users, smith):
    other = Nominal.objects.filter(area__code="DEMO").exclude(id=smith.id).first()
    before = state(other)
    response = sign_in("police.ppu").post(
        f"/people/{other.id}/identity/",
        {"surname": other.surname, "gender": other.gender, "pnc": SMITH["pnc"]}
        | {"version": other.version},
    )
    assert response.status_code == 200 and b"is already on the register" in response.content
    assert unchanged(other, before) and not HeldAddition.objects.exists()


def test_a_stale_edit_is_refused_as_stale_and_not_held(users, turner):
    with pytest.raises(versions.StaleEdit):
        record = records.to_record(records.exportable(Nominal.objects.filter(id=turner.id)).get())
        ids = record.external_ids.model_copy(update={"pnc": SMITH["pnc"]})
        services.save_nominal(
            actor=users["outsider.police"],
            record=record.model_copy(update={"external_ids": ids}),
            nominal=turner,
            version=turner.version + 1,
            via="test",
        )
    assert not HeldAddition.objects.exists()


def put(client, nominal, body, etag):
    return client.put(
        f"/api/v1/nominals/{nominal.id}/",
        json.dumps(body),
        content_type="application/json",
        HTTP_IF_MATCH=etag,
    )


def test_the_api_put_answers_202_like_the_add_and_writes_nothing(users, turner):
    client, before = api("outsider.police"), state(turner)
    got = client.get(f"/api/v1/nominals/{turner.id}/")
    body = got.json()
    body["name"]["surname"] = "Turner-Jones"
    body["external_ids"]["visor"] = SMITH["visor"]
    response = put(client, turner, body, got["ETag"])
    assert response.status_code == 202
    assert set(response.json()) == {"status", "detail"}
    assert response.json()["status"] == "passed_to_coordinators"
    assert SMITH["visor"] not in response.content.decode()
    assert unchanged(turner, before)
    held = HeldAddition.objects.get()
    assert (held.via, held.nominal) == ("api", turner)


def test_the_api_patch_answers_202_and_writes_nothing(users, turner):
    client, before = api("outsider.police"), state(turner)
    etag = client.get(f"/api/v1/nominals/{turner.id}/")["ETag"]
    response = client.patch(
        f"/api/v1/nominals/{turner.id}/",
        json.dumps({"external_ids": TURNER | {"noms": SMITH["noms"]}, "ethnicity": "Not stated"}),
        content_type="application/merge-patch+json",
        HTTP_IF_MATCH=etag,
    )
    assert response.status_code == 202 and response.json()["status"] == "passed_to_coordinators"
    assert unchanged(turner, before)
    assert HeldAddition.objects.get().record["ethnicity"] == "Not stated"


def test_a_person_outside_ones_area_is_404_on_put_patch_and_the_form(users, smith):
    client = api("outsider.police")
    body = json.dumps({"external_ids": {"pnc": SMITH["pnc"]}})
    for method in (client.put, client.patch):
        response = method(
            f"/api/v1/nominals/{smith.id}/",
            body,
            content_type="application/json",
            HTTP_IF_MATCH='"1"',
        )
        assert response.status_code == 404
    page = sign_in("outsider.police").get(f"/people/{smith.id}/identity/")
    assert page.status_code == 404 and not HeldAddition.objects.exists()


def test_other_areas_coordinators_get_404_and_the_owning_one_sees_a_held_change(
    users, turner, smith, django_capture_on_commit_callbacks
):
    held = held_change(django_capture_on_commit_callbacks, pnc=SMITH["pnc"])
    create_user(
        username="other.coordinator",
        role=Role.COORDINATOR,
        agency=users["outsider.police"].agency,
        area=Area.objects.get(code="OTHER"),
        password=demo_secret("other.coordinator"),
        is_demo=True,
    )
    assert sign_in("other.coordinator").get(f"/people/held/{held.id}/").status_code == 404
    client = sign_in("coordinator")
    assert "A change to a person's record" in client.get("/people/held/").content.decode()
    page = client.get(f"/people/held/{held.id}/").content.decode()
    assert "Held change" in page and "make the rest of the change" in page
    assert SMITH["pnc"] in page and f"/people/{smith.id}/" in page


def decide(client, held, decision):
    return client.post(f"/people/held/{held.id}/", {"decision": decision, "version": held.version})


def test_not_the_same_person_writes_the_rest_without_the_identifier_and_tells_the_submitter(
    users, turner, django_capture_on_commit_callbacks
):
    held = held_change(django_capture_on_commit_callbacks, surname="Turner-Jones", pnc=SMITH["pnc"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(sign_in("coordinator"), held, HeldStatus.NOT_SAME_PERSON)
    assert response.status_code == 302
    turner.refresh_from_db()
    # The PNC names John Paul Smith, so Lee Turner keeps his own; the surname is written.
    assert (turner.surname, turner.pnc, turner.crn) == ("Turner-Jones", TURNER["pnc"], "X678901")
    assert turner.changed_by == users["outsider.police"]
    held.refresh_from_db()
    assert (held.status, held.written, held.added) == (HeldStatus.NOT_SAME_PERSON, True, None)
    assert [message.to for message in mail.outbox] == [[users["outsider.police"].email]]
    body = mail.outbox[0].body
    assert "cannot be used for two people" in body
    assert f"https://mappa.example/people/{turner.id}/" in body
    for revealing in (SMITH["pnc"], "Smith", "Turner"):
        assert revealing not in body
    updated = AuditEvent.objects.get(event_type=EventType.NOMINAL_UPDATED)
    assert updated.payload == {"via": "held change", "fields": ["name"]}
    decided = AuditEvent.objects.get(event_type=EventType.HELD_ADDITION_DECIDED)
    assert decided.payload == {"held": str(held.id), "decision": "not_same_person", "added": None}


def test_not_the_same_person_writes_nothing_over_a_change_made_since(
    users, turner, django_capture_on_commit_callbacks
):
    held = held_change(django_capture_on_commit_callbacks, surname="Turner-Jones", pnc=SMITH["pnc"])
    edit_identity(sign_in("outsider.police"), turner, surname="Turnor")
    turner.refresh_from_db()
    before = state(turner)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        decide(sign_in("coordinator"), held, HeldStatus.NOT_SAME_PERSON)
    assert unchanged(turner, before) and before[0] == "Turnor"
    held.refresh_from_db()
    assert held.written is False
    assert "has not been made" in mail.outbox[0].body


def test_the_same_person_is_recorded_and_nothing_is_written_or_sent(
    users, turner, django_capture_on_commit_callbacks
):
    held = held_change(django_capture_on_commit_callbacks, surname="Turner-Jones", crn=SMITH["crn"])
    before = state(turner)
    mail.outbox.clear()
    client = sign_in("coordinator")
    with django_capture_on_commit_callbacks(execute=True):
        decide(client, held, HeldStatus.SAME_PERSON)
    held.refresh_from_db()
    assert held.status == HeldStatus.SAME_PERSON and held.written is None
    assert unchanged(turner, before) and not mail.outbox
    assert "change was not made" in client.get(f"/people/held/{held.id}/").content.decode()
