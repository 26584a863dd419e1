"""The named person's dashboard panels and the navigation items of the MASH link."""

from mappa.safeguarding.services import exchange
from mappa.safeguarding.tests.factories import published_list
from mappa.safeguarding.tests.test_named_persons import client_for


def test_a_named_person_sees_the_weeks_list_and_whats_left_to_do(users, settings):
    case_list = published_list(users)
    exchange.complete_check(actor=users["mash.manager"], entry=case_list.entries.get())
    page = client_for("mash.manager", settings).get("/dashboard/").content.decode()
    assert f"/mash/case-lists/{case_list.id}/" in page
    assert "1 person" in page
    assert "0 people to check, 0 possible matches to decide, 1 hazard flag to enter" in page


def test_a_mash_account_not_yet_named_is_told_so(users, settings):
    page = client_for("mash.manager", settings).get("/dashboard/").content.decode()
    assert "You are not a named person for your area yet" in page


def test_the_navigation_offers_the_mash_to_named_persons_and_the_list_to_coordinators(
    users, settings
):
    assert (
        'href="/mash/"' in client_for("mash.manager", settings).get("/dashboard/").content.decode()
    )
    coordinator = client_for("coordinator", settings).get("/dashboard/").content.decode()
    assert 'href="/mash/publish/"' in coordinator and 'href="/mash/"' not in coordinator


def test_the_coordinator_publishes_and_sends_feedback_through_the_pages(users, settings):
    from mappa.safeguarding.tests.factories import meeting_with_smith, name_named_person

    name_named_person(users["coordinator"], users["mash.manager"])
    meeting_with_smith(users["coordinator"])
    client = client_for("coordinator", settings)
    assert b"John Paul Smith" in client.get("/mash/publish/").content
    response = client.post("/mash/publish/")
    assert response.status_code == 302
    published = client.get(response["Location"])
    entry = published.context["rows"][0][0]
    feedback = client.post(
        f"{response['Location']}records/{entry.id}/feedback/",
        {
            "subject_to_mappa": "yes",
            "level": "2",
            "concerns": ["sexual_harm_children"],
            "decisions": "Stays at level 2.",
        },
    )
    assert feedback.status_code == 302
    assert "level 2" in entry.hazard_flags.get().text
