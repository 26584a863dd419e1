"""The pre-release screening: made by the prison with probation, decided by the co-ordinator."""

import pytest
from django.core.exceptions import ValidationError

from mappa import versions
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.cases.constants import DecisionSource
from mappa.custody import services
from mappa.custody.constants import ScreeningStatus
from mappa.custody.models import Screening
from mappa.custody.tests.conftest import TODAY, days, fresh, screening_data
from mappa.people.models import Nominal

pytestmark = pytest.mark.django_db


def screen(users, nominal, who="prison.pom", **overrides):
    return services.record_screening(
        actor=users[who], nominal=fresh(nominal), **screening_data(users, **overrides)
    )


def test_the_prison_offender_manager_screens_the_current_custody(users, cole):
    screening = screen(users, cole)
    assert screening.custody_started_on.isoformat() == "2010-10-01"
    assert (screening.category, screening.proposed_level, screening.report_due_on) == (
        1,
        2,
        days(30),
    )
    assert screening.offender_manager == users["probation.om"]
    assert screening.status == ScreeningStatus.AWAITING_DECISION
    event = AuditEvent.objects.get(event_type=EventType.CUSTODY_SCREENING_RECORDED)
    assert event.subject == cole.id
    assert event.payload == {"screening": str(screening.id), "proposed_level": 2}


def test_police_practitioners_do_not_screen_before_release(users, cole):
    with pytest.raises(ValidationError) as refused:
        screen(users, cole, who="police.ppu")
    assert "prison or community offender manager" in str(refused.value)
    assert not Screening.objects.exists()


def test_a_custody_is_screened_once(users, cole):
    screen(users, cole)
    with pytest.raises(ValidationError, match="screened already"):
        screen(users, cole, who="probation.om")


def test_someone_not_in_custody_is_not_screened(users):
    smith = Nominal.objects.get(crn="X123456")  # released in 2022
    with pytest.raises(ValidationError, match="not in custody"):
        screen(users, smith)


def test_bad_input_is_refused_naming_each_problem_and_nothing_is_saved(users, cole):
    with pytest.raises(ValidationError) as refused:
        screen(
            users,
            cole,
            rationale=" ",
            report_due_on=TODAY.replace(year=TODAY.year - 1),
            offender_manager=users["police.ppu"],
        )
    problems = refused.value.message_dict
    assert set(problems) == {"rationale", "report_due_on", "offender_manager"}
    assert "must work for probation" in problems["offender_manager"][0]
    assert not Screening.objects.exists()


def test_the_report_is_due_before_the_parole_hearing(users, cole):
    with pytest.raises(ValidationError) as refused:
        screen(users, cole, report_due_on=days(121))  # the hearing is in 120 days
    assert "before the release" in refused.value.message_dict["report_due_on"][0]


def test_a_stale_change_is_refused_naming_who_saved_first(users, cole):
    screening = screen(users, cole)
    started = screening.version
    services.change_screening(
        actor=users["probation.om"],
        screening=screening,
        version=started,
        **screening_data(users, proposed_level=3),
    )
    with pytest.raises(versions.StaleEdit) as refused:
        services.change_screening(
            actor=users["prison.pom"],
            screening=Screening.objects.get(id=screening.id),
            version=started,
            **screening_data(users, rationale="Mine"),
        )
    first = users["probation.om"]
    assert f"changed by {first.get_full_name() or first.username} ({first.agency})" in str(
        refused.value
    )
    held = Screening.objects.get(id=screening.id)
    assert (held.proposed_level, held.rationale) == (3, "Victim lives near the release address")
    changed = AuditEvent.objects.get(event_type=EventType.CUSTODY_SCREENING_CHANGED)
    assert changed.payload["fields"] == ["proposed_level"]


