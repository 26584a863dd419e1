"""Only the area's designated named persons open the case list and MASH records."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from mappa.agencies.constants import Role
from mappa.agencies.models import User
from mappa.audit.models import AuditEvent
from mappa.desk.demo import demo_secret
from mappa.safeguarding import queries
from mappa.safeguarding.tests.factories import name_named_person, published_list


def client_for(username, settings) -> Client:
    settings.MAPPA_DEMO = True
    client = Client()
    client.post("/sign-in/", {"username": username, "password": demo_secret(username)})
    return client


def second_named_account(users, username="mash.practitioner"):
    return User.objects.create(
        username=username,
        role=Role.MASH_NAMED_PERSON,
        area=users["mash.manager"].area,
        agency=users["mash.manager"].agency,
        first_name="Ade",
        last_name="Bello",
    )


def test_a_designated_named_person_is_a_named_person(users):
    name_named_person(users["coordinator"], users["mash.manager"])
    assert queries.is_named_person(users["mash.manager"])


def test_the_mash_role_alone_is_not_enough(users):
    assert not queries.is_named_person(users["mash.manager"])


def test_the_area_has_two_named_persons_by_default(users):
    name_named_person(users["coordinator"], users["mash.manager"])
    name_named_person(users["coordinator"], second_named_account(users), "advanced_practitioner")
    with pytest.raises(ValidationError, match="already has 2 named persons"):
        name_named_person(users["coordinator"], second_named_account(users, "third"))


def test_the_number_is_configurable(users, settings):
    settings.MAPPA_MASH_NAMED_PERSONS_PER_AREA = 1
    name_named_person(users["coordinator"], users["mash.manager"])
    with pytest.raises(ValidationError):
        name_named_person(users["coordinator"], second_named_account(users))


def test_only_a_mash_account_of_the_area_may_be_named(users):
    with pytest.raises(ValidationError):
        name_named_person(users["coordinator"], users["housing.officer"])


def test_an_ended_designation_closes_the_records(users):
    from mappa.safeguarding.services import case_lists as services

    designation = name_named_person(users["coordinator"], users["mash.manager"])
    services.end_designation(actor=users["coordinator"], designation=designation)
    assert not queries.is_named_person(users["mash.manager"])


@pytest.mark.parametrize(
    "username", ["coordinator", "housing.officer", "outsider.police", "police.ppu"]
)
def test_anyone_else_gets_page_not_found(users, settings, username):
    case_list = published_list(users)
    response = client_for(username, settings).get(f"/mash/case-lists/{case_list.id}/")
    assert response.status_code == 404


def test_an_undesignated_mash_account_gets_page_not_found(users, settings):
    case_list = published_list(users)
    other = second_named_account(users)
    other.set_password("a long enough password")
    other.is_demo = True
    other.save()
    settings.MAPPA_DEMO = True
    client = Client()
    client.post("/sign-in/", {"username": other.username, "password": "a long enough password"})
    assert client.get(f"/mash/case-lists/{case_list.id}/").status_code == 404
    assert client.get("/mash/").status_code == 404


def test_every_read_of_the_case_list_and_records_is_audited(users, settings):
    case_list = published_list(users)
    entry = case_list.entries.get()
    client = client_for("mash.manager", settings)
    assert client.get(f"/mash/case-lists/{case_list.id}/").status_code == 200
    assert client.get(f"/mash/records/{entry.id}/").status_code == 200
    reads = AuditEvent.objects.filter(event_type="mash.record_read", actor=users["mash.manager"])
    assert {event.payload["view"] for event in reads} == {"case list", "MASH record"}
    assert {event.payload["record"] for event in reads} == {str(case_list.id), str(entry.id)}
