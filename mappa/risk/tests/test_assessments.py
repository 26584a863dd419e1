"""Recording a RoSH assessment: history kept, the latest shown, bad input changes nothing."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.risk.models import RoshAssessment, RoshRating
from mappa.risk.tests.records import COMMUNITY, create_assessment, smith_case

pytestmark = pytest.mark.django_db


def _nothing_written():
    assert not RoshAssessment.objects.exists()
    assert not RoshRating.objects.exists()
    assert not AuditEvent.objects.filter(event_type=EventType.ROSH_ASSESSMENT_RECORDED).exists()


def test_an_assessment_keeps_each_groups_level_and_the_highest_as_overall(users):
    assessment = create_assessment(actor=users["probation.om"])
    assert assessment.overall_level == "high"
    assert {(r.setting, r.group): r.level for r in assessment.ratings.all()} == {
        ("community", group): level for group, level in COMMUNITY.items()
    }
    event = AuditEvent.objects.get(event_type=EventType.ROSH_ASSESSMENT_RECORDED)
    assert event.payload == {
        "case": str(smith_case().id),
        "assessment": str(assessment.id),
        "overall_level": "high",
    }
    assert event.actor == users["probation.om"]


def test_in_custody_the_prisoners_group_is_rated_too(users):
    custody = dict(COMMUNITY, prisoners="very_high")
    assessment = create_assessment(actor=users["prison.pom"], custody=custody, imminence="imminent")
    assert assessment.in_custody and assessment.overall_level == "very_high"
    assert assessment.highest_in("community") == "high"
    assert assessment.highest_in("custody") == "very_high"


def test_history_is_kept_and_the_latest_comes_first(users):
    older = create_assessment(
        actor=users["probation.om"], assessed_on=timezone.localdate() - timedelta(days=90)
    )
    newer = create_assessment(
        actor=users["probation.om"], community=dict(COMMUNITY, children="medium", known_adult="low")
    )
    assert list(smith_case().rosh_assessments.all()) == [newer, older]
    assert newer.overall_level == "medium"


def test_the_assessor_may_be_someone_else_in_the_area_who_records_risk(users):
    assessment = create_assessment(actor=users["chair.police"], assessor=users["probation.om"])
    assert (assessment.assessor, assessment.recorded_by) == (
        users["probation.om"],
        users["chair.police"],
    )


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"assessed_on": timezone.localdate() + timedelta(days=1)},
            "assessed_on",
            "The date of the assessment must be today or in the past",
        ),
        (
            {"community": dict(COMMUNITY, public="very_high")},
            "imminence",
            "A very high risk of serious harm is imminent by definition: choose imminent",
        ),
        (
            {"imminence": "imminent"},
            "imminence",
            "An imminent risk of serious harm is very high by definition: rate the group at risk very high, or choose not imminent",
        ),
        (
            {"community": dict(COMMUNITY, staff="")},
            "community_staff",
            "Choose the risk to staff in the community",
        ),
        ({"custody": COMMUNITY}, "custody_prisoners", "Choose the risk to prisoners in custody"),
        ({"tools": []}, "tools", "Choose the tools used, or another tool and name it"),
        ({"tools": ["other"]}, "other_tool", "Name the other tool used"),
        ({"who_is_at_risk": "  "}, "who_is_at_risk", "Enter who is at risk"),
        ({"imminence": "soon"}, "imminence", "Choose whether serious harm is imminent"),
    ],
)
def test_bad_input_is_refused_on_its_field_and_changes_nothing(users, overrides, field, message):
    with pytest.raises(ValidationError) as refused:
        create_assessment(actor=users["probation.om"], **overrides)
    assert refused.value.message_dict[field] == [message]
    _nothing_written()


@pytest.mark.parametrize("assessor", ["outsider.police", "housing.officer", "lay.adviser"])
def test_the_assessor_must_record_risk_in_the_cases_area(users, assessor):
    with pytest.raises(ValidationError) as refused:
        create_assessment(actor=users["probation.om"], assessor=users[assessor])
    assert "assessor" in refused.value.message_dict
    _nothing_written()


def test_a_closed_case_takes_no_new_assessment(users):
    case = smith_case()
    case.closed_on = timezone.localdate()
    case.save(update_fields=["closed_on"])
    with pytest.raises(ValidationError, match="This case is closed"):
        create_assessment(actor=users["probation.om"], case=case)
    _nothing_written()
