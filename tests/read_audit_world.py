"""One of every kind of case content, in the demo area, for the read-audit walk.

`build(users)` records each thing through the services (as the service itself would), on the
demo personas and cases (`load_demo()`), and returns them by name. John Paul Smith (CRN
X123456, level 2) carries most of it; the MARAC case is about a victim of his.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from types import SimpleNamespace

from django.utils import timezone

from mappa.actions import services as actions
from mappa.agencies import services as access
from mappa.agencies.constants import AccessReason
from mappa.agencies.models import Agency, Area
from mappa.cases.constants import StayReason
from mappa.cases.models import MappaCase
from mappa.cases.services import pdp, stays, transfers
from mappa.cases.tests.factories import convict, create_nominal
from mappa.disclosures.constants import Stage
from mappa.disclosures.services import applications as scheme_services
from mappa.disclosures.services import decisions as disclosures
from mappa.disclosures.tests.records import create_application, work_to
from mappa.information_requests import services as information_requests
from mappa.marac.services import casework, meetings
from mappa.marac.services import dash as marac
from mappa.marac.tests.dashes import referred
from mappa.meetings.services import approval, sharing
from mappa.meetings.services import minutes as minutes_services
from mappa.meetings.tests.conftest import World
from mappa.meetings.tests.minutes_setup import hold_meeting, ready_to_approve
from mappa.oversight.constants import AuditKind
from mappa.oversight.services import audits as oversight
from mappa.oversight.services import reviews
from mappa.oversight.tests import records as oversight_records
from mappa.people.eligibility import for_nominal
from mappa.people.import_format import NominalRecord
from mappa.people.models import HeldAddition, RecordedEvent
from mappa.people.services import held
from mappa.referrals import services as referrals
from mappa.referrals.tests.drafts import submitted
from mappa.risk.tests.records import create_assessment, create_plan, create_zone
from mappa.safeguarding.services import exchange, matching
from mappa.safeguarding.tests.factories import published_list, upload
from mappa.whereabouts import services as whereabouts

TODAY = timezone.localdate
DISCLOSURE = {
    "decision": "disclose",
    "rationale": "Necessary to protect the children; proportionate",
    "recipient": "Ms A, new partner",
    "what_to_disclose": "Conviction for sexual assault of a child (2019)",
    "risk_protected_against": "Sexual harm to her children",
    "discloser": "DS Patel, police public protection unit",
    "method": "in_person",
}


def build(users: dict, capture_on_commit) -> SimpleNamespace:
    """Everything the walk opens; `capture_on_commit` is pytest-django's fixture of that name."""
    w = SimpleNamespace(users=users)
    w.case = MappaCase.objects.select_related("nominal").get(nominal__crn="X123456")
    w.nominal = w.case.nominal
    _register(w)
    _meetings(w)
    _mash(w, capture_on_commit)
    _risk(w)
    _disclosures(w)
    _marac(w, capture_on_commit)
    _oversight(w)
    _information_requests(w)
    _whereabouts(w, capture_on_commit)
    _pdp(w)
    return w


def _pdp(w) -> None:
    """A person with no case (to propose), a PDP proposed, and a PDP decided whose person a
    conviction has since made eligible (for the move into MAPPA)."""
    ppu = w.users["police.ppu"]

    def proposed():
        nominal = create_nominal()
        return pdp.propose(
            actor=ppu,
            nominal=nominal,
            version=nominal.version,
            eligibility=for_nominal(nominal, TODAY()),
            grounds="Threats to kill",
        )

    w.pdp_person = create_nominal()
    w.pdp_proposed = proposed()
    w.pdp = proposed()
    nominal = w.pdp.nominal
    nominal.refresh_from_db()
    pdp.decide(
        actor=ppu, case=w.pdp, version=nominal.version, eligibility=for_nominal(nominal, TODAY()),
        manage=True, rank="inspector", rationale="Present likelihood", decided_on=TODAY(),
    )  # fmt: skip
    convict(nominal)
    _transfers(w)
    return w


def _transfers(w) -> None:
    """A transfer waiting for OTHER, one OTHER has queried, and a stay in OTHER (docs/transfers.md)."""
    coordinator, other = w.users["coordinator"], w.users["coordinator.other"]
    otherford = Area.objects.get(code="OTHER")
    ask = {
        "actor": coordinator,
        "to_area": otherford,
        "reason": "Moving to live with his sister",
        "new_address": "7 Quay Street, Otherford",
        "moving_on": TODAY() + timedelta(days=14),
    }
    w.transfer = transfers.request_transfer(case=w.level_1, **ask)
    w.queried_case = oversight_records.create_case(level=1, category=1)
    w.queried_transfer = transfers.request_transfer(case=w.queried_case, **ask)
    transfers.query_transfer(
        actor=other, transfer=w.queried_transfer, version=1, query="Who else lives there?"
    )
    w.stay = stays.notify_stay(
        actor=coordinator,
        case=w.case,
        host_area=otherford,
        reason=StayReason.HOLIDAY,
        address="Seaview Caravan Park, Otherford",
        starts_on=TODAY(),
        ends_on=TODAY() + timedelta(days=7),
    )


