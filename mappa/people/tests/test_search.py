"""Finding people: typing errors, swapped names, sound-alikes, aliases, identifiers, postcodes."""

import json

import pytest

from mappa.people import queries, services
from mappa.people.import_format import NominalRecord
from mappa.people.tests.records import record

pytestmark = pytest.mark.django_db

PEOPLE = [
    ("John Paul", "Smith", [("Johnny", "Smith")], "1984-03-02", "MK42 8PP"),
    ("Stephen", "Jones", [], "1979-11-30", "LS6 2AB"),
    ("Aaron", "Okafor", [("Ozzy", "Okafor")], "1990-03-02", "B15 2TT"),
    ("Catherine", "Wright", [("Kate", "Wright")], "1975-07-19", "MK42 8PP"),
]


@pytest.fixture
def register(demo):
    for n, (forenames, surname, aliases, born, postcode) in enumerate(PEOPLE, start=1):
        data = record(
            n,
            name={"forenames": forenames, "surname": surname},
            aliases=[{"forenames": f, "surname": s, "kind": "nickname"} for f, s in aliases],
            date_of_birth=born,
        )
        data["addresses"][0]["postcode"] = postcode
        services.save_nominal(
            actor=demo["coordinator"],
            record=NominalRecord.model_validate_json(json.dumps(data)),
            via="test",
        )
    return demo


def found(user, **criteria) -> list[str]:
    return [n.full_name for n in queries.search(user, queries.Criteria(**criteria))]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("John Smith", "John Paul Smith"),
        ("smith john", "John Paul Smith"),  # swapped forename and surname
        ("Jon Smyth", "John Paul Smith"),  # sounds alike
        ("Jhon Smiht", "John Paul Smith"),  # typing errors
        ("Johnny", "John Paul Smith"),  # nickname
        ("Steven Jones", "Stephen Jones"),
        ("okafor", "Aaron Okafor"),
        ("Kate Wright", "Catherine Wright"),
    ],
)
def test_it_finds_people_by_name_despite_errors(register, query, expected):
    assert found(register["coordinator"], name=query)[0] == expected


def test_it_does_not_return_people_whose_names_do_not_match(register):
    assert "Stephen Jones" not in found(register["coordinator"], name="Aaron Okafor")


def test_it_finds_by_identifier_date_of_birth_and_postcode(register):
    import datetime

    user = register["coordinator"]
    assert found(user, identifier="x000002") == ["Stephen Jones"]
    assert sorted(found(user, date_of_birth=datetime.date(1990, 3, 2))) == ["Aaron Okafor"]
    assert sorted(found(user, postcode="mk428pp")) == ["Catherine Wright", "John Paul Smith"]


def test_search_never_reaches_outside_the_users_scope(register):
    assert found(register["outsider.police"], name="John Smith") == []
    assert found(register["housing.officer"], name="John Smith") == []


def test_the_search_page_lists_matches_and_is_audited(register, signed_in):
    from mappa.audit.events import EventType
    from mappa.audit.models import AuditEvent

    response = signed_in("probation.om").get("/people/", {"name": "smyth"})
    assert b"John Paul Smith" in response.content
    assert AuditEvent.objects.get(event_type=EventType.REGISTER_SEARCHED).payload == {
        "query": {"name": "smyth"},
        "results": 1,
    }


def test_an_empty_search_asks_for_something_to_search_for(register, signed_in):
    response = signed_in("probation.om").get("/people/", {"name": ""})
    assert b"Enter a name, date of birth, identifier or postcode" in response.content
