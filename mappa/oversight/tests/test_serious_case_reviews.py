"""Serious case reviews: a serious further offence charge recorded on a person's record is
notified to the board within 5 days; the board decides, the review is written under the MAPPA O
headings with an action plan, and it is seen beyond the board only once approved."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.oversight import queries
from mappa.oversight.constants import REPORT_SECTIONS, ReviewStatus
from mappa.oversight.models import SeriousCaseReview
from mappa.oversight.services import reviews
from mappa.oversight.tests import records as r
from mappa.people.models import RecordedEvent

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def charged(demo):
    """A level 3 case whose person was charged with a serious further offence 3 days ago."""
    case = r.create_case(level=3, history=[(date(2024, 1, 1), 3)])
    RecordedEvent.objects.create(
        nominal=case.nominal, kind="sfo_charged", occurred_on=TODAY - timedelta(days=3)
    )
    return case


def notify(demo, case, actor="coordinator"):
    return reviews.notify_serious_further_offence(
        actor=demo[actor],
        case=case,
        charged_on=TODAY - timedelta(days=3),
        offence="Wounding with intent",
        circumstances="Managed at level 3 since January 2024; last meeting a month ago.",
    )


def test_a_charge_on_the_record_awaits_notification_due_within_5_days(demo, charged):
    [charge] = queries.charges_awaiting_notification(demo["coordinator"], TODAY)
    assert charge["case"] == charged and charge["level"] == 3
    assert charge["due_on"] == TODAY + timedelta(days=2) and not charge["overdue"]
    assert queries.charges_awaiting_notification(demo["lay.adviser"], TODAY) == []


def test_a_charge_not_notified_after_5_days_is_overdue(demo, charged):
    [charge] = queries.charges_awaiting_notification(demo["coordinator"], TODAY + timedelta(days=3))
    assert charge["overdue"]


def test_a_charge_against_someone_without_a_mappa_case_that_day_is_not_listed(demo):
    case = r.create_case(start=TODAY - timedelta(days=1))
    RecordedEvent.objects.create(
        nominal=case.nominal, kind="sfo_charged", occurred_on=TODAY - timedelta(days=10)
    )
    assert queries.charges_awaiting_notification(demo["coordinator"], TODAY) == []


def test_notifying_emails_a_link_to_the_board_and_coordinators_and_is_audited(
    demo, charged, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        review = notify(demo, charged)
    assert review.status == ReviewStatus.NOTIFIED and review.level == 3
    assert review.notification_due_on == TODAY + timedelta(days=2)
    assert {u.username for u in review.notified_to.all()} == {"coordinator", "smb.member"}
    assert sorted(m.to[0] for m in mail.outbox) == [
        "coordinator@demo.mappa.invalid",
        "smb.member@demo.mappa.invalid",
    ]
    body = mail.outbox[0].body
    assert f"/oversight/reviews/{review.id}/" in body
    assert charged.nominal.surname not in body and "Wounding" not in body
    event = AuditEvent.objects.get(event_type=EventType.SCR_NOTIFIED)
    assert event.subject == charged.id and event.payload["recipients"] == 2
    assert queries.charges_awaiting_notification(demo["coordinator"], TODAY) == []


def test_a_charge_is_notified_once(demo, charged):
    notify(demo, charged)
    with pytest.raises(ValidationError, match="already been notified"):
        notify(demo, charged)


def test_only_the_board_notifies(demo, charged):
    with pytest.raises(ValidationError):
        notify(demo, charged, actor="chair.police")


def decide(demo, review, **overrides):
    fields = {
        "actor": demo["smb.member"],
        "review": review,
        "hold_review": True,
        "decided_on": TODAY,
        "reasons": "Level 3 at the time of a charge of wounding with intent.",
        "remit": "Whether MAPPA were applied effectively from January 2024.",
        "reviewer": "Independent author",
        "lay_adviser": demo["lay.adviser"],
        "report_due_on": TODAY + timedelta(days=180),
    } | overrides
    return reviews.decide(**fields)


def test_holding_a_review_needs_a_remit_an_author_and_a_lay_adviser(demo, charged):
    review = notify(demo, charged)
    with pytest.raises(ValidationError) as refused:
        decide(demo, review, remit="", reviewer="", lay_adviser=demo["smb.member"])
    assert set(refused.value.message_dict) == {"remit", "reviewer", "lay_adviser"}
    decided = decide(demo, review)
    assert decided.status == ReviewStatus.IN_PROGRESS
    assert decided.lay_adviser == demo["lay.adviser"]


def test_the_board_may_decide_not_to_hold_a_review(demo, charged):
    review = decide(demo, notify(demo, charged), hold_review=False, remit="x")
    assert review.status == ReviewStatus.NOT_HELD and review.remit == ""


def write_everything(demo, review):
    reviews.save_report(
        actor=demo["smb.member"],
        review=review,
        version=review.version,
        sections={name: f"{label}: written." for name, label in REPORT_SECTIONS.items()},
    )
    reviews.save_action(
        actor=demo["smb.member"],
        review=review,
        action="Refresh chairs' training on victim issues",
        owner="Head of public protection, police",
        due_on=TODAY + timedelta(days=90),
    )


def test_a_review_completes_only_with_every_section_and_an_action_plan(demo, charged):
    review = decide(demo, notify(demo, charged))
    with pytest.raises(ValidationError, match="Write every section"):
        reviews.complete(actor=demo["smb.member"], review=review, completed_on=TODAY)
    write_everything(demo, review)
    done = reviews.complete(actor=demo["smb.member"], review=review, completed_on=TODAY)
    assert done.status == ReviewStatus.COMPLETED


def test_a_review_is_not_seen_beyond_the_board_until_approved(demo, charged, signed_in):
    review = decide(demo, notify(demo, charged))
    url = f"/oversight/reviews/{review.id}/"
    assert signed_in("smb.member").get(url).status_code == 200
    assert signed_in("coordinator").get(url).status_code == 200
    for outsider in ("chair.police", "lay.adviser"):
        assert signed_in(outsider).get(url).status_code == 404, outsider
    assert signed_in("outsider.police").get(url).status_code == 403  # no aggregates at all
    write_everything(demo, review)
    reviews.complete(actor=demo["smb.member"], review=review, completed_on=TODAY)
    reviews.approve_circulation(
        actor=demo["smb.member"],
        review=review,
        approved_for="Meeting chairs and the area's practitioners, for learning",
        approved_on=TODAY,
    )
    assert signed_in("chair.police").get(url).status_code == 200
    assert signed_in("lay.adviser").get(url).status_code == 404  # aggregates only
    assert AuditEvent.objects.filter(event_type=EventType.SCR_APPROVED).count() == 1


def test_reading_a_review_is_audited_against_the_case(demo, charged, signed_in):
    review = notify(demo, charged)
    signed_in("smb.member").get(f"/oversight/reviews/{review.id}/")
    read = AuditEvent.objects.get(event_type=EventType.CASE_CONTENT_READ)
    assert read.subject == charged.id and read.payload == {"content": "serious case review"}


def test_the_board_member_sees_no_name_and_the_coordinator_a_link_to_the_case(
    demo, charged, signed_in
):
    review = notify(demo, charged)
    board = signed_in("smb.member").get(f"/oversight/reviews/{review.id}/").content.decode()
    assert charged.nominal.surname not in board and f"/cases/{charged.id}/" not in board
    coordinator = signed_in("coordinator").get(f"/oversight/reviews/{review.id}/").content.decode()
    assert f"/cases/{charged.id}/" in coordinator


def test_the_pages_take_a_charge_from_notification_to_approval(demo, charged, signed_in):
    client = signed_in("smb.member")
    listing = client.get("/oversight/reviews/").content.decode()
    charged_on = (TODAY - timedelta(days=3)).isoformat()
    link = f"/oversight/reviews/notify/?case={charged.id}&amp;charged_on={charged_on}"
    assert link in listing
    response = client.post(
        link.replace("&amp;", "&"),
        {"offence": "Wounding with intent", "circumstances": "Level 3 since 2024."},
    )
    review = SeriousCaseReview.objects.get()
    assert response["Location"] == f"/oversight/reviews/{review.id}/"
    base = response["Location"]
    day = TODAY.strftime("%d/%m/%Y")
    due = (TODAY + timedelta(days=90)).strftime("%d/%m/%Y")
    decision = {
        "hold_review": "yes",
        "decided_on": day,
        "reasons": "Level 3 at the time of the charge.",
        "remit": "All of 2025.",
        "reviewer": "Independent author",
        "lay_adviser": demo["lay.adviser"].id,
        "report_due_on": due,
    }
    assert client.post(base + "decision/", decision).status_code == 302
    sections = {name: "Written." for name in REPORT_SECTIONS} | {"version": review.version}
    assert client.post(base + "report/", sections).status_code == 302
    action = {"action": "Train chairs", "owner": "DCI, police", "due_on": due, "status": "open"}
    assert client.post(base + "actions/add/", action).status_code == 302
    assert client.post(base + "complete/", {"completed_on": day}).status_code == 302
    approval = {"approved_on": day, "approved_for": "Chairs, for learning"}
    assert client.post(base + "approve/", approval).status_code == 302
    review.refresh_from_db()
    assert review.status == ReviewStatus.COMPLETED and review.approved_on == TODAY


def test_completing_too_early_shows_why_on_the_review_page(demo, charged, signed_in):
    review = decide(demo, notify(demo, charged))
    response = signed_in("smb.member").post(
        f"/oversight/reviews/{review.id}/complete/", {"completed_on": TODAY.strftime("%d/%m/%Y")}
    )
    assert response.status_code == 200
    assert b"Write every section of the report first" in response.content
