"""A Child Sex Offender Disclosure Scheme application from the public form to the disclosure:
the issue's acceptance test.

A member of the public applies and gets a reference; disclosure.officer works it through every
stage, links it to a person on the register, decides to disclose to the child's mother (not the
applicant) and records the disclosure with the signed undertaking; the decision and each stage
are in the audit log (read by the co-ordinator) and on the person's disclosure history.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from mappa.people.models import Nominal

from .axe import assert_no_violations

pytestmark = pytest.mark.browser

TODAY = timezone.localdate()


def day(offset: int = 0) -> str:
    return f"{TODAY + timedelta(days=offset):%d/%m/%Y}"


def apply_as_the_public(page) -> str:
    page.goto("/public/apply/")
    page.get_by_role("link", name="Ask about someone with contact with a child").click()
    assert_no_violations(page)
    page.get_by_label("Which area does this concern?").select_option(label="Demoshire MAPPA area")
    page.get_by_label("Your full name").fill("Sam Taylor")
    page.get_by_label("Your relationship to the child or children").fill("Grandparent")
    page.get_by_label("Your phone number").fill("07700 900123")
    page.get_by_label("How can we contact you safely?").fill("Text first")
    page.get_by_label("The child or children you are worried about").fill("Lily Jones, aged 6")
    page.get_by_label("Name of the person you are worried about").fill("John Smith")
    page.get_by_label("Their date of birth, if you know it").fill("2/3/1984")
    page.get_by_label("How does the person have contact with the child or children?").fill(
        "New partner of Lily's mother, Emma Jones"
    )
    page.get_by_label("Why are you worried?").fill("He will not say why he moved to the area")
    page.get_by_role("button", name="Send the application").click()
    reference = page.get_by_test_id("application-reference")
    expect(reference).to_be_visible()
    expect(page.locator("main")).not_to_contain_text("Sam Taylor")
    assert_no_violations(page)
    return reference.inner_text()


def next_step(page, name: str):
    page.get_by_role("link", name=name).click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def record(page, button: str):
    page.get_by_role("button", name=button).click()
    expect(page.get_by_test_id("application-summary")).to_be_visible()


def group(page, legend: str):
    return page.get_by_role("group", name=legend)


def work_the_stages(page):
    next_step(page, "Record the initial contact")
    assert_no_violations(page)
    page.get_by_label("Date of contact").fill(day())
    page.get_by_label("By telephone").check()
    page.get_by_label("The scheme, its confidentiality and who may be told were explained").check()
    record(page, "Record the initial contact")
    next_step(page, "Record the immediate risk check")
    page.get_by_label("What was checked").fill("PNC and ViSOR priority checks")
    group(page, "Is anyone at immediate risk of harm?").get_by_label("No").check()
    record(page, "Record the immediate risk check")
    next_step(page, "Record the face-to-face meeting")
    page.get_by_label("Date of the meeting").fill(day())
    page.get_by_label("The applicant's identity was checked").check()
    page.get_by_label("Documents seen").fill("Passport and a council tax bill")
    record(page, "Record the face-to-face meeting")


def research(page):
    next_step(page, "Record the research")
    page.get_by_label("Name", exact=True).fill("John Smith")
    page.get_by_role("button", name="Search the register").click()
    results = page.get_by_test_id("search-results")
    expect(results).to_contain_text("John Paul Smith")
    assert_no_violations(page)
    results.get_by_label("Why is this the person?").first.fill("Same name and date of birth")
    page.get_by_role("button", name="Link John Paul Smith").click()
    expect(page.get_by_test_id("linked-people")).to_contain_text("John Paul Smith")
    page.get_by_label("What was checked").fill("PNC, ViSOR, children's social care")
    page.get_by_label("What the checks found").fill(
        "Convictions for sexual offences against children"
    )
    record(page, "Record the research")


def decide_to_tell_the_mother(page):
    next_step(page, "Record the decision")
    page.get_by_label("Disclose", exact=True).check()
    page.get_by_label("Reasons for the decision").fill(
        "Presumption to disclose: child sex offence convictions and he lives with Lily"
    )
    page.get_by_label("The person on the register it is about").select_option(
        label="John Paul Smith"
    )
    page.get_by_label("To whom").fill("Emma Jones, Lily's mother")
    page.get_by_label("Their relationship to the risk").select_option(
        label="Parent or carer of a child at risk"
    )
    group(page, "Is the recipient the applicant?").get_by_label("No").check()
    page.get_by_label("Why the recipient is best placed to protect").fill(
        "She has parental responsibility and lives with Lily; the applicant does not"
    )
    page.get_by_label("What is to be disclosed").fill(
        "His convictions for sexual offences against children"
    )
    page.get_by_label("The risk the disclosure protects against").fill("Sexual harm to Lily")
    for test, reason in [
        ("reasonable", "He lives with the child"),
        ("necessary", "She cannot protect Lily without knowing"),
        ("lawful", "Common-law power to disclose to prevent crime"),
        ("proportionate", "Only the convictions, only to the mother"),
    ]:
        page.get_by_label(f"Why it is {test}").fill(reason)
    page.get_by_label("Who will disclose").fill("DC Khan, public protection unit")
    page.get_by_label("How", exact=True).select_option(label="In person")
    page.get_by_label("Disclose by").fill(day(7))
    assert_no_violations(page)
    record(page, "Record the decision")


def record_the_disclosure(page):
    next_step(page, "Go to the disclosure decision")
    expect(page.get_by_test_id("decision-recipient")).to_contain_text("Emma Jones")
    assert_no_violations(page)
    page.get_by_role("link", name="Record the disclosure as made").click()
    page.get_by_label("Date the disclosure was made").fill(day())
    group(page, "How it was made").get_by_label("In person").check()
    page.get_by_label("What was said").fill("His convictions in 2012; keep it confidential")
    group(page, "Did the recipient sign the undertaking to keep it confidential?").get_by_label(
        "Yes"
    ).check()
    page.get_by_label("Where the signed undertaking is kept").fill("Scanned to the ViSOR record")
    group(page, "Was the person told the disclosure was made?").get_by_label("Yes").check()
    page.get_by_label("Date they were told").fill(day())
    assert_no_violations(page)
    page.get_by_role("button", name="Record the disclosure").click()
    expect(page.get_by_test_id("undertaking")).to_contain_text("Signed")
    expect(page.get_by_test_id("decision-status")).to_have_text("Disclosure made")


def audit_entries(page, record_id: str):
    page.get_by_role("link", name="Audit log", exact=True).click()
    page.get_by_label("Person or record ID").fill(record_id)
    page.get_by_role("button", name="Search").click()
    return page.get_by_test_id("audit-results")


def test_a_public_application_is_worked_to_a_disclosure_to_the_childs_mother(page, sign_in):
    reference = apply_as_the_public(page)
    assert reference.startswith("CS-")

    page = sign_in("disclosure.officer")
    page.get_by_role("link", name="Disclosures", exact=True).click()
    assert_no_violations(page)
    page.get_by_role("link", name=reference).click()
    application_id = page.url.rstrip("/").rsplit("/", 1)[-1]
    expect(page.get_by_test_id("application-rag")).to_have_text("On track")
    assert_no_violations(page)
    work_the_stages(page)
    research(page)
    decide_to_tell_the_mother(page)
    record_the_disclosure(page)
    expect(page.locator("main")).to_contain_text("Child Sex Offender Disclosure Scheme")

    nominal = Nominal.objects.get(crn="X123456")
    page.goto(f"/people/{nominal.id}/")
    history = page.get_by_test_id("disclosure-history")
    expect(history).to_contain_text("Disclose to Emma Jones, Lily's mother")
    expect(history).to_contain_text(reference)
    expect(history).to_contain_text("Disclosure made")
    page.goto(f"/disclosures/applications/{application_id}/")
    steps = page.get_by_test_id("application-steps")
    for stage in (
        "Initial contact",
        "Immediate risk check",
        "Face-to-face meeting",
        "Research",
        "Decision",
        "Disclosure or letter",
    ):
        expect(steps).to_contain_text(stage)
    expect(page.get_by_test_id("application-stage")).to_contain_text("Information disclosed")
    page.get_by_role("button", name="Sign out").click()

    page = sign_in("coordinator")
    entries = audit_entries(page, application_id)
    expect(entries).to_contain_text("Disclosure scheme application received")
    expect(entries.get_by_text("Disclosure scheme stage recorded")).to_have_count(6)
    expect(entries).to_contain_text("Disclosure application linked to a person")
    for stage in (
        "initial_contact",
        "immediate_risk",
        "face_to_face",
        "research",
        "decision",
        "disclosure",
    ):
        expect(entries).to_contain_text(f"stage: {stage}")
    entries = audit_entries(page, str(nominal.id))
    expect(entries).to_contain_text("Disclosure decision recorded")
    expect(entries).to_contain_text("Disclosure made")


def test_research_recorded_without_a_link_can_be_linked_at_the_decision(page, sign_in):
    """Issue 16 item 12: the decision page's "link a person" search, checked with axe."""
    reference = apply_as_the_public(page)
    page = sign_in("disclosure.officer")
    page.get_by_role("link", name="Disclosures", exact=True).click()
    page.get_by_role("link", name=reference).click()
    work_the_stages(page)
    next_step(page, "Record the research")
    page.get_by_label("What was checked").fill("PNC and ViSOR")
    page.get_by_label("What the checks found").fill("Nothing under the name given")
    record(page, "Record the research")

    next_step(page, "Record the decision")
    link_form = page.get_by_test_id("link-person")
    expect(link_form).to_be_visible()
    link_form.get_by_label("Name", exact=True).fill("John Smith")
    link_form.get_by_role("button", name="Search the register").click()
    results = page.get_by_test_id("search-results")
    expect(results).to_contain_text("John Paul Smith")
    assert_no_violations(page)
    results.get_by_label("Why is this the person?").first.fill("Found by the address given")
    page.get_by_role("button", name="Link John Paul Smith").click()
    expect(page.get_by_test_id("linked-people")).to_contain_text("John Paul Smith")
    expect(page.get_by_role("heading", level=1)).to_have_text("Decision")
    expect(
        page.get_by_label("The person on the register it is about").locator("option")
    ).to_contain_text(["John Paul Smith"])
    assert_no_violations(page)
