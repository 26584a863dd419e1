"""A referral of a person whose case a transfer shares opens no second case and changes no level
(MAPPA Guidance para 17.1: one case, owned by the agencies managing it; docs/transfers.md). While
the transfer waits, neither area may start one (it points into the transfer); once accepted, the
sending area may not (it points into the case, now the receiving area's), the receiving area may.
A referral already submitted is refused at screening. Each refusal changes nothing."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from mappa.agencies.models import Area
from mappa.cases.models import MappaCase
from mappa.cases.services import transfers
from mappa.cases.tests.transferring import accept_in_other, request_to_other
from mappa.desk.demo import demo_secret
from mappa.desk.services import load_demo
from mappa.referrals import services
from mappa.referrals.constants import Outcome
from mappa.referrals.models import Referral
from mappa.referrals.tests.drafts import submitted

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(settings):
    settings.MAPPA_DEMO = True
    users = {user.username: user for user in load_demo()}
    case = MappaCase.objects.select_related("nominal").get(nominal__crn="X123456")
    transfer = request_to_other(users, case)
    return users, case, transfer


def accept(users, transfer):
    accept_in_other(users, transfer)


@pytest.mark.parametrize("username", ["coordinator", "probation.om", "coordinator.other"])
def test_while_the_transfer_waits_neither_area_starts_a_referral(world, username):
    users, case, transfer = world
    with pytest.raises(services.SharedByTransfer) as refused:
        services.start_referral(actor=users[username], nominal=case.nominal)
    assert refused.value.transfer == transfer and refused.value.waiting
    message = refused.value.message_dict["person"][0]
    assert "is being transferred from Demoshire MAPPA area to Otherford MAPPA area" in message
    assert not Referral.objects.exists()


def test_after_acceptance_the_sending_area_is_pointed_to_the_receiving_one(world):
    users, case, transfer = world
    accept(users, transfer)
    with pytest.raises(services.SharedByTransfer) as refused:
        services.start_referral(actor=users["probation.om"], nominal=case.nominal)
    assert not refused.value.waiting
    assert "transferred to Otherford MAPPA area, which manages it now" in str(refused.value)
    assert not Referral.objects.exists()
    made = services.start_referral(actor=users["coordinator.other"], nominal=case.nominal)
    assert made.area.code == "OTHER"  # the managing area refers as usual


def test_a_referral_submitted_before_the_transfer_is_refused_at_screening(world):
    users, case, transfer = world
    transfers.withdraw_transfer(
        actor=users["coordinator"], transfer=transfer, version=1, reason="Not moving yet"
    )
    referral = submitted(users["probation.om"], case.nominal)
    again = transfers.request_transfer(
        actor=users["coordinator"],
        case=case,
        to_area=Area.objects.get(code="OTHER"),
        reason="Moving after all",
        new_address="7 Quay Street, Otherford",
        moving_on=timezone.localdate() + timedelta(days=7),
        proposed_meeting="Level 2 meeting in Otherford",
    )
    level_before = MappaCase.objects.get(id=case.id).level
    with pytest.raises(ValidationError, match="being transferred"):
        services.screen(
            actor=users["coordinator"],
            referral=referral,
            outcome=Outcome.LEVEL_3,
            rationale="Escalating",
        )
    referral.refresh_from_db()
    assert referral.status == "submitted" and referral.case is None
    assert MappaCase.objects.get(id=case.id).level == level_before
    assert MappaCase.objects.filter(nominal=case.nominal).count() == 1
    assert again.status == "requested"
    # a decline or a return changes no case, and is still allowed
    services.screen(
        actor=users["coordinator"],
        referral=referral,
        outcome=Outcome.DECLINED,
        rationale="The receiving area sets the level on accepting the transfer",
    )


def client_for(username: str) -> Client:
    client = Client()
    client.post("/sign-in/", {"username": username, "password": demo_secret(username)})
    return client


def test_the_start_page_says_why_and_links_to_the_transfer_or_the_case(world):
    users, case, transfer = world
    url = f"/referrals/new/?person={case.nominal_id}"
    page = client_for("probation.om").get(url)
    assert page.status_code == 200 and 'data-testid="shared-by-transfer"' in page.text
    assert f'href="/cases/transfers/{transfer.id}/"' in page.text
    assert "Start the referral" not in page.text
    posted = client_for("probation.om").post(url, {"person": str(case.nominal_id)})
    assert posted.status_code == 200 and not Referral.objects.exists()
    accept(users, transfer)
    page = client_for("probation.om").get(url)
    assert f'href="/cases/{case.id}/"' in page.text and "which manages it now" in page.text
