"""The MASH link (issue 6): the co-ordinator publishes the week's case list; mash.manager opens
it (anyone else gets "Page not found"), uploads a social-care extract, confirms a child with an
open case and invites the allocated social worker; hazard flags carry the meeting date, and
after the meeting the updated hazard states the level and the concern. axe runs on each page.
"""

from datetime import time

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from mappa.audit.models import AuditEvent
from mappa.cases.models import MappaCase
from mappa.meetings.models import Invitation
from mappa.meetings.services import scheduling as meetings

from .axe import assert_no_violations

pytestmark = pytest.mark.browser

EXTRACT = (
    "record_id,forenames,surname,date_of_birth,address_line_1,postcode,case_status,"
    "allocated_worker\n"
    'SC-1,Amy,Price,2015-06-01,"12, MILL LN.",mk428pp,open,Sam Okafor\n'
    "SC-2,Zoe,Brennan,1999-02-03,4 Oak Road,LU1 1AA,none,\n"
)


@pytest.fixture
def meeting_today(demo_personas, settings, tmp_path):
    """Today's level 2 meeting with John Paul Smith (12 Mill Lane, MK42 8PP) on the agenda."""
    settings.MAPPA_MASH_UPLOAD_DIR = tmp_path
    coordinator = demo_personas["coordinator"]
    meeting = meetings.schedule_meeting(
        actor=coordinator,
        level=2,
        on=timezone.localdate(),
        start_time=time(10, 0),
        end_time=time(13, 0),
        venue="Probation head office",
    )
    case = MappaCase.objects.get(nominal__crn="X123456")
    meetings.add_urgent_item(actor=coordinator, meeting=meeting, case=case, reason="Weekly list")
    return meeting


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()


def publish_as_coordinator(page):
    page.get_by_role("link", name="MASH case list", exact=True).click()
    assert_no_violations(page)
    page.get_by_role("link", name="Add a named person").click()
    page.get_by_label("Person", exact=True).select_option(
        label="Helen Carter, Children's social care"
    )
    page.get_by_label("MASH manager").check()
    assert_no_violations(page)
    page.get_by_role("button", name="Add the named person").click()
    expect(page.get_by_test_id("named-persons")).to_contain_text("Helen Carter")
    expect(page.get_by_test_id("to-publish")).to_contain_text("John Paul Smith")
    page.get_by_role("button", name="Publish the case list to the MASH").click()
    expect(page.get_by_test_id("published-entry")).to_contain_text("John Paul Smith")
    assert_no_violations(page)
    return page.url


def check_as_mash_manager(page, tmp_path):
    page.get_by_role("link", name="Case list for the week of").click()
    expect(page.get_by_test_id("case-list")).to_contain_text("John Paul Smith")
    assert_no_violations(page)
    case_list_url = page.url
    page.get_by_role("link", name="Check against a social-care extract").click()
    extract = tmp_path / "socialcare.csv"
    extract.write_text(EXTRACT, encoding="utf-8")
    page.get_by_label("Social-care extract (CSV)").set_input_files(str(extract))
    assert_no_violations(page)
    page.get_by_role("button", name="Upload and start matching").click()
    expect(page.get_by_test_id("run-status")).to_contain_text("Finished")
    candidate = page.get_by_test_id("candidate").filter(has_text="Amy Price")
    expect(candidate).to_contain_text("Someone at the address")
    expect(candidate).to_contain_text("agrees")
    assert_no_violations(page)
    candidate.get_by_role("link", name="Amy Price").click()
    page.get_by_label("Yes, confirm the match").check()
    expect(page.get_by_label("Open case")).to_be_checked()
    assert_no_violations(page)
    page.get_by_role("button", name="Save the decision").click()
    expect(page.get_by_test_id("decision")).to_contain_text("Confirmed: Open case")
    page.get_by_role("link", name="Invite the allocated social worker").click()
    expect(page.get_by_label("Allocated social worker")).to_have_value("Sam Okafor")
    page.get_by_label("Their manager").fill("Jo Reid")
    assert_no_violations(page)
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_test_id("worker-invitations")).to_contain_text(
        "Sam Okafor and Jo Reid: invited to the meeting"
    )
    page.get_by_role("link", name="Go to the MASH record for John Paul Smith").click()
    page.get_by_role("button", name="Complete the check").click()
    return case_list_url


def test_the_mash_link_from_case_list_to_updated_hazard(sign_in, meeting_today, tmp_path):
    today = timezone.localdate()
    meeting_day = f"{today.day} {today:%B %Y}"

    page = sign_in("coordinator")
    published_url = publish_as_coordinator(page)
    sign_out(page)

    page = sign_in("mash.manager")
    case_list_url = check_as_mash_manager(page, tmp_path)
    flags = page.get_by_test_id("hazard-flag")
    expect(flags).to_have_count(1)
    expect(flags.first).to_contain_text(f"To be discussed at MAPPA on {meeting_day}")
    expect(flags.first).to_contain_text("To enter")
    assert_no_violations(page)
    page.get_by_role("button", name="Mark as entered").click()
    expect(page.get_by_test_id("hazard-flag").first).to_contain_text("Entered by Helen Carter")
    record_url = page.url
    sign_out(page)

    invitation = Invitation.objects.get(agenda_item__meeting=meeting_today)
    assert invitation.invitee_agency.name == "Children's social care"
    assert invitation.access_grant is not None

    page = sign_in("housing.officer")
    assert page.goto(case_list_url).status == 404
    assert page.goto(record_url).status == 404
    sign_out(page)

    page = sign_in("coordinator")
    page.goto(published_url)
    page.get_by_role("link", name="Send feedback to the MASH").click()
    page.get_by_label("Yes").check()
    page.get_by_label("Level 2").check()
    page.get_by_label("Risk of sexual harm to children").check()
    page.get_by_label("The meeting's decisions").fill("Remains at level 2; home visits weekly.")
    page.get_by_label("Actions for children's social care").fill("Visit Amy's household.")
    assert_no_violations(page)
    page.get_by_role("button", name="Send the feedback").click()
    expect(page.get_by_test_id("published-entry")).to_contain_text("Subject to MAPPA level 2")
    sign_out(page)

    page = sign_in("mash.manager")
    page.goto(record_url)
    live = page.get_by_test_id("hazard-flag").last
    expect(live).to_contain_text(
        f"Subject to MAPPA level 2 management (MAPPA meeting {meeting_day})"
    )
    expect(live).to_contain_text("risk of sexual harm to children")
    expect(live).to_contain_text("To enter")
    expect(page.get_by_test_id("feedback")).to_contain_text("Visit Amy's household.")
    assert_no_violations(page)

    reads = AuditEvent.objects.filter(event_type="mash.record_read", actor__username="mash.manager")
    assert {"case list", "matching results", "candidate", "MASH record"} <= {
        event.payload["view"] for event in reads
    }
