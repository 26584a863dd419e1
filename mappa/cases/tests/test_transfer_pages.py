"""Transfers and stays through the pages: the request from the case page, the receiving
co-ordinator's query and acceptance, the sending area's answer and read-only view afterwards, the
minutes and actions that go with the case, and a temporary stay seen by the host area only while
it lasts (docs/transfers.md)."""

from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from mappa import versions
from mappa.actions import queries as actions
from mappa.actions import services as action_services
from mappa.agencies.models import Area
from mappa.cases.models import MappaCase, TemporaryStay, Transfer
from mappa.cases.services import transfers
from mappa.desk.services import load_demo
from mappa.meetings.queries import meetings as meeting_queries
from mappa.meetings.queries import minutes as minutes_queries
from mappa.oversight.tests import records

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(db, settings):
    settings.MAPPA_SITE_URL = "https://mappa.example"
    load_demo()
    return MappaCase.objects.select_related("nominal").get(nominal__crn="X123456")


def day(offset: int) -> str:
    return f"{timezone.localdate() + timedelta(days=offset):%d/%m/%Y}"


def ask(client, case, **overrides):
    form = {
        "version": case.nominal.version,
        "to_area": str(Area.objects.get(code="OTHER").pk),
        "reason": "Moving to live with his sister",
        "new_address": "7 Quay Street, Otherford",
        "moving_on": day(14),
        "proposed_meeting": "Level 2 meeting in Otherford before the move",
    } | overrides
    return client.post(f"/cases/{case.id}/transfer/", form)


def accept(client, transfer, **overrides):
    form = {"version": transfer.version, "level": "2", "rationale": "Level 2 here too"}
    return client.post(f"/cases/transfers/{transfer.id}/accept/", form | overrides)


def test_the_whole_hand_over_through_the_pages(case, signed_in):
    sending, receiving = signed_in("coordinator"), signed_in("coordinator.other")
    outsider = signed_in("outsider.police")
    assert outsider.get(f"/cases/{case.id}/").status_code == 404
    assert "Request a transfer to another area" in sending.get(f"/cases/{case.id}/").text

    response = ask(sending, case)
    transfer = Transfer.objects.get(case=case)
    assert response["Location"] == f"/cases/transfers/{transfer.id}/"
    assert outsider.get(f"/cases/{case.id}/").status_code == 200  # hand-over: both areas read
    listed = receiving.get("/cases/transfers/")
    assert "John Paul Smith" in listed.text and "Answer due" not in listed.text

    assert accept(receiving, transfer).status_code == 302
    case.nominal.refresh_from_db()
    assert case.nominal.area.code == "OTHER"
    page = sending.get(f"/cases/{case.id}/")
    assert page.status_code == 200 and 'data-testid="read-only"' in page.text
    assert f"/cases/{case.id}/decision/" not in page.text
    assert sending.get(f"/cases/{case.id}/decision/").status_code == 404
    assert f"/cases/{case.id}/decision/" in receiving.get(f"/cases/{case.id}/").text


def test_a_level_2_request_without_a_proposed_meeting_is_refused_on_the_form(case, signed_in):
    response = ask(signed_in("coordinator"), case, proposed_meeting="")
    assert response.status_code == 200
    assert "A level 2 or 3 case needs a proposed meeting in the new area" in response.text
    assert not Transfer.objects.exists()


def test_a_stale_request_form_is_refused_naming_who_saved_first(case, signed_in, demo):
    version = case.nominal.version
    versions.claim(case.nominal, version=version, actor=demo["probation.om"])
    response = ask(signed_in("coordinator"), case, version=version)
    assert "while you were editing it" in response.text and "Tom Adeyemi" in response.text
    assert not Transfer.objects.exists()


def test_the_query_round_trip(case, signed_in):
    sending, receiving = signed_in("coordinator"), signed_in("coordinator.other")
    ask(sending, case)
    transfer = Transfer.objects.get(case=case)
    url = f"/cases/transfers/{transfer.id}/"
    receiving.post(f"{url}query/", {"version": 1, "query": "Who else lives at the address?"})
    assert "Answer the query" in sending.get(url).text
    assert "Accept the transfer" not in receiving.get(url).text
    sending.post(f"{url}answer/", {"version": 2, "answer": "His sister, 40, no children"})
    transfer.refresh_from_db()
    assert transfer.status == "requested"
    shown = receiving.get(url).text
    assert "Who else lives at the address?" in shown and "His sister, 40, no children" in shown


def test_another_areas_step_is_a_404_and_a_finished_transfer_goes_back(case, signed_in):
    sending, receiving = signed_in("coordinator"), signed_in("coordinator.other")
    ask(sending, case)
    transfer = Transfer.objects.get(case=case)
    assert sending.get(f"/cases/transfers/{transfer.id}/accept/").status_code == 404
    assert receiving.get(f"/cases/transfers/{transfer.id}/withdraw/").status_code == 404
    sending.post(f"/cases/transfers/{transfer.id}/withdraw/", {"version": 1, "reason": "Stays"})
    response = receiving.get(f"/cases/transfers/{transfer.id}/accept/")
    assert response.status_code == 404  # withdrawn: no longer shared with OTHER


