"""Release, recall and return to custody: events that move the case and the annual figures."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from mappa import versions
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.custody import services
from mappa.custody.constants import MovementKind
from mappa.custody.models import Movement
from mappa.custody.tests.conftest import TODAY, add_plan, days, fresh, screening_data
from mappa.oversight.statistics import annual
from mappa.people.models import Nominal

pytestmark = pytest.mark.django_db


def release(users, nominal, on=TODAY, who="prison.pom"):
    held = fresh(nominal)
    return services.record_release(actor=users[who], nominal=held, version=held.version, on=on)


def set_level(users, nominal, level=2):
    screening = services.record_screening(
        actor=users["prison.pom"], nominal=fresh(nominal), **screening_data(users)
    )
    services.decide_level(
        actor=users["coordinator"],
        screening=screening,
        version=screening.version,
        level=level,
        rationale="Set before release",
    )


def test_a_release_ends_the_custody_and_sets_the_release_date(users, cole):
    release(users, cole, on=days(-1))
    held = fresh(cole)
    assert [(p.started_on, p.ended_on) for p in held.custody_periods.all()] == [
        (date(2010, 10, 1), days(-1))
    ]
    assert held.release_date == days(-1)
    # written through the register: the person record's own change and version
    updated = AuditEvent.objects.filter(event_type=EventType.NOMINAL_UPDATED, subject=cole.id)
    assert updated.get().payload == {"via": "custody", "fields": ["custody"]}
    assert held.version == cole.version + 1


def test_a_release_without_a_level_set_in_custody_or_a_plan_is_unprepared(users, cole):
    movement = release(users, cole)
    assert (movement.level, movement.level_set_in_custody, movement.plan_in_place) == (
        1,
        False,
        False,
    )
    assert not movement.prepared
    event = AuditEvent.objects.get(event_type=EventType.CUSTODY_RELEASE_RECORDED)
    assert event.payload == {"released_on": TODAY.isoformat(), "level": 1, "prepared": False}


def test_a_level_set_in_custody_without_a_plan_is_still_unprepared(users, cole):
    set_level(users, cole)
    movement = release(users, cole)
    assert (movement.level_set_in_custody, movement.plan_in_place) == (True, False)
    assert not movement.prepared


def test_the_plan_must_be_in_place_by_the_release(users, cole):
    set_level(users, cole)
    add_plan(users["probation.om"], cole.mappa_cases.get(closed_on__isnull=True))
    movement = release(users, cole)
    assert movement.prepared and movement.level == 2


@pytest.mark.parametrize(
    ("on", "message"),
    [
        (date(2010, 9, 30), "on or after 1/10/2010, when custody began"),
        (days(1), "today or in the past"),
    ],
)
def test_an_impossible_release_date_is_refused_and_nothing_changes(users, cole, on, message):
    with pytest.raises(ValidationError) as refused:
        release(users, cole, on=on)
    assert message in refused.value.message_dict["on"][0]
    held = fresh(cole)
    assert held.custody_periods.get().ended_on is None and held.version == cole.version
    assert not Movement.objects.exists()


def test_a_release_from_an_old_page_is_refused(users, cole):
    old = fresh(cole).version
    release(users, cole, on=days(-3))
    services.record_return(
        actor=users["police.ppu"],
        nominal=fresh(cole),
        version=fresh(cole).version,
        on=days(-1),
        reason="licence_recall",
    )
    with pytest.raises(versions.StaleEdit):
        services.record_release(
            actor=users["prison.pom"], nominal=fresh(cole), version=old, on=TODAY
        )
    assert Movement.objects.filter(kind=MovementKind.RELEASED).count() == 1


def test_a_recall_opens_a_custody_and_counts_in_the_annual_figures(users, cole):
    release(users, cole, on=days(-10))
    services.record_return(
        actor=users["police.ppu"],
        nominal=fresh(cole),
        version=fresh(cole).version,
        on=days(-2),
        reason="licence_recall",
    )
    held = fresh(cole)
    assert [(p.started_on, p.ended_on) for p in held.custody_periods.all()] == [
        (date(2010, 10, 1), days(-10)),
        (days(-2), None),
    ]
    assert held.release_date == days(-10)  # the first release stays on the record
    assert [(e.kind, e.occurred_on) for e in held.events.all()] == [
        ("returned_to_custody_licence_breach", days(-2))
    ]
    event = AuditEvent.objects.get(event_type=EventType.CUSTODY_RETURN_RECORDED)
    assert event.payload == {"returned_on": days(-2).isoformat(), "reason": "licence_recall"}
    register = annual.register_for(cole.area, TODAY)
    assert any(e.kind == "returned_to_custody_licence_breach" for e in register.events)


def test_a_return_for_a_further_offence_is_kept_here_but_not_counted_as_a_breach(users, cole):
    release(users, cole, on=days(-10))
    services.record_return(
        actor=users["police.ppu"],
        nominal=fresh(cole),
        version=fresh(cole).version,
        on=days(-2),
        reason="further_offence",
    )
    assert not fresh(cole).events.exists()
    assert Movement.objects.get(kind=MovementKind.RETURNED).reason == "further_offence"


def test_someone_in_custody_is_not_returned_to_it(users, cole):
    with pytest.raises(ValidationError, match="already in custody"):
        services.record_return(
            actor=users["police.ppu"],
            nominal=fresh(cole),
            version=fresh(cole).version,
            on=TODAY,
            reason="licence_recall",
        )


def test_a_return_before_the_last_release_is_refused(users):
    smith = Nominal.objects.get(crn="X123456")  # released 1 June 2022
    with pytest.raises(ValidationError) as refused:
        services.record_return(
            actor=users["police.ppu"],
            nominal=smith,
            version=smith.version,
            on=date(2022, 5, 1),
            reason="order_breach",
        )
    assert "on or after 1/6/2022" in refused.value.message_dict["on"][0]
    with pytest.raises(ValidationError, match="Select why"):
        services.record_return(
            actor=users["police.ppu"], nominal=smith, version=smith.version, on=TODAY, reason="x"
        )


def test_other_apps_return_a_person_to_custody_with_the_fixed_signature(users):
    # whereabouts ends a missing period "returned to custody" through this function.
    smith = Nominal.objects.get(crn="X123456")
    movement = services.record_return_to_custody(users["police.ppu"], smith, TODAY, "order_breach")
    assert (movement.kind, movement.reason, movement.recorded_by) == (
        MovementKind.RETURNED,
        "order_breach",
        users["police.ppu"],
    )
    assert fresh(smith).custody_periods.filter(ended_on__isnull=True).get().started_on == TODAY
