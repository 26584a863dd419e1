"""The disclosure team's pages: the queue, an application worked stage by stage through the
forms, the decision and the disclosure made; out-of-scope readers get 404, other roles 403."""

import pytest
from django.utils import timezone

from mappa.disclosures.constants import Stage
from mappa.disclosures.models import SchemeApplication
from mappa.disclosures.tests.records import create_application
from mappa.people.models import Nominal

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate().strftime("%d/%m/%Y")


@pytest.fixture
def officer(users, signed_in):
    return signed_in("disclosure.officer")


def post_stage(client, application, data):
    response = client.post(f"/disclosures/applications/{application.id}/stage/", data)
    assert response.status_code == 302, response.content.decode()[:3000]


def test_the_officer_works_an_application_from_the_queue_to_the_disclosure(users, officer):
    application = create_application()
    queue = officer.get("/disclosures/")
    assert application.reference in queue.content.decode()
    assert b'data-testid="application-rag">On track' in queue.content
    post_stage(
        officer, application, {"contacted_on": TODAY, "how": "telephone", "scheme_explained": "on"}
    )
    post_stage(officer, application, {"checks": "PNC", "immediate_risk": "no"})
    post_stage(
        officer,
        application,
        {"met_on": TODAY, "identity_checked": "on", "identity_documents": "Passport"},
    )
    nominal = Nominal.objects.get(crn="X123456")
    found = officer.get(f"/disclosures/applications/{application.id}/stage/?name=John+Smith")
    assert b"John Paul Smith" in found.content
    officer.post(
        f"/disclosures/applications/{application.id}/link/",
        {"nominal": str(nominal.id), "reason": "Name and date of birth"},
    )
    post_stage(officer, application, {"checks_made": "PNC, ViSOR", "findings": "Convictions"})
    response = officer.post(
        f"/disclosures/applications/{application.id}/decision/",
        {
            "decision": "disclose",
            "rationale": "Risk to Lily",
            "nominal": str(nominal.id),
            "recipient": "Emma Jones",
            "relationship": "parent_or_carer",
            "recipient_is_applicant": "no",
            "why_best_placed": "Lily's mother",
            "what_to_disclose": "Convictions",
            "risk_protected_against": "Sexual harm",
            "reasonable": "a",
            "necessary": "b",
            "lawful": "c",
            "proportionate": "d",
            "discloser": "DC Khan",
            "method": "in_person",
            "disclose_by": (timezone.localdate() + timezone.timedelta(days=3)).strftime("%d/%m/%Y"),
        },
    )
    assert response.status_code == 302
    decision = nominal.disclosure_decisions.get()
    response = officer.post(
        f"/disclosures/decisions/{decision.id}/made/",
        {
            "made_on": TODAY,
            "made_by": "DC Khan",
            "method": "in_person",
            "recipient": "Emma Jones",
            "what_was_said": "The convictions",
            "undertaking_signed": "yes",
            "undertaking_reference": "ViSOR",
            "offender_told": "no",
            "offender_not_told_reason": "Would increase the risk",
        },
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.stage == Stage.CLOSED and application.outcome == "disclosed"
    person = officer.get(f"/people/{nominal.id}/")
    assert b'data-testid="disclosure-history"' in person.content
    assert b"Disclosure made" in person.content


def test_a_bad_stage_form_shows_the_error_summary_and_records_nothing(users, officer):
    application = create_application()
    response = officer.post(f"/disclosures/applications/{application.id}/stage/", {})
    assert response.status_code == 200 and b"govuk-error-summary" in response.content
    assert SchemeApplication.objects.get().stage == Stage.INITIAL_CONTACT


def test_applications_are_the_disclosure_teams_alone(users, signed_in):
    application = create_application()
    assert signed_in("probation.om").get("/disclosures/").status_code == 403
    other = users["outsider.police"]
    other.role = "disclosure_officer"
    other.save()
    response = signed_in("outsider.police").get(f"/disclosures/applications/{application.id}/")
    assert response.status_code == 404


def test_the_letter_is_a_marked_pdf(users, officer):
    from mappa.disclosures.services import applications as scheme_services
    from mappa.disclosures.tests.records import work_to

    application = work_to(create_application(), Stage.DECISION, users["disclosure.officer"])
    scheme_services.decide(
        actor=users["disclosure.officer"],
        application=application,
        decision="do_not_disclose",
        rationale="Nothing found",
    )
    response = officer.get(f"/disclosures/applications/{application.id}/letter.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_the_dashboard_shows_open_applications_by_red_amber_green(users, officer):
    overdue = create_application()
    SchemeApplication.objects.filter(id=overdue.id).update(
        due_on=timezone.localdate() - timezone.timedelta(days=1)
    )
    create_application()
    page = officer.get("/dashboard/").content.decode()
    assert 'data-testid="rag-red">Overdue: 1<' in page
    assert 'data-testid="rag-green">On track: 1<' in page
    assert overdue.reference in page


def test_the_police_record_a_right_to_know_application(users, officer):
    response = officer.post(
        "/disclosures/applications/new/",
        {
            "kind": "dvds_know",
            "applicant_name": "Alex Brown",
            "applicant_phone": "07700 900456",
            "at_risk": "Alex Brown",
            "subject_name": "Chris Green",
            "subject_contact": "Partner for three months",
            "concern": "Intelligence of violence to two former partners",
        },
    )
    assert response.status_code == 302
    application = SchemeApplication.objects.get()
    assert (application.scheme, application.route) == ("dvds", "right_to_know")
    assert application.received_via == "staff" and application.reference.startswith("DV-")
