"""Managing a case between meetings: a category and level decision, the responsible officer and
closing the case, each refused when stale (decision 0011), audited, and within the rules."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from mappa import versions
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.cases import queries, services
from mappa.cases.constants import ClosureReason, DecisionSource
from mappa.cases.tests.factories import create_case

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def decide(case, actor, **overrides):
    arguments = {
        "actor": actor,
        "case": case,
        "version": case.nominal.version,
        "category": case.category,
        "level": case.level,
        "source": DecisionSource.MEETING,
        "rationale": "Escalating behaviour towards a former partner",
        "decided_on": TODAY - timedelta(days=1),
    } | overrides
    return services.record_decision(**arguments)


def events(case, event_type):
    return list(AuditEvent.objects.filter(subject=case.id, event_type=event_type))


def test_a_level_decision_goes_into_the_level_history_with_who_when_and_why(demo):
    case = create_case(review_in_days=30)
    decide(case, demo["probation.om"], level=3)
    case.refresh_from_db()
    change = case.level_history.last()
    assert (case.level, change.level, change.decided_by, change.source) == (
        3,
        3,
        demo["probation.om"],
        "meeting",
    )
    assert change.rationale == "Escalating behaviour towards a former partner"
    assert change.effective_from == TODAY - timedelta(days=1)
    # MAPPA Guidance: level 3 reviewed at least every 8 weeks (settings default).
    assert case.next_review_due == TODAY - timedelta(days=1) + timedelta(weeks=8)
    [event] = events(case, EventType.CASE_LEVEL_CHANGED)
    assert event.payload == {"from_level": 2, "to_level": 3, "source": "meeting"}


def test_a_category_decision_is_audited_and_confirms_the_level_in_the_history(demo):
    case = create_case(review_in_days=30, category=2, level=2)
    decide(case, demo["probation.om"], category=3)
    case.refresh_from_db()
    assert (case.category, case.level) == (3, 2)
    [event] = events(case, EventType.CASE_CATEGORY_CHANGED)
    assert event.payload == {"from_category": 2, "to_category": 3}
    assert case.level_history.last().rationale == "Escalating behaviour towards a former partner"


# Each row: category, level, who decides, the field refused and the words of the refusal.
REFUSED = [
    # MAPPA Guidance; nDelius: category 3 is never managed at level 1 (cases.rules).
    (3, 1, "probation.om", "level", "A category 3 case cannot be managed at level 1"),
    # MAPPA Guidance ch.24: category 4 is for users with terrorism clearance only.
    (4, 2, "probation.om", "category", "Only a user with terrorism clearance may set category 4"),
    # Nothing to decide.
    (2, 2, "probation.om", "level", "Change the category or the level"),
]


@pytest.mark.parametrize(("category", "level", "who", "field", "words"), REFUSED)
def test_a_decision_outside_the_rules_is_refused_and_changes_nothing(
    demo, category, level, who, field, words
):
    case = create_case(review_in_days=30, category=2, level=2)
    with pytest.raises(ValidationError) as refused:
        decide(case, demo[who], category=category, level=level)
    assert words in " ".join(refused.value.message_dict[field])
    case.refresh_from_db()
    case.nominal.refresh_from_db()
    assert (case.category, case.level, case.nominal.version) == (2, 2, 1)
    assert not case.level_history.exists()


def test_a_decision_needs_a_rationale_and_a_date_neither_future_nor_before_the_last_one(demo):
    case = create_case(review_in_days=30)
    officer = demo["probation.om"]
    for overrides, field, words in [
        ({"rationale": "  "}, "rationale", "Give the reason"),
        ({"decided_on": TODAY + timedelta(days=1)}, "decided_on", "today or in the past"),
        ({"decided_on": case.start_date - timedelta(days=1)}, "decided_on", "on or after"),
    ]:
        with pytest.raises(ValidationError) as refused:
            decide(case, officer, level=3, **overrides)
        assert words in " ".join(refused.value.message_dict[field])
    assert not case.level_history.exists()


def test_a_cleared_user_sets_category_4_once_the_officer_is_cleared_too(demo):
    cleared = demo["police.ppu"]
    cleared.terrorism_clearance = True
    cleared.save(update_fields=["terrorism_clearance"])
    case = create_case(
        review_in_days=30, lead_agency="police", responsible_officer=demo["probation.om"]
    )
    with pytest.raises(ValidationError) as refused:
        decide(case, cleared, category=4)
    assert "Tom Adeyemi has no terrorism clearance" in refused.value.message_dict["category"][0]
    case.responsible_officer = None
    case.save(update_fields=["responsible_officer"])
    decide(case, cleared, category=4, rationale="Convicted under the Terrorism Act 2006 s.5")
    case.refresh_from_db()
    assert case.category == 4
    # Without clearance the case is now out of sight (cases.queries.register_scope).
    assert not queries.cases_visible_to(demo["probation.om"]).filter(id=case.id).exists()


def test_a_stale_decision_is_refused_naming_who_changed_the_case_first(demo):
    case = create_case(review_in_days=30)
    version = case.nominal.version
    decide(case, demo["police.ppu"], level=3, version=version)
    with pytest.raises(versions.StaleEdit) as stale:
        decide(case, demo["probation.om"], level=1, version=version)
    assert "Dana Whitfield" in stale.value.messages[0]
    case.refresh_from_db()
    assert case.level == 3
    assert case.level_history.count() == 1


def test_the_responsible_officer_is_a_lead_agency_practitioner_of_the_area(demo):
    case = create_case(review_in_days=30, lead_agency="probation")
    assert list(queries.officers_for(case)) == [demo["probation.om"]]
    for wrong in ("police.ppu", "outsider.police", "housing.officer", "coordinator"):
        with pytest.raises(ValidationError) as refused:
            services.name_responsible_officer(
                actor=demo["coordinator"],
                case=case,
                version=case.nominal.version,
                officer=demo[wrong],
            )
        assert "lead agency" in refused.value.message_dict["officer"][0]
    services.name_responsible_officer(
        actor=demo["coordinator"],
        case=case,
        version=case.nominal.version,
        officer=demo["probation.om"],
    )
    case.refresh_from_db()
    assert case.responsible_officer == demo["probation.om"]
    [event] = events(case, EventType.CASE_OFFICER_NAMED)
    assert event.payload == {"from_officer": None, "to_officer": str(demo["probation.om"].uuid)}


def test_a_stale_officer_change_is_refused(demo):
    case = create_case(review_in_days=30, lead_agency="probation")
    version = case.nominal.version
    decide(case, demo["chair.police"], level=3, version=version)
    with pytest.raises(versions.StaleEdit) as stale:
        services.name_responsible_officer(
            actor=demo["coordinator"], case=case, version=version, officer=demo["probation.om"]
        )
    assert "Gareth Evans" in stale.value.messages[0]
    case.refresh_from_db()
    assert case.responsible_officer is None


def test_closing_records_the_reason_and_date_and_is_refused_twice(demo):
    case = create_case(review_in_days=30)
    services.deregister(
        actor=demo["coordinator"],
        case=case,
        version=case.nominal.version,
        reason=ClosureReason.DIED,
        explanation="",
        closed_on=TODAY,
    )
    case.refresh_from_db()
    assert (case.closed_on, case.closure_reason) == (TODAY, "died")
    [event] = events(case, EventType.CASE_CLOSED)
    assert event.payload == {"reason": "died"}
    with pytest.raises(ValidationError, match="This case is closed"):
        services.deregister(
            actor=demo["coordinator"],
            case=case,
            version=case.nominal.version,
            reason=ClosureReason.DIED,
            explanation="",
            closed_on=TODAY,
        )
    with pytest.raises(ValidationError, match="This case is closed"):
        decide(case, demo["coordinator"], level=3)


def test_closing_for_another_reason_needs_an_explanation_and_a_past_date(demo):
    case = create_case(review_in_days=30)
    for overrides, field in [
        ({"reason": ClosureReason.OTHER, "explanation": ""}, "explanation"),
        ({"closed_on": TODAY + timedelta(days=2)}, "closed_on"),
    ]:
        arguments = {
            "actor": demo["coordinator"],
            "case": case,
            "version": case.nominal.version,
            "reason": ClosureReason.MOVED_AREA,
            "explanation": "",
            "closed_on": TODAY,
        } | overrides
        with pytest.raises(ValidationError) as refused:
            services.deregister(**arguments)
        assert field in refused.value.message_dict
    case.refresh_from_db()
    assert case.closed_on is None
