"""Plain factories for the disclosure tests, and an application worked to a given stage."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from mappa.agencies.models import Area
from mappa.disclosures.constants import Scheme, Stage
from mappa.disclosures.services import applications as scheme_services

APPLICATION = {
    "applicant_name": "Sam Taylor",
    "applicant_phone": "07700 900123",
    "applicant_email": "sam@example.org",
    "safe_contact": "Text first; do not leave voicemail",
    "applicant_relationship": "Grandparent",
    "at_risk": "Lily Jones, aged 6",
    "subject_name": "John Smith",
    "subject_date_of_birth": None,
    "subject_contact": "New partner of Lily's mother; stays at the house most nights",
    "concern": "He will not say why he moved to the area",
}

STAGE_DETAILS = {
    Stage.INITIAL_CONTACT: lambda today: {
        "contacted_on": today,
        "how": "telephone",
        "scheme_explained": True,
        "notes": "",
    },
    Stage.IMMEDIATE_RISK: lambda today: {
        "immediate_risk": False,
        "checks": "PNC and ViSOR priority checks",
        "action_taken": "",
    },
    Stage.FACE_TO_FACE: lambda today: {
        "met_on": today,
        "identity_checked": True,
        "identity_documents": "Passport and a council tax bill",
        "notes": "",
    },
    Stage.RESEARCH: lambda today: {
        "checks_made": "PNC, ViSOR, children's social care",
        "findings": "Convictions for sexual offences against children (2012)",
    },
}


def create_application(*, actor=None, scheme=Scheme.CSODS, area=None, **overrides):
    area = area or Area.objects.get(code="DEMO")
    return scheme_services.receive_application(
        actor=actor, scheme=scheme, area=area, details=APPLICATION | overrides
    )


def work_to(application, stage: str, actor):
    """Record each staff stage, in order, until the application reaches `stage`."""
    today = timezone.localdate()
    for current in scheme_services.STAFF_STAGES:
        if application.stage == stage:
            break
        if current != application.stage:
            continue
        scheme_services.record_stage(
            actor=actor,
            application=application,
            stage=current,
            details=STAGE_DETAILS[current](today),
        )
    return application


def disclosure_details(**overrides) -> dict:
    return {
        "recipient": "Emma Jones, Lily's mother",
        "relationship": "parent_or_carer",
        "what_to_disclose": "Convictions for sexual offences against children (2012)",
        "risk_protected_against": "Sexual harm to Lily",
        "discloser": "DC Khan, public protection unit",
        "method": "in_person",
        "disclose_by": timezone.localdate() + timedelta(days=7),
        "tests": {
            "reasonable": "He lives with the child",
            "necessary": "The mother cannot protect Lily without knowing",
            "lawful": "Common-law power to disclose to prevent crime",
            "proportionate": "Only the convictions, only to the mother",
        },
    } | overrides
