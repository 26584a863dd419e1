"""The public application forms: the schemes' questions (`mappa.disclosures.forms.applications`)
worded for each scheme. A bad submission stores nothing (the view saves only a valid form)."""

from __future__ import annotations

from mappa.disclosures.forms.applications import ApplicationForm, worded
from mappa.kit.forms import long_text, radios, text_field


class CsodsForm(ApplicationForm):
    applicant_relationship = worded(
        text_field(
            "Your relationship to the child or children",
            required=True,
            max_length=200,
            help_text="For example, parent, grandparent, neighbour or friend",
        ),
        "Your relationship to the child or children",
    )
    at_risk = worded(
        long_text("The child or children you are worried about", help_text="Their names and ages"),
        "The names and ages of the children",
        "Enter the names and ages of the child or children you are worried about",
    )
    subject_contact = worded(
        long_text(
            "How does the person have contact with the child or children?",
            help_text="For example, they are a new partner of the child's parent",
        ),
        "How the person has contact with the child or children",
        "Enter how the person has contact with the child or children",
    )

    field_order = [
        "area",
        "applicant_name",
        "applicant_relationship",
        "applicant_phone",
        "applicant_email",
        "safe_contact",
        "at_risk",
        "subject_name",
        "subject_other_names",
        "subject_date_of_birth",
        "subject_address",
        "subject_contact",
        "concern",
    ]


class DvdsForm(ApplicationForm):
    applicant_is_at_risk = worded(
        radios(
            "Are you asking about your own partner or former partner?",
            [
                ("yes", "Yes, I am asking about my own partner or former partner"),
                ("no", "No, I am worried about someone else"),
            ],
        ),
        "Whether you are asking about your own partner",
        "Select whether you are asking about your own partner or former partner",
    )
    at_risk = worded(
        long_text(
            "Who is at risk?",
            help_text="If it is you, write 'me'. If it is someone else, give their name",
        ),
        "Who is at risk",
        "Enter who is at risk",
    )
    applicant_relationship = worded(
        text_field(
            "Your relationship to the person at risk",
            required=False,
            max_length=200,
            help_text="Leave blank if you are asking about your own partner",
        ),
        "Your relationship to the person at risk",
    )
    subject_contact = worded(
        long_text(
            "What is their relationship with the person at risk?",
            help_text="For example, current partner for six months, or former partner",
        ),
        "Their relationship with the person at risk",
        "Enter their relationship with the person at risk",
    )

    field_order = [
        "area",
        "applicant_is_at_risk",
        "applicant_name",
        "applicant_phone",
        "applicant_email",
        "safe_contact",
        "at_risk",
        "applicant_relationship",
        "subject_name",
        "subject_other_names",
        "subject_date_of_birth",
        "subject_address",
        "subject_contact",
        "concern",
    ]

    def clean(self):
        data = super().clean()
        if "applicant_is_at_risk" in data:
            data["applicant_is_at_risk"] = data["applicant_is_at_risk"] == "yes"
        return data
