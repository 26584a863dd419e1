"""A temporary stay changed or ended early by the area that recorded it (docs/transfers.md): the
service, the pages and the API. Each change claims the stay's version (a stale save is refused
naming who saved first), tells the host area's co-ordinators by a link-only e-mail, and a bad
date changes nothing. Ended early, the host area sees the stay until its new last day only."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from mappa import versions
from mappa.agencies.models import Area
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.cases import queries
from mappa.cases.constants import StayReason
from mappa.cases.models import MappaCase, TemporaryStay
from mappa.cases.services import stays
from mappa.desk.demo import demo_secret
from mappa.desk.services import load_demo

pytestmark = pytest.mark.django_db


def on(offset: int):
    return timezone.localdate() + timedelta(days=offset)


@pytest.fixture
def world(settings):
    settings.MAPPA_SITE_URL = "https://mappa.example"
    settings.MAPPA_DEMO = True  # the demo personas sign in without a second factor
    users = {user.username: user for user in load_demo()}
    case = MappaCase.objects.select_related("nominal").get(nominal__crn="X123456")
    stay = stays.notify_stay(
        actor=users["coordinator"],
        case=case,
        host_area=Area.objects.get(code="OTHER"),
        reason=StayReason.APPROVED_PREMISES,
        address="Quay House approved premises, Otherford",
        starts_on=on(0),
        ends_on=on(28),
    )
    return users, stay


def fresh(stay) -> TemporaryStay:
    return TemporaryStay.objects.get(id=stay.id)


def test_the_home_area_changes_the_dates_and_address_and_the_host_is_told(
    world, django_capture_on_commit_callbacks
):
    users, stay = world
    with django_capture_on_commit_callbacks(execute=True):
        stays.change_stay(
            actor=users["coordinator"],
            stay=stay,
            version=1,
            address="2 Harbour Road, Otherford",
            starts_on=on(2),
            ends_on=on(40),
        )
    changed = fresh(stay)
    assert (changed.address, changed.starts_on, changed.ends_on) == (
        "2 Harbour Road, Otherford",
        on(2),
        on(40),
    )
    assert changed.version == 2 and changed.changed_by == users["coordinator"]
    (message,) = mail.outbox
    assert message.to == [users["coordinator.other"].email]
    assert f"https://mappa.example/cases/stays/{stay.id}/" in message.body
    assert "changed the dates or address" in message.body
    assert "Smith" not in message.body and "Harbour" not in message.body
    event = AuditEvent.objects.get(event_type=EventType.CASE_STAY_CHANGED)
    assert event.payload["home_area"] == "DEMO" and event.payload["host_area"] == "OTHER"
    assert event.payload["ends_on"] == on(40).isoformat()


def test_a_stale_change_is_refused_naming_who_saved_first(world):
    users, stay = world
    versions.claim(stay, version=1, actor=users["probation.om"])
    with pytest.raises(versions.StaleEdit, match="Tom Adeyemi"):
        stays.change_stay(
            actor=users["coordinator"],
            stay=fresh(stay),
            version=1,
            address="Elsewhere",
            starts_on=on(0),
            ends_on=on(10),
        )
    assert fresh(stay).address == "Quay House approved premises, Otherford"


@pytest.mark.parametrize(
    ("starts", "ends", "field", "message"),
    [
        (0, -1, "ends_on", "on or after its first day"),
        (0, 4000, "ends_on", "at most 182 days"),
        (3000, 3010, "starts_on", "within 182 days"),
        (-20, -2, "ends_on", "cannot be in the past"),
    ],
)
def test_bad_dates_are_refused_and_change_nothing(world, starts, ends, field, message):
    users, stay = world
    with pytest.raises(ValidationError) as refused:
        stays.change_stay(
            actor=users["coordinator"],
            stay=stay,
            version=1,
            address="Elsewhere",
            starts_on=on(starts),
            ends_on=on(ends),
        )
    assert message in refused.value.message_dict[field][0]
    unchanged = fresh(stay)
    assert (unchanged.version, unchanged.ends_on, unchanged.address) == (
        1,
        on(28),
        "Quay House approved premises, Otherford",
    )
    assert not AuditEvent.objects.filter(event_type=EventType.CASE_STAY_CHANGED).exists()


def test_ending_early_ends_the_host_areas_view_with_it(world, django_capture_on_commit_callbacks):
    users, stay = world
    host = users["coordinator.other"]
    stay.starts_on = on(-5)
    stay.save(update_fields=["starts_on"])
    assert stay in queries.hosted_stays(host)
    with django_capture_on_commit_callbacks(execute=True):
        stays.end_stay_early(
            actor=users["coordinator"], stay=fresh(stay), version=1, ended_on=on(-1)
        )
    ended = fresh(stay)
    assert ended.ends_on == on(-1) and ended.ended_early_at is not None
    assert ended.ended_early_by == users["coordinator"]
    assert stay not in queries.hosted_stays(host)  # its last day has passed
    (message,) = mail.outbox
    assert "ended early" in message.body and "Quay" not in message.body
    event = AuditEvent.objects.get(event_type=EventType.CASE_STAY_ENDED)
    assert event.payload["ended_on"] == on(-1).isoformat()
    with pytest.raises(ValidationError, match="has ended"):
        stays.end_stay_early(actor=users["coordinator"], stay=ended, version=2, ended_on=on(-2))


@pytest.mark.parametrize(
    ("ended_on", "message"),
    [(-1, "cannot end before its first day"), (28, "before its last day"), (900, "last day")],
)
def test_an_end_before_the_start_or_not_before_the_last_day_is_refused(world, ended_on, message):
    users, stay = world
    with pytest.raises(ValidationError) as refused:
        stays.end_stay_early(
            actor=users["coordinator"], stay=stay, version=1, ended_on=on(ended_on)
        )
    assert message in refused.value.message_dict["ended_on"][0]
    unchanged = fresh(stay)
    assert unchanged.ends_on == on(28) and unchanged.ended_early_at is None
    assert unchanged.version == 1


def test_only_the_home_areas_lead_agency_or_coordinator_changes_it(world):
    users, stay = world
    for username in ["coordinator.other", "police.ppu"]:
        with pytest.raises(ValidationError):
            stays.end_stay_early(actor=users[username], stay=stay, version=1, ended_on=on(3))
    assert fresh(stay).ended_early_at is None


def client_for(username: str) -> Client:
    client = Client()
    client.post("/sign-in/", {"username": username, "password": demo_secret(username)})
    return client


def test_the_stay_page_offers_the_changes_to_the_home_area_only(world):
    users, stay = world
    change, end = f"/cases/stays/{stay.id}/change/", f"/cases/stays/{stay.id}/end/"
    home = client_for("coordinator").get(f"/cases/stays/{stay.id}/")
    assert change in home.text and end in home.text
    host = client_for("coordinator.other")
    shown = host.get(f"/cases/stays/{stay.id}/")
    assert shown.status_code == 200 and change not in shown.text and end not in shown.text
    assert host.get(change).status_code == 404 and host.get(end).status_code == 404


def test_changing_and_ending_through_the_pages(world):
    users, stay = world
    home = client_for("coordinator")
    form = home.get(f"/cases/stays/{stay.id}/change/")
    assert "Quay House approved premises" in form.text
    changed = home.post(
        f"/cases/stays/{stay.id}/change/",
        {
            "version": 1,
            "address": "2 Harbour Road, Otherford",
            "starts_on": f"{on(0):%d/%m/%Y}",
            "ends_on": f"{on(20):%d/%m/%Y}",
        },
    )
    assert changed["Location"] == f"/cases/stays/{stay.id}/"
    assert fresh(stay).address == "2 Harbour Road, Otherford"

    stale = home.post(
        f"/cases/stays/{stay.id}/end/", {"version": 1, "ended_on": f"{on(5):%d/%m/%Y}"}
    )
    assert "while you were editing it" in stale.text
    before = home.post(
        f"/cases/stays/{stay.id}/end/", {"version": 2, "ended_on": f"{on(-3):%d/%m/%Y}"}
    )
    assert "The stay cannot end before its first day" in before.text
    assert fresh(stay).ends_on == on(20)
    ended = home.post(
        f"/cases/stays/{stay.id}/end/", {"version": 2, "ended_on": f"{on(5):%d/%m/%Y}"}
    )
    assert ended["Location"] == f"/cases/stays/{stay.id}/"
    page = home.get(f"/cases/stays/{stay.id}/").text
    assert 'data-testid="stay-ended-early"' in page
    assert f"/cases/stays/{stay.id}/change/" not in page


def api(username: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Token demo-{username}")


def test_the_api_changes_and_ends_a_stay_with_if_match(world):
    users, stay = world
    home = api("coordinator")
    url = f"/api/v1/cases/{stay.case_id}/stays/{stay.id}/"
    got = home.get(url)
    assert got.status_code == 200 and got["ETag"] == '"1"'
    body = {"ends_on": on(21).isoformat()}
    assert home.patch(url, body, content_type="application/json").status_code == 428
    changed = home.patch(url, body, content_type="application/json", HTTP_IF_MATCH='"1"')
    assert changed.status_code == 200, changed.json()
    assert changed.json()["ends_on"] == on(21).isoformat() and changed["ETag"] == '"2"'
    assert changed.json()["address"] == "Quay House approved premises, Otherford"
    stale = home.post(
        f"{url}end/", {"ended_on": on(3)}, content_type="application/json", HTTP_IF_MATCH='"1"'
    )
    assert (
        stale.status_code == 412
        and "temporary stay was changed by" in stale.json()["errors"][0]["message"]
    )
    assert fresh(stay).ended_early_at is None
    far = home.patch(
        url, {"ends_on": "2999-01-01"}, content_type="application/json", HTTP_IF_MATCH='"2"'
    )
    assert far.status_code == 400 and fresh(stay).ends_on == on(21)
    ended = home.post(
        f"{url}end/", {"ended_on": on(3)}, content_type="application/json", HTTP_IF_MATCH='"2"'
    )
    assert ended.status_code == 200 and ended.json()["ended_early_at"] is not None
    assert fresh(stay).ends_on == on(3)
    host = api("coordinator.other")
    assert host.get(url).status_code == 200  # the host reads it until its last day
    assert (
        host.patch(url, body, content_type="application/json", HTTP_IF_MATCH='"3"').status_code
        == 404
    )