def _register(w) -> None:
    coordinator, ppu = w.users["coordinator"], w.users["police.ppu"]
    w.alias = w.nominal.aliases.first()
    w.level_1 = oversight_records.create_case(level=1, category=1)
    w.grant = access.grant_case_access(
        actor=coordinator,
        case=w.case.id,
        reason=AccessReason.COORDINATOR_GRANT,
        grantee_agency=Agency.objects.get(area=coordinator.area, name="Housing authority"),
        explanation="Housing the family",
        expires_at=timezone.now() + timedelta(days=30),
    )
    w.action = actions.create_action(
        actor=coordinator,
        case=w.case,
        description="Check the address",
        owner_agency=ppu.agency,
        due_on=TODAY() + timedelta(days=14),
    )
    w.held = _held_addition(w)
    w.draft_referral = referrals.start_referral(actor=coordinator, nominal=w.nominal)
    w.submitted_referral = submitted(ppu, nominal=w.nominal)


def _held_addition(w) -> HeldAddition:
    """An OTHER-area addition held for DEMO's co-ordinators (the DEMO nominal's PNC)."""
    name = {"forenames": "A", "surname": "B"}
    record = NominalRecord.model_validate_json(
        json.dumps({"area": "OTHER", "external_ids": {"pnc": w.nominal.pnc}, "name": name})
    )
    outsider = w.users["outsider.police"]
    matches = [("pnc", w.nominal)]
    held.hold_addition(actor=outsider, record=record, matches=matches, via="web")
    return HeldAddition.objects.get()


def _mash(w, capture_on_commit) -> None:
    """A published case list with Smith's meeting on it, matched, with feedback and a referral."""
    coordinator, named = w.users["coordinator"], w.users["mash.manager"]
    w.case_list = published_list(w.users)
    w.entry = w.case_list.entries.filter(case=w.case).first()
    with capture_on_commit(execute=True):
        w.run = matching.start_matching(actor=named, case_list=w.case_list, upload=upload())
    w.candidate = w.run.candidates.first()
    w.feedback = exchange.record_feedback(
        actor=coordinator,
        entry=w.entry,
        subject_to_mappa=True,
        level=2,
        concerns=[],
        decisions="Stays at level 2.",
    )
    w.mash_referral = exchange.raise_referral(actor=coordinator, case=w.case, reason="Assess")


def _meetings(w) -> None:
    """A meeting with approved minutes and a share request, and one with draft minutes."""
    world = World(
        users=w.users,
        cases={c.nominal.crn: c for c in MappaCase.objects.select_related("nominal")},
        today=TODAY(),
    )
    chair = w.users["chair.police"]
    w.meeting = ready_to_approve(world, hold_meeting(world))
    approval.approve_minutes(actor=chair, meeting=w.meeting)
    w.meeting.refresh_from_db()
    w.item = w.meeting.agenda.get(case=w.case)
    w.invitation = w.meeting.agenda.get(case__nominal__crn="X456789").invitations.first()
    w.share = sharing.request_share(
        actor=w.users["probation.om"],
        minutes=w.meeting.minutes,
        item=w.item,
        recipient_name="Sam Okafor",
        recipient_organisation="Children's social care",
        purpose="Safety planning for the children",
    )
    w.attendance = w.meeting.attendance.first()
    draft = oversight_records.create_meeting(
        TODAY() - timedelta(days=1), status="held", cases=[w.case]
    )
    draft.chair = chair
    draft.save(update_fields=["chair"])
    minutes_services.start_minutes(actor=chair, meeting=draft)
    draft.refresh_from_db()
    w.draft_meeting, w.draft_item = draft, draft.agenda.get()
    w.series = w.meeting.series


def _risk(w) -> None:
    coordinator = w.users["coordinator"]
    w.assessment = create_assessment(actor=coordinator, case=w.case)
    w.plan = create_plan(actor=coordinator, case=w.case)
    w.condition = create_zone(actor=coordinator, case=w.case)
    w.entry_in_plan = w.plan.entries.first()


