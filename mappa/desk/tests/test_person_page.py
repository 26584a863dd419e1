"""The person page and the forms that change the record."""

import json

import pytest

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.people import services
from mappa.people.import_format import NominalRecord
from mappa.people.models import Nominal
from mappa.people.tests.pages import with_version
from mappa.people.tests.records import record

pytestmark = pytest.mark.django_db


@pytest.fixture
def smith(demo) -> Nominal:
    data = NominalRecord.model_validate_json(json.dumps(record(1)))
    return services.save_nominal(actor=demo["coordinator"], record=data, via="test")


def test_the_person_page_shows_the_record_and_eligibility_and_is_audited(signed_in, smith, demo):
    response = signed_in("probation.om").get(f"/people/{smith.id}/")
    assert response.status_code == 200
    page = response.content.decode()
    for text in (
        "John Paul Smith",
        "Johnny Smith",
        "12 Mill Lane",
        "Amy",
        "SOA2003/s3",
        "Category 1",
        "s.82",
    ):
        assert text in page, text
    read = AuditEvent.objects.get(event_type=EventType.CASE_CONTENT_READ)
    assert (read.actor, read.subject, read.payload) == (
        demo["probation.om"],
        smith.id,
        {"content": "person record"},
    )


@pytest.mark.parametrize("username", ["outsider.police", "housing.officer"])
def test_someone_outside_the_scope_gets_a_404(signed_in, smith, username):
    assert signed_in(username).get(f"/people/{smith.id}/").status_code == 404
    assert not AuditEvent.objects.filter(event_type=EventType.CASE_CONTENT_READ).exists()


@pytest.mark.parametrize(
    "username, status", [("lay.adviser", 404), ("sysadmin", 403), ("smb.member", 404)]
)
def test_roles_that_see_no_case_content_are_refused(signed_in, smith, username, status):
    # Lay advisers and SMB members see aggregates only: to them case content does not exist.
    assert signed_in(username).get(f"/people/{smith.id}/").status_code == status


def test_a_practitioner_adds_a_person_through_the_form(signed_in, demo):
    client = signed_in("police.ppu")
    response = client.post(
        "/people/add/",
        {
            "forenames": "Aaron",
            "surname": "Okafor",
            "date_of_birth": "2/3/1990",
            "gender": "male",
            "pnc": "2001/0000009Z",
        },
    )
    nominal = Nominal.objects.get(surname="Okafor")
    assert response["Location"] == f"/people/{nominal.id}/"
    assert (nominal.area.code, nominal.date_of_birth.isoformat(), nominal.pnc) == (
        "DEMO",
        "1990-03-02",
        "2001/0000009Z",
    )
    assert AuditEvent.objects.get(event_type=EventType.NOMINAL_CREATED).payload == {"via": "web"}


def test_an_impossible_date_of_birth_is_refused_and_nothing_is_saved(signed_in):
    response = signed_in("police.ppu").post(
        "/people/add/",
        {"surname": "Okafor", "forenames": "A", "date_of_birth": "30/2/1990", "gender": "male"},
    )
    assert response.status_code == 200
    assert b"Date of birth must be a real date" in response.content
    assert b"govuk-error-summary" in response.content
    assert not Nominal.objects.exists()


def test_a_clashing_identifier_is_refused_on_its_field(signed_in, smith):
    response = signed_in("police.ppu").post(
        "/people/add/", {"forenames": "A", "surname": "B", "gender": "male", "pnc": smith.pnc}
    )
    assert b"is already on the register" in response.content
    assert Nominal.objects.count() == 1


def test_adding_an_alias_address_and_conviction_changes_the_record(signed_in, smith):
    client = signed_in("probation.om")
    client.post(
        f"/people/{smith.id}/alias/",
        with_version(smith, {"kind": "alias", "forenames": "Jack", "surname": "Smithson"}),
    )
    client.post(
        f"/people/{smith.id}/address/",
        with_version(
            smith,
            {
                "kind": "approved_premises",
                "line_1": "1 Hostel Road",
                "town": "Bedford",
                "postcode": "mk40 1aa",
                "valid_from": "1/10/2026",
            },
        ),
    )
    response = client.post(
        f"/people/{smith.id}/conviction/",
        with_version(
            smith,
            {
                "offence": "OAPA1861/s18",
                "outcome": "conviction",
                "date": "1/2/2010",
                "disposal_type": "imprisonment",
                "term_months": "48",
            },
        ),
    )
    assert response.status_code == 302, response.content
    smith.refresh_from_db()
    assert smith.name_keys.filter(token="smithson").exists()
    assert smith.addresses.filter(postcode_key="MK401AA").exists()
    assert smith.convictions.filter(offence_code="OAPA1861/s18").exists()
    assert AuditEvent.objects.filter(event_type=EventType.NOMINAL_UPDATED).count() == 3