def test_minutes_and_open_actions_go_with_the_case(case, demo):
    coordinator, other = demo["coordinator"], demo["coordinator.other"]
    meeting = records.create_meeting(date(2026, 10, 6), status="circulated", cases=[case])
    records.create_minutes(meeting, circulated_on=date(2026, 10, 9))
    action = action_services.create_action(
        actor=coordinator,
        case=case,
        description="Check the address",
        owner_agency=demo["police.ppu"].agency,
        due_on=timezone.localdate() + timedelta(days=7),
    )
    assert not meeting_queries.meetings_visible_to(other, reading=True).filter(id=meeting.id)
    transfer = transfers.request_transfer(
        actor=coordinator,
        case=case,
        to_area=Area.objects.get(code="OTHER"),
        reason="Moving",
        new_address="7 Quay Street",
        moving_on=timezone.localdate(),
        proposed_meeting="Level 2 meeting",
    )
    transfers.accept_transfer(actor=other, transfer=transfer, version=1, level=2, rationale="L2")
    assert meeting_queries.get_meeting(other, meeting.id, reading=True) == meeting
    assert not meeting_queries.meetings_visible_to(other).filter(id=meeting.id)  # no changes
    item = meeting.agenda.get(case=case)
    assert item.id in meeting_queries.visible_item_ids(other, meeting)
    assert minutes_queries.may_read(other, meeting)
    assert [m.meeting for m in minutes_queries.minutes_of_case(other, case)] == [meeting]
    assert action in actions.for_area(other)
    assert action not in actions.for_area(coordinator)


def test_a_stay_is_seen_by_the_host_coordinator_until_its_last_day(case, signed_in):
    home, host = signed_in("coordinator"), signed_in("coordinator.other")
    outsider = signed_in("outsider.police")
    form = {
        "version": case.nominal.version,
        "host_area": str(Area.objects.get(code="OTHER").pk),
        "reason": "approved_premises",
        "address": "Quay House approved premises, Otherford",
        "starts_on": day(0),
        "ends_on": day(30),
    }
    assert home.post(f"/cases/{case.id}/stays/add/", form)["Location"] == f"/cases/{case.id}/"
    stay = TemporaryStay.objects.get(case=case)
    seen = host.get(f"/cases/stays/{stay.id}/")
    assert seen.status_code == 200 and "John Paul Smith" in seen.text
    assert "Quay House approved premises" in seen.text
    assert host.get(f"/cases/{case.id}/").status_code == 404  # the stay, not the case
    assert outsider.get(f"/cases/stays/{stay.id}/").status_code == 404  # co-ordinators only
    assert "John Paul Smith" in host.get("/cases/transfers/").text
    stay.ends_on = timezone.localdate() - timedelta(days=1)
    stay.save(update_fields=["ends_on"])
    assert host.get(f"/cases/stays/{stay.id}/").status_code == 404
    assert home.get(f"/cases/stays/{stay.id}/").status_code == 200


def test_a_stay_that_has_ended_is_refused(case, signed_in):
    form = {
        "version": case.nominal.version,
        "host_area": str(Area.objects.get(code="OTHER").pk),
        "reason": "holiday",
        "address": "Seaview Caravan Park",
        "starts_on": day(-10),
        "ends_on": day(-3),
    }
    response = signed_in("coordinator").post(f"/cases/{case.id}/stays/add/", form)
    assert "The stay has already ended" in response.text
    assert not TemporaryStay.objects.exists()


@pytest.mark.parametrize("username", ["lay.adviser", "housing.officer", "outsider.police"])
def test_transfer_pages_are_404_outside_both_areas_scope(case, signed_in, demo, username):
    transfer = transfers.request_transfer(
        actor=demo["coordinator"],
        case=case,
        to_area=Area.objects.get(code="OTHER"),
        reason="Moving",
        new_address="7 Quay Street",
        moving_on=timezone.localdate(),
        proposed_meeting="Level 2 meeting",
    )
    transfers.withdraw_transfer(actor=demo["coordinator"], transfer=transfer, version=1, reason="x")
    assert signed_in(username).get(f"/cases/transfers/{transfer.id}/").status_code == 404


def test_a_held_addition_of_the_same_person_leads_into_a_transfer(case, signed_in, demo):
    import json

    from mappa.people.import_format import NominalRecord
    from mappa.people.models import HeldAddition
    from mappa.people.services import held

    record = NominalRecord.model_validate_json(
        json.dumps(
            {
                "area": "OTHER",
                "external_ids": {"pnc": case.nominal.pnc},
                "name": {"forenames": "John", "surname": "Smith"},
            }
        )
    )
    held.hold_addition(
        actor=demo["outsider.police"], record=record, matches=[("pnc", case.nominal)], via="web"
    )
    addition = HeldAddition.objects.get()
    coordinator = signed_in("coordinator")
    page = coordinator.get(f"/people/held/{addition.id}/").text
    link = f"/cases/{case.id}/transfer/?to=OTHER"
    assert link in page
    form = coordinator.get(link).text
    other = Area.objects.get(code="OTHER")
    chosen = BeautifulSoup(form, "html.parser").select_one('input[name="to_area"][checked]')
    assert chosen["value"] == str(other.pk)


def test_the_receiving_dashboard_shows_the_transfer_and_lists_the_case_nowhere_else(
    case, signed_in
):
    ask(signed_in("coordinator"), case)
    soup = BeautifulSoup(signed_in("coordinator.other").get("/dashboard/").content, "html.parser")
    panel = soup.select_one('[data-testid="transfers-panel"]')
    assert "Transfer of John Paul Smith from Demoshire MAPPA area" in panel.text
    panel.decompose()
    assert "John Paul Smith" not in soup.text  # not yet among the area's own cases
