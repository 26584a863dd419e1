"""Every change to Child Sex Offender and Domestic Violence Disclosure Scheme applications."""

from __future__ import annotations

import secrets
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.disclosures import rules
from mappa.disclosures.constants import Decision, Origin, Outcome, ReceivedVia, Route, Scheme, Stage
from mappa.disclosures.models import ApplicationLink, SchemeApplication
from mappa.disclosures.services import decisions, steps

# What an application holds about the applicant, the person at risk and the subject.
APPLICATION_FIELDS = (
    "applicant_name",
    "applicant_phone",
    "applicant_email",
    "safe_contact",
    "applicant_relationship",
    "applicant_is_at_risk",
    "at_risk",
    "subject_name",
    "subject_other_names",
    "subject_date_of_birth",
    "subject_address",
    "subject_contact",
    "concern",
)
STAFF_STAGES = (Stage.INITIAL_CONTACT, Stage.IMMEDIATE_RISK, Stage.FACE_TO_FACE, Stage.RESEARCH)


def target_days(scheme: str) -> int:
    if scheme == Scheme.CSODS:
        return settings.MAPPA_CSODS_TARGET_DAYS
    return settings.MAPPA_DVDS_TARGET_DAYS


def _new_reference(scheme: str) -> str:
    while True:
        characters = "".join(secrets.choice(rules.REFERENCE_ALPHABET) for _ in range(8))
        reference = rules.reference_for(scheme, characters)
        if not SchemeApplication.objects.filter(reference=reference).exists():
            return reference


def receive_application(
    *, actor, scheme: str, area, details: dict, route: str = Route.RIGHT_TO_ASK
) -> SchemeApplication:
    """A new application in the area's disclosure queue, from the public form (`actor` None)
    or recorded by staff; right to know (DVDS) is police-initiated, so staff only."""
    if scheme not in Scheme.values or route not in Route.values:
        raise ValidationError("Unknown scheme or route")
    if route == Route.RIGHT_TO_KNOW and (scheme != Scheme.DVDS or actor is None):
        raise ValidationError("Right to know is a police-initiated Domestic Violence route")
    unknown = set(details) - set(APPLICATION_FIELDS)
    if unknown:
        raise ValidationError(f"Unknown application fields: {', '.join(sorted(unknown))}")
    received_at = timezone.now()
    received_on = timezone.localdate(received_at)
    days = target_days(scheme)
    with transaction.atomic():
        application = SchemeApplication.objects.create(
            reference=_new_reference(scheme),
            scheme=scheme,
            route=route,
            area=area,
            received_via=ReceivedVia.STAFF if actor else ReceivedVia.PUBLIC_FORM,
            received_at=received_at,
            received_on=received_on,
            target_days=days,
            due_on=rules.due_on(received_on, days),
            recorded_by=actor,
            **details,
        )
        audit.record(
            actor=actor,
            event_type=EventType.APPLICATION_RECEIVED,
            subject=application.id,
            area=area,
            payload={
                "application": application.reference,
                "scheme": scheme,
                "route": route,
                "via": application.received_via,
            },
        )
    return application


def _require_stage(application: SchemeApplication, stage: str) -> None:
    if application.stage != stage:
        raise ValidationError(
            f"The application is at the {application.get_stage_display().lower()} stage"
        )


def _stored(details: dict) -> dict:
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in details.items()}


def record_stage(*, actor, application: SchemeApplication, stage: str, details: dict):
    """Initial contact, the immediate-risk check, the face-to-face meeting or the research.

    Urgent safeguarding found at the immediate-risk check takes the case out of the scheme:
    the action taken is recorded and the application closed.
    """
    if stage not in STAFF_STAGES:
        raise ValidationError("That stage is not recorded this way")
    _require_stage(application, stage)
    problems = rules.stage_problems(
        stage, details, today=timezone.localdate(), received_on=application.received_on
    )
    if problems:
        raise ValidationError(problems)
    outcome = ""
    if stage == Stage.IMMEDIATE_RISK:
        outcome = rules.URGENT if details["immediate_risk"] else "no_immediate_risk"
    with transaction.atomic():
        return steps.record(
            actor=actor,
            application=application,
            stage=stage,
            details=_stored(details),
            outcome=outcome,
            next_stage=rules.next_stage(stage, outcome),
            closing_outcome=Outcome.SAFEGUARDING,
        )


