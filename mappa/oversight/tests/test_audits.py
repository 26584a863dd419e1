"""Meeting (MAPPA L) and case audits: scheduled by the board, completed by the auditor with a
score and comment per item, summarised per quarter as numbers only."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.oversight import summaries
from mappa.oversight.constants import CASE_ITEMS, MEETING_ITEMS, AuditKind
from mappa.oversight.models import AuditScore, PracticeAudit
from mappa.oversight.services import audits as services
from mappa.oversight.tests import records as r

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(demo):
    return r.create_meeting(date(2025, 5, 6), cases=[r.create_case()])


def schedule(demo, subject, **overrides):
    fields = {
        "actor": demo["smb.member"],
        "kind": AuditKind.MEETING,
        "meeting": subject,
        "auditor": demo["chair.police"],
        "due_on": timezone.localdate() + timedelta(days=14),
    } | overrides
    return services.schedule_audit(**fields)


def all_scores(score=3, comment=""):
    return {code: (score, comment) for code, _, _ in MEETING_ITEMS}


def test_the_board_schedules_a_meeting_audit_for_an_auditor(demo, meeting):
    audit = schedule(demo, meeting)
    assert (audit.kind, audit.meeting, audit.auditor.username) == (
        "meeting",
        meeting,
        "chair.police",
    )
    event = AuditEvent.objects.get(event_type=EventType.AUDIT_SCHEDULED)
    assert event.payload["auditor"] == "chair.police" and event.actor == demo["smb.member"]


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"auditor": "lay.adviser"}, "auditor"),  # a lay adviser does not audit case work
        ({"auditor": "outsider.police"}, "auditor"),  # another area
        ({"due_on": date(2020, 1, 1)}, "due_on"),
        ({"meeting": None}, "meeting"),
    ],
)
def test_a_bad_schedule_is_refused_on_its_field(demo, meeting, overrides, field):
    if "auditor" in overrides:
        overrides["auditor"] = demo[overrides["auditor"]]
    with pytest.raises(ValidationError) as refused:
        schedule(demo, meeting, **overrides)
    assert field in refused.value.message_dict
    assert not PracticeAudit.objects.exists()


def test_only_the_board_schedules_audits(demo, meeting):
    with pytest.raises(ValidationError):
        schedule(demo, meeting, actor=demo["lay.adviser"])


def test_the_auditor_scores_every_item_with_comments(demo, meeting):
    audit = schedule(demo, meeting)
    scores = all_scores() | {"dissent_recorded": (1, "Dissent was not minuted.")}
    services.complete_audit(
        actor=demo["chair.police"], audit_record=audit, scores=scores, overall_comment="Good."
    )
    audit.refresh_from_db()
    assert audit.completed_on == timezone.localdate()
    assert AuditScore.objects.filter(audit=audit).count() == len(MEETING_ITEMS)
    assert AuditScore.objects.get(audit=audit, item="dissent_recorded").comment == (
        "Dissent was not minuted."
    )
    event = AuditEvent.objects.get(event_type=EventType.AUDIT_COMPLETED)
    assert event.payload == {"audit": str(audit.id), "kind": "meeting", "items": 16}


def test_an_audit_with_an_item_unscored_or_out_of_range_is_refused(demo, meeting):
    audit = schedule(demo, meeting)
    scores = all_scores()
    del scores["venue"]
    scores["welcome"] = (5, "")
    with pytest.raises(ValidationError) as refused:
        services.complete_audit(
            actor=demo["chair.police"], audit_record=audit, scores=scores, overall_comment=""
        )
    assert set(refused.value.message_dict) == {"venue", "welcome"}
    assert not AuditScore.objects.exists()


def test_only_the_auditor_completes_it_and_only_once(demo, meeting):
    audit = schedule(demo, meeting)
    with pytest.raises(ValidationError, match="Only the auditor"):
        services.complete_audit(
            actor=demo["coordinator"], audit_record=audit, scores=all_scores(), overall_comment=""
        )
    services.complete_audit(
        actor=demo["chair.police"], audit_record=audit, scores=all_scores(), overall_comment=""
    )
    with pytest.raises(ValidationError, match="already been completed"):
        services.complete_audit(
            actor=demo["chair.police"], audit_record=audit, scores=all_scores(), overall_comment=""
        )


def test_a_case_audit_uses_the_case_forms_own_answers(demo):
    case = r.create_case(level=2)
    audit = schedule(demo, None, kind=AuditKind.CASE, case=case, meeting=None)
    scores = {code: (answers[0][0], "") for code, _, _, answers in CASE_ITEMS}
    scores["referral_complete"] = (2, "")  # yes/no items score 3 or 1 only
    with pytest.raises(ValidationError) as refused:
        services.complete_audit(
            actor=demo["chair.police"], audit_record=audit, scores=scores, overall_comment=""
        )
    assert list(refused.value.message_dict) == ["referral_complete"]


def complete(demo, meeting, on: date, score: int):
    audit = schedule(demo, meeting)
    services.complete_audit(
        actor=demo["chair.police"], audit_record=audit, scores=all_scores(score), overall_comment=""
    )
    PracticeAudit.objects.filter(id=audit.id).update(completed_on=on)


def test_the_quarterly_summary_averages_each_item_per_quarter(demo, meeting):
    complete(demo, meeting, date(2025, 5, 1), 4)  # quarter 1
    complete(demo, meeting, date(2025, 6, 30), 3)  # quarter 1
    complete(demo, meeting, date(2025, 10, 1), 2)  # quarter 3
    complete(demo, meeting, date(2026, 4, 1), 1)  # the next year
    summary = summaries.quarterly(meeting.area, AuditKind.MEETING, 2025)
    assert summary.counts == [2, 0, 1, 0]
    first = summary.figure.rows[0]
    # Item, quarter 1 (mean of 4 and 3), 2, 3, 4, whole year (mean of 4, 3 and 2).
    assert first == [f"1. {MEETING_ITEMS[0][2]}", 3.5, None, 2.0, None, 3.0]


def test_the_board_pages_schedule_and_the_auditor_completes_through_the_form(
    signed_in, demo, meeting
):
    board = signed_in("smb.member")
    due = (timezone.localdate() + timedelta(days=7)).strftime("%d/%m/%Y")
    response = board.post(
        "/oversight/audits/schedule/",
        {
            "kind": "meeting",
            "meeting": meeting.id,
            "auditor": demo["chair.police"].id,
            "due_on": due,
        },
    )
    assert response.status_code == 302
    audit = PracticeAudit.objects.get()
    assert b"Level 2 meeting on 6 May 2025" in board.get("/oversight/audits/").content
    auditor = signed_in("chair.police")
    page = auditor.get(f"/oversight/audits/{audit.id}/")
    assert b"Complete the audit" in page.content
    form = {code: "4" for code, _, _ in MEETING_ITEMS} | {"overall_comment": "Well chaired."}
    assert auditor.post(f"/oversight/audits/{audit.id}/", form).status_code == 302
    assert PracticeAudit.objects.get().completed_at is not None


def test_a_missing_score_is_shown_on_the_form(signed_in, demo, meeting):
    audit = schedule(demo, meeting)
    form = {code: "4" for code, _, _ in MEETING_ITEMS[1:]}
    response = signed_in("chair.police").post(f"/oversight/audits/{audit.id}/", form)
    assert response.status_code == 200
    assert b"Score: Attendees had joining instructions beforehand" in response.content


def test_audits_are_the_boards_and_the_auditors_only(signed_in, demo, meeting):
    audit = schedule(demo, meeting)
    assert signed_in("coordinator").get(f"/oversight/audits/{audit.id}/").status_code == 200
    assert signed_in("lay.adviser").get(f"/oversight/audits/{audit.id}/").status_code == 404
    assert signed_in("lay.adviser").get("/oversight/audits/").status_code == 403
    assert signed_in("lay.adviser").get("/oversight/audits/summary/").status_code == 200