def test_a_role_that_cannot_edit_is_refused(signed_in, smith):
    assert signed_in("chair.police").get(f"/people/{smith.id}/alias/").status_code == 403


def test_moving_house_ends_the_current_address_the_day_they_move_in(signed_in, smith):
    response = signed_in("probation.om").post(
        f"/people/{smith.id}/address/",
        with_version(
            smith,
            {
                "kind": "home",
                "line_1": "7 New Street",
                "town": "Luton",
                "postcode": "LU1 1AA",
                "valid_from": "1/11/2026",
                "moved": "on",
            },
        ),
    )
    assert response.status_code == 302, response.content
    old, new = (
        smith.addresses.get(line_1="12 Mill Lane"),
        smith.addresses.get(line_1="7 New Street"),
    )
    assert (old.valid_to.isoformat(), new.valid_to) == ("2026-11-01", None)


def test_moving_needs_the_date_they_moved_in(signed_in, smith):
    response = signed_in("probation.om").post(
        f"/people/{smith.id}/address/",
        with_version(smith, {"kind": "home", "line_1": "7 New Street", "moved": "on"}),
    )
    assert b"Enter the date they moved in" in response.content
    assert smith.addresses.count() == 1


def test_an_associated_person_is_recorded_with_their_own_address(signed_in, smith):
    signed_in("probation.om").post(
        f"/people/{smith.id}/association/",
        with_version(
            smith,
            {
                "relationship": "household_member",
                "forenames": "Kyle",
                "surname": "Price",
                "address_line_1": "3 Oak Road",
                "address_town": "Bedford",
                "address_postcode": "mk41 9zz",
            },
        ),
    )
    kyle = smith.associations.get(forenames="Kyle")
    assert kyle.addresses.get().postcode_key == "MK419ZZ"


def test_the_person_page_shows_the_cases_timeline_in_order(signed_in, smith, demo):
    from datetime import date

    from mappa.cases import services as cases
    from mappa.cases.constants import DecisionSource

    case = smith.mappa_cases.get()
    cases.change_level(
        actor=demo["chair.police"],
        case=case,
        level=3,
        source=DecisionSource.MEETING,
        rationale="Contact with a child reported",
        decided_on=date(2026, 11, 10),
    )
    page = signed_in("probation.om").get(f"/people/{smith.id}/").content.decode()
    timeline = page[page.index('data-testid="case-timeline"') :]
    assert (
        timeline.index("Level 3") < timeline.index("Level 2") < timeline.index("MAPPA case started")
    )
    assert "Contact with a child reported" in timeline and "by Gareth Evans, Police" in timeline


# The person page's queries: session and user, the scoped whole record (nominal and its
# aliases, addresses, associated people and their addresses, convictions, custody, events,
# cases, and level history with who decided each level and their agency), reviews (with who
# held them), and the audit append (mappa/audit/tests/test_append.py: two statements on
# PostgreSQL, three on SQLite, no savepoint). Referrals, RoSH, exclusion zones, the MARAC link
# and disclosures are read only when the nominal's query found some (none here). A fixed
# number, however long the record: a template tag or include that queries per row would
# break this. 19 before issue 19's work on the person page.
PERSON_PAGE_MAX_QUERIES = 16
# The empty search page: the session and the user (with their agency and area), nothing else.
EMPTY_SEARCH_PAGE_MAX_QUERIES = 2


def test_the_empty_search_page_reads_only_the_session_and_the_user(
    signed_in, django_assert_max_num_queries
):
    client = signed_in("probation.om")
    client.get("/people/")
    with django_assert_max_num_queries(EMPTY_SEARCH_PAGE_MAX_QUERIES) as queries:
        assert client.get("/people/").status_code == 200
    tables = [query["sql"].split(" FROM ")[1].split()[0] for query in queries.captured_queries]
    assert tables == ['"django_session"', '"agencies_user"']


def test_the_person_page_takes_a_fixed_number_of_queries(
    signed_in, smith, demo, django_assert_max_num_queries
):
    from datetime import date

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from mappa.cases import services as cases
    from mappa.cases.constants import DecisionSource

    case = smith.mappa_cases.get()

    def decide(day, who, level):
        cases.change_level(
            actor=demo[who],
            case=case,
            level=level,
            source=DecisionSource.MEETING,
            rationale=f"Decision {day}",
            decided_on=date(2026, 11, day),
        )

    decide(1, "chair.police", 3)
    client = signed_in("probation.om")
    client.get(f"/people/{smith.id}/")
    with CaptureQueriesContext(connection) as before:
        assert client.get(f"/people/{smith.id}/").status_code == 200
    for day, (who, level) in enumerate([("coordinator", 2), ("chair.police", 3)] * 3, start=2):
        decide(day, who, level)
    with django_assert_max_num_queries(PERSON_PAGE_MAX_QUERIES) as after:
        page = client.get(f"/people/{smith.id}/").content.decode()
    assert "Decision 6" in page
    assert len(after) == len(before)