def link_nominal(*, actor, application: SchemeApplication, nominal, reason: str):
    """Research: the application's subject is this person on the register."""
    if application.stage not in (Stage.RESEARCH, Stage.DECISION):
        raise ValidationError("People are linked at the research stage")
    if nominal.area_id != application.area_id:
        raise ValidationError({"nominal": "The person is not on this area's register"})
    if not reason.strip():
        raise ValidationError({"reason": "Say why this is the person the application is about"})
    if application.links.filter(nominal=nominal).exists():
        raise ValidationError({"nominal": "The person is already linked to this application"})
    with transaction.atomic():
        link = ApplicationLink.objects.create(
            application=application,
            nominal=nominal,
            reason=reason.strip(),
            linked_by=actor,
            linked_at=timezone.now(),
        )
        audit.record(
            actor=actor,
            event_type=EventType.APPLICATION_LINKED,
            subject=application.id,
            area=application.area,
            payload={"application": application.reference, "nominal": str(nominal.id)},
        )
    return link


def decide(
    *,
    actor,
    application: SchemeApplication,
    decision: str,
    rationale: str,
    nominal=None,
    recipient_is_applicant: bool | None = None,
    why_best_placed: str = "",
    **details,
):
    """Disclose or not, and to whom: the person best placed to protect, who may not be the
    applicant. The decision goes in the disclosure register against each linked person."""
    _require_stage(application, Stage.DECISION)
    linked = nominal is not None and application.links.filter(nominal=nominal).exists()
    problems = rules.recipient_problems(
        decision=decision,
        recipient_is_applicant=recipient_is_applicant,
        why_best_placed=why_best_placed,
        nominal_linked=linked,
    )
    if nominal is not None and not linked:
        problems["nominal"] = "Link the person at the research stage first"
    if decision not in Decision.values:
        problems["decision"] = "Choose whether to disclose"
    if problems:
        raise ValidationError(problems)
    origin = Origin.CSODS if application.scheme == Scheme.CSODS else Origin.DVDS
    with transaction.atomic():
        recorded = None
        if nominal is not None:
            recorded = decisions.record_decision(
                actor=actor,
                nominal=nominal,
                decision=decision,
                rationale=rationale,
                origin=origin,
                application=application,
                **details,
            )
        elif not rationale.strip():
            raise ValidationError({"rationale": "Give the reasons for the decision"})
        step_details = {
            "decision": decision,
            "rationale": rationale.strip(),
            "nominal": str(nominal.id) if nominal else "",
            "disclosure_decision": str(recorded.id) if recorded else "",
            "recipient": details.get("recipient", "") if decision == rules.DISCLOSE else "",
            "recipient_is_applicant": recipient_is_applicant,
            "why_best_placed": why_best_placed.strip(),
        }
        steps.record(
            actor=actor,
            application=application,
            stage=Stage.DECISION,
            details=step_details,
            outcome=decision,
            next_stage=Stage.DISCLOSURE,
        )
    return recorded


def decided_to_disclose(application: SchemeApplication) -> bool:
    step = application.steps.filter(stage=Stage.DECISION).last()
    return step is not None and step.outcome == rules.DISCLOSE


def record_letter_sent(*, actor, application: SchemeApplication, sent_on, sent_how: str):
    """The non-disclosure letter was given or sent: the application closes."""
    _require_stage(application, Stage.DISCLOSURE)
    if decided_to_disclose(application):
        raise ValidationError("The decision was to disclose: record the disclosure instead")
    details = {"sent_on": sent_on, "sent_how": sent_how}
    problems = rules.stage_problems(
        "letter", details, today=timezone.localdate(), received_on=application.received_on
    )
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        return steps.record(
            actor=actor,
            application=application,
            stage=Stage.DISCLOSURE,
            details=_stored(details),
            outcome=Outcome.NOT_DISCLOSED,
            next_stage=Stage.CLOSED,
            closing_outcome=Outcome.NOT_DISCLOSED,
        )
