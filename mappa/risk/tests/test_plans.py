"""The risk management plan: each save a new version, earlier versions kept as they were."""

import pytest
from django.core.exceptions import ValidationError

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.risk.models import PlanEntry, RiskManagementPlan
from mappa.risk.tests.records import PLAN_SECTIONS, create_plan, smith_case

pytestmark = pytest.mark.django_db


def test_the_first_save_is_version_1_with_each_measure_under_its_pillar(users):
    plan = create_plan(actor=users["probation.om"])
    assert plan.version == 1
    sections = {section.value: [e.text for e in entries] for section, entries in plan.sections()}
    assert sections["supervision"] == [
        "Weekly office reporting to probation",
        "Police home visits every month",
    ]
    assert sections["contingency"] == ["Recall if he enters the exclusion zone"]
    assert plan.victim_liaison_input == "The victim wants no contact"
    assert plan.victim_wishes == "An exclusion zone around her street"
    event = AuditEvent.objects.get(event_type=EventType.RISK_PLAN_SAVED)
    assert event.payload == {"case": str(smith_case().id), "plan": str(plan.id), "version": 1}


def test_a_change_makes_a_new_version_and_the_old_one_stays_as_it_was(users):
    first = create_plan(actor=users["probation.om"])
    second = create_plan(
        actor=users["chair.police"],
        based_on=1,
        sections=PLAN_SECTIONS | {"interventions_and_treatment": "Horizon\nAlcohol treatment"},
        change_summary="Alcohol treatment added at the review",
    )
    assert second.version == 2 and second.created_by == users["chair.police"]
    first.refresh_from_db()
    assert [e.text for e in first.entries.filter(section="interventions_and_treatment")] == [
        "Horizon programme"
    ]
    assert list(smith_case().risk_plans.values_list("version", flat=True)) == [2, 1]


@pytest.mark.parametrize(
    "section",
    [
        "supervision",
        "monitoring_and_control",
        "interventions_and_treatment",
        "victim_safety_planning",
        "contingency",
    ],
)
def test_a_plan_without_one_of_the_four_pillars_or_contingency_is_refused(users, section):
    with pytest.raises(ValidationError) as refused:
        create_plan(actor=users["probation.om"], sections=PLAN_SECTIONS | {section: " \n "})
    assert list(refused.value.message_dict) == [section]
    assert refused.value.message_dict[section][0].startswith("Add at least one measure under")
    assert not RiskManagementPlan.objects.exists() and not PlanEntry.objects.exists()
    assert not AuditEvent.objects.filter(event_type=EventType.RISK_PLAN_SAVED).exists()


def test_a_save_based_on_an_old_version_is_refused(users):
    create_plan(actor=users["probation.om"])
    create_plan(
        actor=users["police.ppu"],
        based_on=1,
        sections=PLAN_SECTIONS | {"supervision": "Police home visits every week"},
    )
    with pytest.raises(ValidationError, match=r"changed by Dana Whitfield \(Police\) at"):
        create_plan(actor=users["probation.om"], based_on=1, victim_wishes="Changed")
    assert RiskManagementPlan.objects.count() == 2


def test_saving_an_unchanged_plan_is_refused(users):
    create_plan(actor=users["probation.om"])
    with pytest.raises(ValidationError, match="Nothing has changed since version 1"):
        create_plan(actor=users["probation.om"], based_on=1)
    assert RiskManagementPlan.objects.count() == 1
