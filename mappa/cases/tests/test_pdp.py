"""Managing a potentially dangerous person (College of Policing APP, "Potentially dangerous
persons"): a police practitioner proposes, a police officer of the minimum rank decides with a
rationale, reviews continue or end it, and a conviction that makes the person eligible moves the
case into MAPPA through the co-ordinator's category and level decision. Versioned and audited."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from mappa import versions
from mappa.actions import services as actions
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.cases import services as cases
from mappa.cases.constants import CaseKind, DecisionSource, PdpStep
from mappa.cases.models import LevelChange, MappaCase
from mappa.cases.services import pdp
from mappa.cases.tests.factories import convict, create_nominal
from mappa.disclosures.services import decisions as disclosures
from mappa.people.eligibility import for_nominal
from mappa.risk.tests.records import create_assessment, create_plan, create_zone
from tests.read_audit_world import DISCLOSURE

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def eligibility(nominal):
    return for_nominal(nominal, TODAY())


def propose(demo, nominal=None, **fields):
    nominal = nominal or create_nominal()
    nominal.refresh_from_db()
    fields = {"grounds": "Threats to kill a former partner; weapons found", **fields}
    return pdp.propose(
        actor=fields.pop("actor", demo["police.ppu"]),
        nominal=nominal,
        version=nominal.version,
        eligibility=eligibility(nominal),
        **fields,
    )


def decide(demo, case, **fields):
    case.nominal.refresh_from_db()
    fields = {
        "manage": True,
        "rank": "inspector",
        "rationale": "Present likelihood of serious harm to the former partner",
        "decided_on": TODAY(),
        **fields,
    }
    return pdp.decide(
        actor=fields.pop("actor", demo["police.ppu"]),
        case=case,
        version=fields.pop("version", case.nominal.version),
        eligibility=eligibility(case.nominal),
        **fields,
    )


def managed(demo):
    case = propose(demo)
    decide(demo, case)
    case.refresh_from_db()
    return case


def test_a_police_practitioner_proposes_a_pdp_which_awaits_the_decision(demo):
    case = propose(demo)
    assert case.kind == CaseKind.PDP and case.is_pdp
    assert case.category is None and case.level is None and case.start_date is None
    assert case.lead_agency == "police" and case.responsible_officer == demo["police.ppu"]
    step = case.pdp_decisions.get()
    assert step.step == PdpStep.PROPOSED and step.made_by == demo["police.ppu"]
    event = AuditEvent.objects.get(event_type=EventType.PDP_PROPOSED)
    assert event.subject == case.id and event.payload == {"nominal": str(case.nominal_id)}


@pytest.mark.parametrize(
    "who, fields, message",
    [
        ("probation.om", {}, "Only a police officer"),
        ("coordinator", {}, "Only a police officer"),
        ("outsider.police", {}, "Only a police officer"),  # police, but of another area
        ("police.ppu", {"grounds": " "}, "reasonable grounds"),
    ],
)
def test_a_proposal_from_anyone_else_or_without_grounds_is_refused(demo, who, fields, message):
    nominal = create_nominal()
    with pytest.raises(ValidationError, match=message):
        propose(demo, nominal, actor=demo[who], **fields)
    assert not MappaCase.objects.filter(nominal=nominal).exists()


def test_a_person_eligible_for_mappa_cannot_be_proposed(demo):
    nominal = create_nominal()
    convict(nominal)
    with pytest.raises(ValidationError, match=r"eligible for MAPPA \(category 1\)"):
        propose(demo, nominal)
    assert not MappaCase.objects.filter(nominal=nominal).exists()
    assert not AuditEvent.objects.filter(event_type=EventType.PDP_PROPOSED).exists()


def test_the_decision_records_the_rank_and_rationale_and_sets_the_review(demo, settings):
    settings.MAPPA_PDP_REVIEW_WEEKS = 12
    case = propose(demo)
    decision = decide(demo, case)
    case.refresh_from_db()
    assert decision.step == PdpStep.MANAGE and decision.rank == "inspector"
    assert decision.rationale.startswith("Present likelihood")
    assert case.start_date == TODAY()
    assert case.next_review_due == TODAY() + timedelta(weeks=12) == decision.review_due
    event = AuditEvent.objects.get(event_type=EventType.PDP_DECIDED)
    assert event.payload == {
        "step": "manage",
        "rank": "inspector",
        "review_due": case.next_review_due.isoformat(),
    }


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"rank": ""}, "Select your rank"),
        ({"rank": "sergeant"}, "inspector or above"),
        ({"rationale": "  "}, "rationale"),
        ({"decided_on": TODAY() + timedelta(days=1)}, "today or in the past"),
        ({"actor": "probation.om"}, "Only a police officer"),
    ],
)
def test_a_decision_without_rank_or_reason_or_from_elsewhere_is_refused(demo, fields, message):
    case = propose(demo)
    if "actor" in fields:
        fields["actor"] = demo[fields["actor"]]
    with pytest.raises(ValidationError, match=message):
        decide(demo, case, **fields)
    case.refresh_from_db()
    assert case.start_date is None and case.pdp_decisions.count() == 1


def test_the_minimum_rank_is_the_areas_setting(demo, settings):
    settings.MAPPA_PDP_DECISION_MINIMUM_RANK = "superintendent"
    case = propose(demo)
    with pytest.raises(ValidationError, match="superintendent or above"):
        decide(demo, case, rank="chief_inspector")
    decide(demo, case, rank="superintendent")


def test_a_conviction_before_the_decision_means_mappa_instead(demo):
    case = propose(demo)
    convict(case.nominal)
    with pytest.raises(ValidationError, match="refer them to MAPPA"):
        decide(demo, case)


def test_a_decision_not_to_manage_closes_the_case(demo):
    case = propose(demo)
    decide(demo, case, manage=False, rationale="No present likelihood: the threats were retracted")
    case.refresh_from_db()
    assert case.closed_on == TODAY() and case.closure_reason == "pdp_not_managed"
    assert case.get_closure_reason_display() == "Not managed as a potentially dangerous person"


def test_a_stale_decision_is_refused_naming_who_saved_first(demo):
    case = propose(demo)
    case.nominal.refresh_from_db()
    old = case.nominal.version
    decide(demo, case)
    case.refresh_from_db()
    with pytest.raises(versions.StaleEdit, match="Peter|Police|someone"):
        pdp.review(
            actor=demo["police.ppu"], case=case, version=old, carry_on=True,
            rank="inspector", rationale="Still a risk", held_on=TODAY(),
        )  # fmt: skip


def test_a_review_continues_with_the_next_review_or_ends_management(demo, settings):
    settings.MAPPA_PDP_REVIEW_WEEKS = 8
    case = managed(demo)
    case.nominal.refresh_from_db()
    step = pdp.review(
        actor=demo["police.ppu"], case=case, version=case.nominal.version, carry_on=True,
        rank="chief_inspector", rationale="Threats continue", held_on=TODAY(),
    )  # fmt: skip
    case.refresh_from_db()
    assert step.step == PdpStep.CONTINUE
    assert case.next_review_due == TODAY() + timedelta(weeks=8)
    case.nominal.refresh_from_db()
    pdp.review(
        actor=demo["police.ppu"], case=case, version=case.nominal.version, carry_on=False,
        rank="inspector", rationale="Moved abroad; no present likelihood", held_on=TODAY(),
    )  # fmt: skip
    case.refresh_from_db()
    assert case.closed_on == TODAY() and case.closure_reason == "pdp_ended"
    assert [e.payload["step"] for e in AuditEvent.objects.filter(
        event_type=EventType.PDP_REVIEWED).order_by("id")] == ["continue", "end"]  # fmt: skip


def test_a_review_before_the_decision_is_refused(demo):
    case = propose(demo)
    case.nominal.refresh_from_db()
    with pytest.raises(ValidationError, match="First record the decision"):
        pdp.review(
            actor=demo["police.ppu"], case=case, version=case.nominal.version, carry_on=True,
            rank="inspector", rationale="x", held_on=TODAY(),
        )  # fmt: skip


def move(demo, case, **fields):
    case.nominal.refresh_from_db()
    fields = {
        "level": 2,
        "source": DecisionSource.SCREENING,
        "rationale": "Convicted of a category 1 offence; multi-agency management needed",
        "decided_on": TODAY(),
        **fields,
    }
    return pdp.move_into_mappa(
        actor=fields.pop("actor", demo["coordinator"]),
        case=case,
        version=case.nominal.version,
        eligibility=eligibility(case.nominal),
        **fields,
    )


def test_a_conviction_moves_the_case_into_mappa_with_its_history_kept(demo):
    case = managed(demo)
    convict(case.nominal)
    move(demo, case)
    case.refresh_from_db()
    assert case.kind == CaseKind.MAPPA and case.category == 1 and case.level == 2
    assert case.start_date == TODAY()
    change = LevelChange.objects.get(case=case)
    assert change.decided_by == demo["coordinator"] and change.source == "screening"
    assert [d.step for d in case.pdp_decisions.all()] == ["proposed", "manage", "moved_to_mappa"]
    event = AuditEvent.objects.get(event_type=EventType.PDP_MOVED_TO_MAPPA)
    assert event.subject == case.id and event.payload == {"category": 1, "level": 2}
    assert AuditEvent.objects.filter(event_type=EventType.CASE_CATEGORY_CHANGED).exists()


def test_no_move_into_mappa_without_eligibility_or_by_anyone_but_the_coordinator(demo):
    case = managed(demo)
    with pytest.raises(ValidationError, match="not eligible for MAPPA"):
        move(demo, case)
    convict(case.nominal)
    with pytest.raises(ValidationError, match="co-ordinator"):
        move(demo, case, actor=demo["police.ppu"])
    with pytest.raises(ValidationError, match="Give the reason"):
        move(demo, case, rationale=" ")
    case.refresh_from_db()
    assert case.kind == CaseKind.PDP and case.category is None
    assert not AuditEvent.objects.filter(event_type=EventType.PDP_MOVED_TO_MAPPA).exists()


def test_no_level_is_set_on_a_pdp_but_through_the_move_into_mappa(demo):
    case = managed(demo)
    case.nominal.refresh_from_db()
    with pytest.raises(ValidationError, match="no MAPPA level"):
        cases.record_decision(
            actor=demo["coordinator"], case=case, version=case.nominal.version, category=2,
            level=2, source=DecisionSource.SCREENING, rationale="x", decided_on=TODAY(),
        )  # fmt: skip
    case.refresh_from_db()
    assert case.category is None and case.level is None and case.is_pdp


def test_the_same_risk_action_and_disclosure_machinery_serves_a_pdp(demo):
    """APP, Potentially dangerous persons: managed as MAPPA cases are, usually with other
    agencies: a RoSH assessment, a risk management plan, an exclusion zone, an action and a
    disclosure decision, each recorded on the PDP's case with category and level none."""
    case = managed(demo)
    ppu = demo["police.ppu"]
    assert create_assessment(actor=ppu, case=case).case == case
    assert create_plan(actor=ppu, case=case).case == case
    assert create_zone(actor=ppu, case=case).case == case
    action = actions.create_action(
        actor=ppu, case=case, description="Visit the former partner", owner_agency=ppu.agency,
        due_on=TODAY() + timedelta(days=7),
    )  # fmt: skip
    decision = disclosures.record_decision(
        actor=demo["disclosure.officer"], nominal=case.nominal, case=case,
        tests={name: f"Why it is {name}" for name in disclosures.rules.TESTS},
        disclose_by=TODAY() + timedelta(days=7), **DISCLOSURE,
    )  # fmt: skip
    assert action.case == case and decision.case == case
    case.refresh_from_db()
    assert case.is_pdp and case.category is None and case.level is None
