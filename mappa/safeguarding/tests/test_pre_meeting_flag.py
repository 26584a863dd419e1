"""Who gets the "to be discussed at MAPPA" hazard flag when the MASH check is completed (seed
001, step 2; issue 16, item 17): someone unknown to social care, and someone known to it with a
child found at their address."""

from datetime import date

import pytest

from mappa.safeguarding import rules
from mappa.safeguarding.services import exchange, matching
from mappa.safeguarding.tests.factories import published_list, upload

# (known to social care, children found at the address, flag proposed)
FLAG_CASES = [
    (False, 0, True),  # seed 001, step 2: created with the flag
    (False, 1, True),
    (True, 1, True),  # known, with a child at the address: the flag is added to the record
    (True, 2, True),
    (True, 0, False),  # known, no child found: the record already carries its hazards
]


@pytest.mark.parametrize(("known", "children", "proposed"), FLAG_CASES)
def test_who_gets_the_pre_meeting_flag(known, children, proposed):
    assert rules.needs_pre_meeting_flag(known=known, children_at_address=children) is proposed


# Children Act 1989 s.105(1): under eighteen.
CHILD_CASES = [
    ("2015-06-01", date(2026, 12, 3), True),
    ("2008-12-03", date(2026, 12, 3), False),  # eighteen today
    ("2008-12-04", date(2026, 12, 3), True),  # eighteen tomorrow
    ("2008-02-29", date(2026, 2, 28), True),  # leap-day birthday falls on 1 March
    ("2008-02-29", date(2026, 3, 1), False),
    ("1988-10-12", date(2026, 12, 3), False),
    ("", date(2026, 12, 3), True),  # no date of birth: counted as a child
]


@pytest.mark.parametrize(("born", "on", "child"), CHILD_CASES)
def test_who_counts_as_a_child(born, on, child):
    assert rules.is_child(born, on) is child


EXTRACT = (
    "record_id,forenames,surname,date_of_birth,address_line_1,postcode,case_status,allocated_worker\n"
    "P1,John,Smith,1984-03-02,9 Elm Road,LU2 2BB,closed,\n"
    'SC-1,Amy,Price,2015-06-01,"12, MILL LN.",mk428pp,open,Sam Okafor\n'
    "SC-2,Leanne,Price,1988-10-12,12 Mill Lane,MK42 8PP,closed,\n"
)


@pytest.fixture
def run(users, django_capture_on_commit_callbacks):
    case_list = published_list(users)
    with django_capture_on_commit_callbacks(execute=True):
        return matching.start_matching(
            actor=users["mash.manager"], case_list=case_list, upload=upload(EXTRACT)
        )


def _confirm(users, run, record_id):
    found = run.candidates.get(record_id=record_id)
    matching.decide(
        actor=users["mash.manager"], candidate=found, version=found.version, decision="confirmed"
    )
    return found


def test_a_known_person_with_a_child_found_at_the_address_gets_the_flag(users, run):
    _confirm(users, run, "P1")
    child = _confirm(users, run, "SC-1")
    assert child.kind == "address"
    entry = child.entry
    exchange.complete_check(actor=users["mash.manager"], entry=entry)
    entry.refresh_from_db()
    assert entry.known_to_social_care
    flag = entry.hazard_flags.get()
    day = entry.meeting_date
    assert flag.kind == "to_be_discussed" and flag.status == "to_enter"
    assert flag.text.startswith(f"To be discussed at MAPPA on {day.day} {day:%B %Y}.")


def test_a_known_person_with_only_an_adult_at_the_address_gets_no_flag(users, run):
    _confirm(users, run, "P1")
    adult = _confirm(users, run, "SC-2")
    exchange.complete_check(actor=users["mash.manager"], entry=adult.entry)
    assert not adult.entry.hazard_flags.exists()


def test_the_meeting_page_links_to_the_mash_feedback_for_its_cases(users, signed_in):
    case_list = published_list(users)
    entry = case_list.entries.get()
    client = signed_in("coordinator")
    page = client.get(f"/meetings/{entry.meeting_id}/").content.decode()
    link = f'href="/mash/meetings/{entry.meeting_id}/feedback/"'
    assert link in page
    feedback = client.get(f"/mash/meetings/{entry.meeting_id}/feedback/").content.decode()
    assert entry.full_name in feedback
    assert f'href="/mash/published/{case_list.id}/records/{entry.id}/feedback/"' in feedback


def test_the_meetings_mash_feedback_is_out_of_reach_outside_the_area(users, signed_in):
    entry = published_list(users).entries.get()
    outsider = users["outsider.police"]
    outsider.role = "coordinator"  # a co-ordinator of the other area
    outsider.save(update_fields=["role"])
    response = signed_in("outsider.police").get(f"/mash/meetings/{entry.meeting_id}/feedback/")
    assert response.status_code == 404
