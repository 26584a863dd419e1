"""Two named persons decide the same possible match, or record the same referral's outcome:
the second save is refused, naming the first, and the second's input stays on the form."""

import html
import re

import pytest

from mappa.cases.models import MappaCase
from mappa.safeguarding.constants import NamedPosition
from mappa.safeguarding.models import Candidate, MashReferral
from mappa.safeguarding.services import case_lists as services
from mappa.safeguarding.services import exchange
from mappa.safeguarding.tests.factories import name_named_person, published_list
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


def test_a_hazard_flag_pressed_on_from_an_old_page_is_not_moved_twice(users, named_persons):
    manager, first, second = named_persons
    entry = published_list(users).entries.get()
    exchange.complete_check(actor=manager, entry=entry)
    flag = entry.hazard_flags.get()
    url = f"/mash/records/{entry.id}/"
    for client in (first, second):
        assert 'name="version" value="1"' in client.get(url).content.decode()

    first.post(f"/mash/flags/{flag.id}/", {"version": "1"})
    refused = second.post(f"/mash/flags/{flag.id}/", {"version": "1"}, follow=True)

    page = html.unescape(refused.content.decode())
    assert f"changed by {manager.get_full_name()} ({manager.agency})" in page
    flag.refresh_from_db()
    assert flag.status == "entered" and flag.entered_by == manager and flag.confirmed_by is None