def test_the_coordinator_confirms_the_level_through_the_cases_level_decision(users, cole):
    screening = screen(users, cole)
    services.decide_level(
        actor=users["coordinator"],
        screening=screening,
        version=screening.version,
        level=2,
        rationale="Agreed: police and housing needed",
    )
    case = cole.mappa_cases.get(closed_on__isnull=True)
    latest = case.level_history.order_by("-id").first()
    assert (case.level, latest.source, latest.decided_by) == (
        2,
        DecisionSource.SCREENING,
        users["coordinator"],
    )
    assert latest.rationale == "Agreed: police and housing needed"
    assert case.first_meeting_needed_since == TODAY  # level 2: a meeting before release
    screening.refresh_from_db()
    assert (screening.status, screening.decided_level) == (ScreeningStatus.MEETING_NEEDED, 2)
    assert AuditEvent.objects.filter(event_type=EventType.CASE_LEVEL_CHANGED).exists()
    decided = AuditEvent.objects.get(event_type=EventType.CUSTODY_LEVEL_DECIDED)
    assert decided.payload == {
        "screening": str(screening.id),
        "decision": "meeting_needed",
        "level": 2,
    }


def test_at_level_2_the_case_goes_on_the_next_agenda_of_a_level_2_meeting(users, cole):
    # The pre-release meeting: the agenda is built from cases needing a first meeting
    # (meetings.queries.due_candidates), as after referral screening.
    from mappa.meetings.models import Meeting
    from mappa.meetings.queries.meetings import due_candidates

    screening = screen(users, cole)
    services.decide_level(
        actor=users["coordinator"],
        screening=screening,
        version=screening.version,
        level=2,
        rationale="Needs the panel before release",
    )
    meeting = Meeting(area=cole.area, level=2, date=days(14))
    found = due_candidates(users["coordinator"], meeting, days(14))
    assert [c.case.nominal_id for c in found if c.first_meeting_needed_since] == [cole.id]
    screening.refresh_from_db()
    assert screening.status == ScreeningStatus.MEETING_NEEDED


def test_at_level_1_no_meeting_is_needed(users, cole):
    screening = screen(users, cole)
    services.decide_level(
        actor=users["coordinator"],
        screening=screening,
        version=screening.version,
        level=1,
        rationale="Ordinary agency management is enough",
    )
    case = cole.mappa_cases.get(closed_on__isnull=True)
    assert case.first_meeting_needed_since is None
    assert case.level_history.order_by("-id").first().rationale.startswith("Ordinary")
    screening.refresh_from_db()
    assert (screening.status, screening.decided_level) == (ScreeningStatus.LEVEL_CONFIRMED, 1)


def test_a_decision_needs_a_level_and_a_reason(users, cole):
    screening = screen(users, cole)
    with pytest.raises(ValidationError) as refused:
        services.decide_level(
            actor=users["coordinator"],
            screening=screening,
            version=screening.version,
            level=None,
            rationale=" ",
        )
    assert set(refused.value.message_dict) == {"level", "rationale"}
    assert cole.mappa_cases.get(closed_on__isnull=True).level_history.count() == 1


def test_a_decision_made_from_an_old_page_is_refused(users, cole):
    screening = screen(users, cole)
    old = screening.version
    services.change_screening(
        actor=users["prison.pom"], screening=screening, version=old, **screening_data(users)
    )
    with pytest.raises(versions.StaleEdit):
        services.decide_level(
            actor=users["coordinator"],
            screening=Screening.objects.get(id=screening.id),
            version=old,
            level=3,
            rationale="Level 3",
        )
    assert cole.mappa_cases.get(closed_on__isnull=True).level == 1


def test_a_decided_screening_no_longer_changes(users, cole):
    screening = screen(users, cole)
    services.decide_level(
        actor=users["coordinator"],
        screening=screening,
        version=screening.version,
        level=1,
        rationale="Level 1 is enough",
    )
    screening.refresh_from_db()
    assert screening.status == ScreeningStatus.LEVEL_CONFIRMED
    with pytest.raises(ValidationError, match="can no longer change"):
        services.change_screening(
            actor=users["prison.pom"],
            screening=screening,
            version=screening.version,
            **screening_data(users),
        )