def _disclosures(w) -> None:
    officer = w.users["disclosure.officer"]
    w.decision = disclosures.record_decision(
        actor=officer,
        nominal=w.nominal,
        case=w.case,
        tests={name: f"Why it is {name}" for name in disclosures.rules.TESTS},
        disclose_by=TODAY() + timedelta(days=7),
        **DISCLOSURE,
    )
    w.application = create_application(actor=None)
    w.deciding = work_to(create_application(actor=None), Stage.DECISION, officer)
    w.not_disclosing = work_to(create_application(actor=None), Stage.DECISION, officer)
    scheme_services.decide(
        actor=officer,
        application=w.not_disclosing,
        decision="do_not_disclose",
        rationale="Nothing found",
    )


def _marac(w, capture_on_commit) -> None:
    """A MARAC case (its perpetrator Smith, so linked to MAPPA), at a meeting, with research."""
    ppu, coordinator = w.users["police.ppu"], w.users["marac.coordinator"]
    with capture_on_commit(execute=True):
        w.marac_case = referred(ppu, perpetrator={"crn": "X123456"})
    w.dash = w.marac_case.dash
    w.draft_dash = marac.start_dash(actor=ppu)
    w.victim = w.marac_case.victim
    w.marac_meeting = meetings.schedule_meetings(
        actor=coordinator,
        first_on=TODAY() + timedelta(days=7),
        start_time=oversight_records.at(TODAY()).time(),
        end_time=oversight_records.at(TODAY(), 13).time(),
        venue="Police HQ",
    )[0]
    w.marac_item = meetings.list_case(actor=coordinator, case=w.marac_case, meeting=w.marac_meeting)
    housing = Agency.objects.get(area=coordinator.area, name="Housing authority")
    with capture_on_commit(execute=True):
        (w.research,) = meetings.request_research(
            actor=coordinator, item=w.marac_item, agencies=[housing]
        )
    w.marac_action = casework.add_action(
        actor=coordinator,
        case=w.marac_case,
        description="Fit a fire-proof letterbox",
        owner_agency=housing,
        due_on=TODAY() + timedelta(days=7),
    )


def _oversight(w) -> None:
    """A serious case review of Smith's case, another case's charge waiting, and an audit."""
    coordinator, board = w.users["coordinator"], w.users["smb.member"]
    charged_on = TODAY() - timedelta(days=3)
    RecordedEvent.objects.create(nominal=w.nominal, kind="sfo_charged", occurred_on=charged_on)
    w.review = reviews.notify_serious_further_offence(
        actor=coordinator,
        case=w.case,
        charged_on=charged_on,
        offence="Wounding with intent",
        circumstances="Managed at level 2 since 2024.",
    )
    reviews.decide(
        actor=board,
        review=w.review,
        hold_review=True,
        decided_on=TODAY(),
        reasons="A charge of wounding with intent while managed at level 2.",
        remit="Whether MAPPA were applied effectively.",
        reviewer="Independent author",
        lay_adviser=w.users["lay.adviser"],
        report_due_on=TODAY() + timedelta(days=180),
    )
    w.review_action = reviews.save_action(
        actor=board,
        review=w.review,
        action="Review the plan's contingency",
        owner="Probation",
        due_on=TODAY() + timedelta(days=30),
    )
    w.waiting = oversight_records.create_case(level=3, history=[(date(2024, 1, 1), 3)])
    RecordedEvent.objects.create(
        nominal=w.waiting.nominal, kind="sfo_charged", occurred_on=charged_on
    )
    w.charged_on = charged_on
    w.audit = oversight.schedule_audit(
        actor=board,
        kind=AuditKind.CASE,
        case=w.case,
        auditor=w.users["chair.police"],
        due_on=TODAY() + timedelta(days=14),
    )


def _information_requests(w) -> None:
    """An open request to the housing authority about Smith, for its officer to answer."""
    w.information_request = information_requests.raise_request(
        actor=w.users["coordinator"],
        case=w.case,
        agency=w.users["housing.officer"].agency,
        basis="duty_to_cooperate",
        purpose="To assess the risk to visiting children",
        question="Who holds the tenancy at 12 Mill Lane?",
        due_on=TODAY() + timedelta(days=10),
    )


def _whereabouts(w, capture_on_commit) -> None:
    """John Paul Smith missing (docs/whereabouts.md), open, with one search action."""
    now = timezone.now()
    with capture_on_commit(execute=True):
        w.whereabouts = whereabouts.report_whereabouts_unknown(
            actor=w.users["probation.om"],
            case=w.case,
            kind="missing",
            started_at=now - timedelta(hours=6),
            what_is_known="Left his approved premises at 07:00 and did not return",
        )
    whereabouts.add_search_action(
        actor=w.users["police.ppu"],
        report=w.whereabouts,
        version=w.whereabouts.version,
        done_at=now - timedelta(hours=2),
        what_was_done="Checked his sister's address",
        outcome="Not there; she has not seen him",
    )
