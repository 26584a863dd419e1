"""The risk pages of a case: recording through the forms, errors in the summary, reads audited."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.risk.models import LicenceCondition, RiskManagementPlan, RoshAssessment
from mappa.risk.tests.records import (
    HIGH_STREET_BEDFORD,
    PLAN_SECTIONS,
    create_assessment,
    create_plan,
    smith_case,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _demo_cases(users):
    """Every test here works on the demo case of John Paul Smith."""


def _url(case, path=""):
    return f"/cases/{case.id}/risk/{path}"


def _assessment_form(users, **overrides):
    return {
        "assessed_on": (timezone.localdate() - timedelta(days=2)).strftime("%d/%m/%Y"),
        "assessor": str(users["probation.om"].uuid),
        "community_children": "high",
        "community_public": "medium",
        "community_known_adult": "high",
        "community_staff": "low",
        "in_custody": "no",
        "who_is_at_risk": "Girls aged 12 to 16",
        "nature_of_harm": "Sexual assault",
        "imminence": "not_imminent",
        "increasing_factors": "Alcohol",
        "reducing_factors": "Stable home",
        "tools": ["oasys", "other"],
        "other_tool": "Stable 2007",
    } | overrides


def test_a_practitioner_records_an_assessment_and_sees_it_as_the_latest(users, signed_in):
    case = smith_case()
    client = signed_in("probation.om")
    form = client.get(_url(case, "assessments/add/")).content.decode()
    assert (
        "Risk to a known adult in the community" in form and "Risk to prisoners in custody" in form
    )
    response = client.post(_url(case, "assessments/add/"), _assessment_form(users))
    assert response.status_code == 302
    assessment = RoshAssessment.objects.get()
    assert (assessment.overall_level, assessment.tools, assessment.other_tool) == (
        "high",
        ["oasys", "other"],
        "Stable 2007",
    )
    page = client.get(_url(case, "assessments/")).content.decode()
    for text in ("Latest assessment", "Girls aged 12 to 16", "OASys", "Stable 2007", "High"):
        assert text in page, text
    assert f"/cases/{case.id}/risk/assessments/{assessment.id}/" in page
    assert client.get(_url(case, f"assessments/{assessment.id}/")).status_code == 200


def test_the_errors_show_in_the_summary_and_nothing_is_saved(users, signed_in):
    client = signed_in("probation.om")
    future = (timezone.localdate() + timedelta(days=1)).strftime("%d/%m/%Y")
    response = client.post(
        _url(smith_case(), "assessments/add/"),
        _assessment_form(users, assessed_on=future, community_public="very_high", in_custody="yes"),
    )
    page = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in page
    for message in (
        "The date of the assessment must be today or in the past",
        "A very high risk of serious harm is imminent by definition",
        "Choose the risk to prisoners in custody",
    ):
        assert message in page, message
    assert not RoshAssessment.objects.exists()


def test_the_latest_assessment_shows_on_the_case_and_person_pages(users, signed_in):
    case = smith_case()
    create_assessment(
        actor=users["probation.om"],
        community=dict(children="very_high", public="low", known_adult="low", staff="low"),
        imminence="imminent",
    )
    client = signed_in("police.ppu")
    case_page = client.get(f"/cases/{case.id}/").content.decode()
    assert "Risk of serious harm" in case_page and "Very high" in case_page
    person_page = client.get(f"/people/{case.nominal_id}/").content.decode()
    assert 'data-testid="person-rosh"' in person_page and "Very high" in person_page


def test_a_plan_is_written_then_changed_and_the_first_version_stays_readable(users, signed_in):
    case = smith_case()
    client = signed_in("probation.om")
    assert "No risk management plan" in client.get(_url(case, "plan/")).content.decode()
    response = client.post(_url(case, "plan/edit/"), PLAN_SECTIONS | {"based_on": ""})
    assert response.status_code == 302
    edit = client.get(_url(case, "plan/edit/")).content.decode()
    assert "Weekly office reporting to probation" in edit and 'value="1"' in edit
    changed = PLAN_SECTIONS | {"based_on": "1", "contingency": "Recall\nEmergency meeting"}
    assert client.post(_url(case, "plan/edit/"), changed).status_code == 302
    assert RiskManagementPlan.objects.count() == 2
    current = client.get(_url(case, "plan/")).content.decode()
    assert "Version 2" in current and "Emergency meeting" in current
    first = client.get(_url(case, "plan/versions/1/")).content.decode()
    assert "an earlier version" in first and "Emergency meeting" not in first
    assert client.get(_url(case, "plan/versions/3/")).status_code == 404
    reads = AuditEvent.objects.filter(event_type=EventType.CASE_CONTENT_READ, subject=case.id)
    assert {"risk management plan version 1", "risk management plan version 2"} <= {
        event.payload["content"] for event in reads
    }


def test_a_plan_missing_a_pillar_shows_the_error_on_that_pillar(signed_in):
    client = signed_in("probation.om")
    data = PLAN_SECTIONS | {"based_on": "", "victim_safety_planning": ""}
    page = client.post(_url(smith_case(), "plan/edit/"), data).content.decode()
    assert "Add at least one measure under victim safety planning" in page
    assert not RiskManagementPlan.objects.exists()


def test_the_plan_lists_the_licence_conditions_in_force(users, signed_in):
    create_plan(actor=users["probation.om"])
    client = signed_in("probation.om")
    client.post(
        _url(smith_case(), "conditions/add/no_contact/"),
        {"starts_on": "1/6/2025", "named_person": "Leanne Price"},
    )
    page = client.get(_url(smith_case(), "plan/")).content.decode()
    assert "No contact with Leanne Price" in page


def test_a_condition_is_added_by_choosing_its_type_then_its_details(signed_in):
    case = smith_case()
    client = signed_in("probation.om")
    chosen = client.post(_url(case, "conditions/add/"), {"kind": "exclusion_zone"})
    assert chosen.url == _url(case, "conditions/add/exclusion_zone/")
    form = client.get(chosen.url).content.decode()
    assert "Boundary of the zone (GeoJSON)" in form and "[longitude, latitude]" in form
    response = client.post(
        chosen.url,
        {
            "starts_on": "1/6/2025",
            "description": "High Street, Bedford",
            "zone": json.dumps(HIGH_STREET_BEDFORD),
        },
    )
    assert response.status_code == 302
    assert LicenceCondition.objects.get().zone == HIGH_STREET_BEDFORD
    page = client.get(_url(case, "conditions/")).content.decode()
    assert "Not to enter: High Street, Bedford" in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"zone": '{"type": "Polygon"'}, "The exclusion zone is not valid JSON"),
        (
            {
                "zone": json.dumps(
                    {
                        "type": "Polygon",
                        "coordinates": [
                            [
                                [-0.4672, 52.1352],
                                [-0.4658, 52.1391],
                                [-0.4658, 52.1352],
                                [-0.4672, 52.1391],
                                [-0.4672, 52.1352],
                            ]
                        ],
                    }
                )
            },
            "the boundary crosses itself",
        ),
        (
            {"zone": json.dumps(HIGH_STREET_BEDFORD), "ends_on": "31/5/2025"},
            "The end date must be the same as or after the start date",
        ),
    ],
)
def test_a_bad_condition_shows_the_error_and_saves_nothing(signed_in, data, message):
    page = signed_in("probation.om").post(
        _url(smith_case(), "conditions/add/exclusion_zone/"),
        {"starts_on": "1/6/2025", "description": "High Street"} | data,
    )
    assert page.status_code == 200
    assert "govuk-error-summary" in page.content.decode()
    assert message in page.content.decode()
    assert not LicenceCondition.objects.exists()


def test_an_unknown_type_of_condition_is_404(signed_in):
    assert (
        signed_in("probation.om").get(_url(smith_case(), "conditions/add/tattoo/")).status_code
        == 404
    )


def test_a_curfew_is_typed_on_the_24_hour_clock(signed_in):
    client = signed_in("probation.om")
    response = client.post(
        _url(smith_case(), "conditions/add/curfew/"),
        {"starts_on": "1/6/2025", "curfew_from": "19:00", "curfew_to": "7pm"},
    )
    assert "Curfew ends at must be a time on the 24-hour clock" in response.content.decode()
    client.post(
        _url(smith_case(), "conditions/add/curfew/"),
        {"starts_on": "1/6/2025", "curfew_from": "19:00", "curfew_to": "07:00"},
    )
    page = client.get(_url(smith_case(), "conditions/")).content.decode()
    assert "Curfew from 19:00 to 07:00 (12 hours)" in page
