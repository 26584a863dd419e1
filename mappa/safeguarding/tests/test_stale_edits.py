"""Two named persons decide the same possible match, or record the same referral's outcome:
the second save is refused, naming the first, and the second's input stays on the form."""

import re

import pytest

from mappa.cases.models import MappaCase
from mappa.safeguarding import exchange, services
from mappa.safeguarding.constants import NamedPosition
from mappa.safeguarding.exchange_models import MashReferral
from mappa.safeguarding.models import Candidate
from mappa.safeguarding.tests.factories import name_named_person
from mappa.safeguarding.tests.test_matching_in_the_service import run  # noqa: F401 (fixture)
from tests.stale import assert_refused, colleague, loaded_version, signed_in_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def named_persons(users, signed_in):
    manager = users["mash.manager"]
    other = colleague(manager, first_name="Kofi", last_name="Mensah")
    services.designate_named_person(
        actor=users["coordinator"], user=other, position=NamedPosition.ADVANCED_PRACTITIONER
    )
    return manager, signed_in("mash.manager"), signed_in_client(other)


def test_a_second_decision_on_a_possible_match_is_refused_and_keeps_its_input(
    run,  # noqa: F811
    named_persons,
):
    manager, first, second = named_persons
    child = run.candidates.get(record_id="SC-1")
    url = f"/mash/candidates/{child.id}/"
    first_version = loaded_version(first.get(url))
    second_version = loaded_version(second.get(url))

    saved = first.post(url, {"decision": "rejected", "version": first_version})
    assert saved.status_code == 302
    refused = second.post(
        url, {"decision": "confirmed", "involvement": "open", "version": second_version}
    )

    assert_refused(refused, by=manager, kept=[])
    assert re.search(r'value="confirmed"[^>]*checked', refused.content.decode())
    assert Candidate.objects.get(id=child.id).decision == "rejected"


def test_a_second_outcome_for_a_referral_is_refused_and_keeps_its_input(users, named_persons):
    manager, first, second = named_persons
    name_named_person(users["coordinator"], manager)
    case = MappaCase.objects.filter(nominal__area=manager.area).first()
    referral = exchange.raise_referral(actor=users["coordinator"], case=case, reason="Assess Amy.")
    url = f"/mash/referrals/{referral.id}/"
    first_version = loaded_version(first.get(url))
    second_version = loaded_version(second.get(url))

    saved = first.post(url, {"outcome": "Child in need plan", "version": first_version})
    assert saved.status_code == 302
    refused = second.post(url, {"outcome": "No further action", "version": second_version})

    assert_refused(refused, by=manager, kept=["No further action"])
    assert MashReferral.objects.get(id=referral.id).outcome == "Child in need plan"
