"""Scheme applications: received with a reference and a target date, worked stage by stage,
linked to the register, decided (to the person best placed to protect), then closed by the
disclosure made or the non-disclosure letter; urgent safeguarding leaves the scheme."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.disclosures import rules
from mappa.disclosures.constants import Outcome, Scheme, Stage
from mappa.disclosures.models import SchemeApplication
from mappa.disclosures.services import applications as scheme_services
from mappa.disclosures.services import decisions as services
from mappa.disclosures.tests.records import create_application, disclosure_details, work_to
from mappa.people.models import Nominal

pytestmark = pytest.mark.django_db


def test_an_application_gets_a_reference_and_its_schemes_target_date(users, settings):
    settings.MAPPA_DVDS_TARGET_DAYS = 28
    csods = create_application()
    dvds = create_application(scheme=Scheme.DVDS, applicant_is_at_risk=True)
    today = timezone.localdate()
    assert csods.reference.startswith("CS-") and dvds.reference.startswith("DV-")
    assert csods.due_on == today + timedelta(days=45)
    assert dvds.due_on == today + timedelta(days=28)
    event = AuditEvent.objects.get(event_type=EventType.APPLICATION_RECEIVED, subject=csods.id)
    assert event.actor is None and event.area.code == "DEMO"
    assert event.payload["via"] == "public_form"


def test_right_to_know_is_started_only_by_the_police(users):
    with pytest.raises(ValidationError):
        create_application(scheme=Scheme.DVDS, route="right_to_know")
    application = scheme_services.receive_application(
        actor=users["disclosure.officer"],
        scheme=Scheme.DVDS,
        route="right_to_know",
        area=users["disclosure.officer"].area,
        details={
            "applicant_name": "Alex",
            "at_risk": "Alex",
            "subject_name": "B",
            "subject_contact": "Partner",
            "concern": "Intelligence of abuse",
        },
    )
    assert application.received_via == "staff"


def test_urgent_safeguarding_bypasses_the_scheme_with_the_action_recorded(users):
    officer = users["disclosure.officer"]
    application = work_to(create_application(), Stage.IMMEDIATE_RISK, officer)
    details = {"immediate_risk": True, "checks": "PNC", "action_taken": ""}
    with pytest.raises(ValidationError) as error:
        scheme_services.record_stage(
            actor=officer, application=application, stage=Stage.IMMEDIATE_RISK, details=details
        )
    assert "action_taken" in error.value.message_dict
    details["action_taken"] = "Officers attended; children's social care strategy meeting"
    scheme_services.record_stage(
        actor=officer, application=application, stage=Stage.IMMEDIATE_RISK, details=details
    )
    application.refresh_from_db()
    assert (application.stage, application.outcome) == (Stage.CLOSED, Outcome.SAFEGUARDING)


def test_the_identity_must_be_checked_face_to_face_before_research(users):
    officer = users["disclosure.officer"]
    application = work_to(create_application(), Stage.FACE_TO_FACE, officer)
    with pytest.raises(ValidationError) as error:
        scheme_services.record_stage(
            actor=officer,
            application=application,
            stage=Stage.FACE_TO_FACE,
            details={
                "met_on": timezone.localdate(),
                "identity_checked": False,
                "identity_documents": "None",
            },
        )
    assert "identity_checked" in error.value.message_dict
    assert SchemeApplication.objects.get(id=application.id).stage == Stage.FACE_TO_FACE


def test_a_stage_out_of_turn_is_refused(users):
    with pytest.raises(ValidationError):
        scheme_services.record_stage(
            actor=users["disclosure.officer"],
            application=create_application(),
            stage=Stage.RESEARCH,
            details={"checks_made": "PNC", "findings": "None"},
        )


def test_a_disclosure_to_the_mother_not_the_applicant_closes_the_application(users):
    officer = users["disclosure.officer"]
    nominal = Nominal.objects.get(crn="X123456")
    application = work_to(create_application(), Stage.RESEARCH, officer)
    scheme_services.link_nominal(
        actor=officer, application=application, nominal=nominal, reason="Same name and DOB"
    )
    work_to(application, Stage.DECISION, officer)
    decision = scheme_services.decide(
        actor=officer,
        application=application,
        decision="disclose",
        rationale="Presumption to disclose: child sex offence convictions, lives with the child",
        nominal=nominal,
        recipient_is_applicant=False,
        why_best_placed="The mother has parental responsibility and lives with Lily",
        **disclosure_details(),
    )
    assert decision.origin == "csods" and decision.application == application
    assert services.status_of(decision) == "to_be_made"
    services.record_disclosure_made(
        actor=officer,
        decision=decision,
        made_on=timezone.localdate(),
        made_by="DC Khan",
        method="in_person",
        recipient="Emma Jones",
        what_was_said="His convictions in 2012 for sexual offences against children",
        undertaking_signed=True,
        undertaking_reference="Signed form scanned to the ViSOR record",
        offender_told=True,
        offender_told_on=timezone.localdate(),
    )
    application.refresh_from_db()
    assert (application.stage, application.outcome) == (Stage.CLOSED, Outcome.DISCLOSED)
    stages = list(
        AuditEvent.objects.filter(
            event_type=EventType.APPLICATION_STAGE_RECORDED, subject=application.id
        ).values_list("payload__stage", flat=True)
    )
    assert stages == [s for s in rules.STAGES if s != "closed"]


def test_disclosing_needs_a_linked_person_and_who_is_best_placed(users):
    officer = users["disclosure.officer"]
    application = work_to(create_application(), Stage.DECISION, officer)
    with pytest.raises(ValidationError) as error:
        scheme_services.decide(
            actor=officer,
            application=application,
            decision="disclose",
            rationale="Risk",
            nominal=Nominal.objects.get(crn="X123456"),
            **disclosure_details(),
        )
    assert {"nominal", "recipient_is_applicant", "why_best_placed"} <= set(error.value.message_dict)


def test_not_disclosing_ends_with_the_letter(users):
    officer = users["disclosure.officer"]
    application = work_to(create_application(), Stage.DECISION, officer)
    assert (
        scheme_services.decide(
            actor=officer,
            application=application,
            decision="do_not_disclose",
            rationale="No record of the person on any system",
        )
        is None
    )
    scheme_services.record_letter_sent(
        actor=officer, application=application, sent_on=timezone.localdate(), sent_how="post"
    )
    application.refresh_from_db()
    assert application.outcome == Outcome.NOT_DISCLOSED and application.closed_on
