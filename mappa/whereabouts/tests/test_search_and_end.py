"""The search log and the end: each claims the report's version, so a stale save is refused
naming who saved first; bad times are refused and change nothing; a return to custody reaches
the one place the custody app is to be called."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from mappa import versions
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.custody.constants import MovementKind, ReturnReason
from mappa.custody.models import Movement
from mappa.offences.models import CustodyPeriod
from mappa.whereabouts import services
from mappa.whereabouts.constants import Ending
from mappa.whereabouts.models import SearchAction, WhereaboutsReport
from mappa.whereabouts.tests.records import report, smith

pytestmark = pytest.mark.django_db


@pytest.fixture
def missing(demo):
    return report(smith(), demo["probation.om"], hours_ago=6)


def search(report, actor, version=None, hours_ago=1, **overrides):
    details = {
        "done_at": timezone.now() - timedelta(hours=hours_ago),
        "what_was_done": "Checked his sister's address",
        "outcome": "Not there; she has not seen him since Sunday",
    } | overrides
    return services.add_search_action(
        actor=actor,
        report=report,
        version=report.version if version is None else version,
        **details,
    )


def end(report, actor, version=None, hours_ago=0.5, ending=Ending.FOUND, **overrides):
    details = {
        "ended_at": timezone.now() - timedelta(hours=hours_ago),
        "note": "Found at the railway station; returned to the approved premises",
    } | overrides
    return services.end_whereabouts_unknown(
        actor=actor,
        report=report,
        version=report.version if version is None else version,
        ending=ending,
        **details,
    )


def test_a_police_officer_logs_a_search_action_with_its_outcome(missing, demo):
    action = search(missing, demo["police.ppu"])
    assert action.recorded_by == demo["police.ppu"]
    assert list(missing.search_actions.all()) == [action]
    missing.refresh_from_db()
    assert missing.version == 2
    event = AuditEvent.objects.get(event_type=EventType.WHEREABOUTS_SEARCH_ACTION_RECORDED)
    assert event.payload == {"report": str(missing.id), "search_action": str(action.id)}
    assert event.subject == missing.case_id


def test_a_search_action_before_the_start_or_in_the_future_is_refused(missing, demo):
    with pytest.raises(ValidationError) as refused:
        search(missing, demo["police.ppu"], hours_ago=7)
    assert "must not be before" in refused.value.message_dict["done_at"][0]
    with pytest.raises(ValidationError) as refused:
        search(missing, demo["police.ppu"], hours_ago=-1)
    assert "must not be in the future" in refused.value.message_dict["done_at"][0]
    with pytest.raises(ValidationError) as refused:
        search(missing, demo["police.ppu"], outcome=" ")
    assert "what came of it" in refused.value.message_dict["outcome"][0]
    assert not SearchAction.objects.exists()
    missing.refresh_from_db()
    assert missing.version == 1


def test_a_stale_search_action_is_refused_naming_who_saved_first(missing, demo):
    read_at = missing.version
    search(missing, demo["police.ppu"])
    stale = WhereaboutsReport.objects.get(id=missing.id)
    with pytest.raises(versions.StaleEdit) as refused:
        search(stale, demo["probation.om"], version=read_at, what_was_done="Rang his mobile")
    assert demo["police.ppu"].get_full_name() in str(refused.value)
    assert SearchAction.objects.count() == 1


def test_the_end_is_recorded_with_who_when_and_how(missing, demo):
    ended = end(missing, demo["probation.om"])
    ended.refresh_from_db()
    assert not ended.is_open
    assert ended.ending == Ending.FOUND and ended.ended_by == demo["probation.om"]
    assert "railway station" in ended.end_note
    event = AuditEvent.objects.get(event_type=EventType.WHEREABOUTS_ENDED)
    assert event.payload["ending"] == "found"
    assert event.payload["ended_at"] == ended.ended_at.isoformat()


def test_an_end_before_the_start_is_refused_and_changes_nothing(missing, demo):
    with pytest.raises(ValidationError) as refused:
        end(missing, demo["probation.om"], hours_ago=7)
    assert "must not be before" in refused.value.message_dict["ended_at"][0]
    with pytest.raises(ValidationError) as refused:
        end(missing, demo["probation.om"], hours_ago=-1)
    assert "must not be in the future" in refused.value.message_dict["ended_at"][0]
    missing.refresh_from_db()
    assert missing.is_open and missing.version == 1
    assert not AuditEvent.objects.filter(event_type=EventType.WHEREABOUTS_ENDED).exists()


def test_a_stale_end_is_refused_after_a_search_action(missing, demo):
    read_at = missing.version
    search(missing, demo["police.ppu"])
    with pytest.raises(versions.StaleEdit):
        end(WhereaboutsReport.objects.get(id=missing.id), demo["probation.om"], version=read_at)
    assert WhereaboutsReport.objects.get(id=missing.id).is_open


def test_an_ended_report_takes_no_more_search_actions_nor_a_second_end(missing, demo):
    end(missing, demo["probation.om"])
    with pytest.raises(ValidationError, match="nothing more can be added"):
        search(missing, demo["police.ppu"], hours_ago=0.1)
    with pytest.raises(ValidationError, match="nothing more can be added"):
        end(missing, demo["probation.om"], hours_ago=0.1)


def test_only_those_who_may_report_record_the_end(missing, demo):
    with pytest.raises(PermissionDenied):
        end(missing, demo["police.ppu"])
    assert WhereaboutsReport.objects.get(id=missing.id).is_open


def test_a_return_to_custody_reaches_the_custody_hook_once(missing, demo, monkeypatch):
    calls = []
    monkeypatch.setattr(
        services,
        "record_return_to_custody",
        lambda *, actor, report: calls.append((actor, report.ending)),
    )
    end(missing, demo["probation.om"], ending=Ending.RETURNED_TO_CUSTODY, note="Recalled; HMP")
    assert calls == [(demo["probation.om"], Ending.RETURNED_TO_CUSTODY)]


def test_a_return_to_custody_opens_a_custody_period_on_the_custody_record(missing, demo):
    end(missing, demo["probation.om"], ending=Ending.RETURNED_TO_CUSTODY, note="Recalled; HMP")
    nominal = missing.case.nominal
    (period,) = nominal.custody_periods.filter(ended_on__isnull=True)
    assert period.started_on == timezone.localdate(
        WhereaboutsReport.objects.get(id=missing.id).ended_at
    )
    (movement,) = Movement.objects.filter(nominal=nominal, kind=MovementKind.RETURNED)
    assert movement.reason == ReturnReason.OTHER


def test_a_person_already_recorded_in_custody_gets_no_second_period(missing, demo):
    nominal = missing.case.nominal
    CustodyPeriod.objects.create(nominal=nominal, started_on=timezone.localdate())
    end(missing, demo["probation.om"], ending=Ending.RETURNED_TO_CUSTODY, note="Already in HMP")
    assert nominal.custody_periods.filter(ended_on__isnull=True).count() == 1
    assert not Movement.objects.filter(nominal=nominal).exists()


def test_found_or_arrested_do_not_reach_the_custody_hook(demo, monkeypatch):
    calls = []
    monkeypatch.setattr(services, "record_return_to_custody", lambda **kwargs: calls.append(1))
    case = smith()
    end(report(case, demo["probation.om"]), demo["probation.om"], ending=Ending.ARRESTED)
    assert calls == []
