"""Who finds a request: the asking side through the case, the answering side through the
agency or the named person; anyone else gets a 404, exactly as for a missing one."""

import pytest
from django.http import Http404

from mappa.cases.models import MappaCase
from mappa.desk.services import load_demo
from mappa.information_requests import queries
from mappa.information_requests.tests.records import agency, ask

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(db, demo_mode):
    return {user.username: user for user in load_demo()}


def finds(user, found) -> bool:
    try:
        queries.get_request(user, found.id)
    except Http404:
        return False
    return True


def test_outsiders_lay_advisers_and_sysadmin_find_nothing(users):
    found = ask(users)
    for name in ("outsider.police", "lay.adviser", "sysadmin", "smb.member"):
        assert not finds(users[name], found), name
        assert not queries.visible_to(users[name]).exists(), name


def test_an_agency_sees_only_the_requests_addressed_to_it(users):
    to_housing = ask(users)
    to_police = ask(users, agency=agency("Police"))
    housing = users["housing.officer"]
    assert list(queries.to_answer(housing)) == [to_housing]
    assert not finds(housing, to_police)
    assert finds(users["police.ppu"], to_police)
    # The children's social care named person sees neither.
    assert not queries.visible_to(users["mash.manager"]).exists()


def test_answering_does_not_open_the_case_to_the_agency(users):
    found = ask(users)
    housing = users["housing.officer"]
    assert finds(housing, found)
    assert not queries.sees_case(housing, found)
    assert queries.sees_case(users["coordinator"], found)


def test_a_request_to_a_named_person_is_theirs_alone(users):
    found = ask(users, agency=agency("Police"), addressed_to=users["marac.coordinator"])
    assert finds(users["marac.coordinator"], found)
    assert not queries.to_answer(users["police.ppu"]).exists()
    # police.ppu still sees it from the asking side, as the area's responsible authority.
    assert finds(users["police.ppu"], found)


def test_a_category_4_request_reaches_only_cleared_users(users):
    case = MappaCase.objects.select_related("nominal").get(nominal__crn="X123456")
    found = ask(users)
    MappaCase.objects.filter(id=case.id).update(category=4)
    housing = users["housing.officer"]
    assert not finds(housing, found)
    housing.terrorism_clearance = True
    housing.save(update_fields=["terrorism_clearance"])
    assert finds(housing, found)
