"""Every field of the public forms has an error message that reads as a GOV.UK error message
(issue 16 item 15): "Enter …", "Select …" or "… must be …", a sentence without a question
mark, never a question label pasted after "Enter" ("Enter who is at risk?").

GOV.UK Design System, error message: https://design-system.service.gov.uk/components/error-message/
"""

import re

import pytest

from mappa.disclosures.forms.applications import StaffApplicationForm
from mappa.public.forms import CsodsForm, DvdsForm

LONG = "x" * 10001

# form, field, what is posted, the message.
CASES = [
    (CsodsForm, "area", "", "Choose the area the application is about"),
    (CsodsForm, "area", "not-an-area", "Choose the area the application is about"),
    (CsodsForm, "applicant_name", "", "Enter your full name"),
    (CsodsForm, "applicant_name", LONG, "Your full name must be 200 characters or fewer"),
    (CsodsForm, "applicant_relationship", "", "Enter your relationship to the child or children"),
    (CsodsForm, "applicant_phone", "12", "Enter a phone number, like 01632 960 001 or 07700 900 982"),
    (CsodsForm, "applicant_email", "nope", "Enter an email address in the correct format, like name@example.com"),
    (CsodsForm, "safe_contact", LONG, "How we can contact you safely must be 10000 characters or fewer"),
    (CsodsForm, "at_risk", "", "Enter the names and ages of the child or children you are worried about"),
    (CsodsForm, "subject_name", "", "Enter the name of the person you are worried about"),
    (CsodsForm, "subject_other_names", LONG, "Other names they use must be 300 characters or fewer"),
    (CsodsForm, "subject_date_of_birth", "31/2/1984", "Their date of birth must be a real date, for example 27/3/2007"),
    (CsodsForm, "subject_date_of_birth", "1/1/2999", "Their date of birth must be in the past"),
    (CsodsForm, "subject_address", LONG, "Their address must be 10000 characters or fewer"),
    (CsodsForm, "subject_contact", "", "Enter how the person has contact with the child or children"),
    (CsodsForm, "concern", "", "Enter why you are worried about the person"),
    (DvdsForm, "applicant_is_at_risk", "", "Select whether you are asking about your own partner or former partner"),
    (DvdsForm, "applicant_is_at_risk", "maybe", "Select whether you are asking about your own partner or former partner"),
    (DvdsForm, "at_risk", "", "Enter who is at risk"),
    (DvdsForm, "applicant_relationship", LONG, "Your relationship to the person at risk must be 200 characters or fewer"),
    (DvdsForm, "subject_contact", "", "Enter their relationship with the person at risk"),
]  # fmt: skip


@pytest.mark.django_db
@pytest.mark.parametrize(("form_class", "field", "value", "message"), CASES)
def test_each_public_field_has_a_grammatical_error_message(form_class, field, value, message):
    form = form_class(data={field: value})
    assert not form.is_valid()
    assert form.errors[field] == [message]


def test_every_public_field_is_covered():
    covered = {(form, field) for form, field, _, _ in CASES}
    for form_class in (CsodsForm, DvdsForm):
        for name in form_class.base_fields:
            shared = (CsodsForm, name) in covered
            assert (form_class, name) in covered or shared, f"{form_class.__name__}.{name}"


# A sentence GOV.UK would write: no question mark, no question word straight after the verb.
UNGRAMMATICAL = re.compile(r"\?|^(Enter|Select) (are|is|how does|what is|why are|who is \w+\?)\b")


@pytest.mark.django_db
@pytest.mark.parametrize("form_class", [CsodsForm, DvdsForm, StaffApplicationForm])
def test_no_message_on_an_empty_form_is_a_question(form_class):
    form = form_class(data={})
    assert not form.is_valid()
    for field, problems in form.errors.items():
        for problem in problems:
            assert not UNGRAMMATICAL.search(problem), f"{field}: {problem}"


@pytest.mark.django_db
def test_the_staff_form_asks_for_the_applicants_details_not_yours():
    form = StaffApplicationForm()
    labels = {name: str(field.label) for name, field in form.fields.items()}
    assert labels["applicant_phone"] == "Applicant's phone number"
    assert labels["applicant_email"] == "Applicant's email address"
    assert labels["safe_contact"] == "How to contact the applicant safely"
    assert not [label for label in labels.values() if re.search(r"\b(you|your)\b", label, re.I)]
    hints = [str(field.help_text) for field in form.fields.values()]
    assert not [hint for hint in hints if re.search(r"\b(you|your)\b", hint, re.I)]
    errors = StaffApplicationForm(data={}).errors
    assert errors["applicant_phone"] == ["Enter the applicant's phone number or email address"]
    assert errors["concern"] == ["Enter why the applicant is worried about the person"]
