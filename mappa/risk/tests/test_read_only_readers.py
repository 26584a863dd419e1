"""A case a transfer shares with another area is read-only there (docs/transfers.md): the risk
pages (and the person page) show the area that only reads no add or change buttons, and show them
to the area that manages the case. After acceptance the sending area reads; during the hand-over
the receiving area reads."""

import pytest
from django.test import Client
from django.urls import reverse

from mappa.cases.tests.transferring import accept_in_other, request_to_other
from mappa.desk.demo import demo_secret
from mappa.risk.tests.records import create_plan, smith_case

pytestmark = pytest.mark.django_db


def client_for(username: str) -> Client:
    client = Client()
    client.post("/sign-in/", {"username": username, "password": demo_secret(username)})
    return client


@pytest.fixture
def shared(users):
    """Smith's case, with a plan, in a transfer from DEMO to OTHER waiting to be accepted."""
    case = smith_case()
    create_plan(actor=users["coordinator"], case=case)
    transfer = request_to_other(users, case)
    return case, transfer


def accept(users, transfer):
    accept_in_other(users, transfer)


PAGES = [
    # (read page, the add or change link it offers to the managing area)
    ("rosh-assessments", "add-rosh-assessment"),
    ("risk-plan", "edit-risk-plan"),
    ("licence-conditions", "choose-licence-condition"),
]


@pytest.mark.parametrize(("page", "button"), PAGES)
@pytest.mark.parametrize(
    ("accepted", "reader", "manager"),
    [(False, "coordinator.other", "coordinator"), (True, "coordinator", "coordinator.other")],
)
def test_the_reader_sees_no_add_button_and_the_manager_does(
    users, shared, page, button, accepted, reader, manager
):
    case, transfer = shared
    if accepted:
        accept(users, transfer)
    link = reverse(button, kwargs={"case_id": case.id})
    read = client_for(reader).get(reverse(page, kwargs={"case_id": case.id}))
    assert read.status_code == 200 and link not in read.text
    managed = client_for(manager).get(reverse(page, kwargs={"case_id": case.id}))
    assert managed.status_code == 200 and link in managed.text


def test_the_plan_offers_no_make_this_an_action_link_to_the_reader(users, shared):
    case, transfer = shared
    accept(users, transfer)
    plan = client_for("coordinator").get(reverse("risk-plan", kwargs={"case_id": case.id}))
    assert "Make this an action" not in plan.text
    managed = client_for("coordinator.other").get(reverse("risk-plan", kwargs={"case_id": case.id}))
    assert "Make this an action" in managed.text


def test_the_person_page_offers_no_change_links_to_the_reader(users, shared):
    case, transfer = shared
    accept(users, transfer)
    person = f"/people/{case.nominal_id}/"
    change = f"/people/{case.nominal_id}/"
    read = client_for("coordinator").get(person)
    assert read.status_code == 200
    assert 'class="govuk-link govuk-body" href="' + change not in read.text
    managed = client_for("coordinator.other").get(person)
    assert 'class="govuk-link govuk-body" href="' + change in managed.text


@pytest.mark.parametrize("accepted", [False, True])
def test_who_may_change_a_person_they_read_is_what_the_changing_scope_says(users, shared, accepted):
    """`cases.queries.may_change_readable` (the person page's check, without a query) answers as
    the register's changing scope does, for every persona and every person they read, both while
    a transfer waits and once it is accepted."""
    from mappa.cases.queries import may_change_readable
    from mappa.people.queries import nominals_visible_to

    case, transfer = shared
    if accepted:
        accept(users, transfer)
    answers = set()
    for user in users.values():
        changeable = set(nominals_visible_to(user, changing=True).values_list("id", flat=True))
        for nominal in nominals_visible_to(user):
            expected = nominal.id in changeable
            assert may_change_readable(user, nominal.area_id) is expected, (user, nominal)
            answers.add(expected)
    assert answers == {True, False}  # both answers were put to the test
