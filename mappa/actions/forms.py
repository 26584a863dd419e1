from __future__ import annotations

from django import forms

from mappa.actions.constants import Status
from mappa.kit.forms import GovukForm, date_field, long_text


class ActionForm(GovukForm):
    description = long_text("What is to be done")
    owner_agency = forms.ModelChoiceField(
        label="Owning agency", queryset=None, empty_label="Choose an agency"
    )
    owner_user = forms.ModelChoiceField(
        label="Named owner",
        queryset=None,
        required=False,
        empty_label="No one named: the agency owns it",
        help_text="Must work for the owning agency",
    )
    due_on = date_field("Due by", required=True)

    def __init__(self, *args, agencies, people, description=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not description:  # the action's text comes from elsewhere, e.g. a plan entry
            del self.fields["description"]
        self.fields["owner_agency"].queryset = agencies
        self.fields["owner_user"].queryset = people
        self.fields["owner_user"].label_from_instance = lambda user: (
            f"{user.display_name}, {user.agency.name}"
        )


class UpdateForm(GovukForm):
    text = long_text("Update")
    status = forms.ChoiceField(
        label="Is the action finished?",
        choices=[
            (Status.OPEN, "No, it is still open"),
            (Status.COMPLETED, "Yes, it is completed"),
            (Status.CANCELLED, "It is cancelled"),
        ],
        initial=Status.OPEN,
        widget=forms.RadioSelect,
    )


class FilterForm(GovukForm):
    agency = forms.ModelChoiceField(
        label="Agency", queryset=None, required=False, empty_label="All agencies"
    )
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[
            ("", "Open actions"),
            ("overdue", "Overdue"),
            ("due_soon", "Due soon"),
            ("closed", "Completed or cancelled"),
        ],
    )

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        if agencies is None:
            del self.fields["agency"]
        else:
            self.fields["agency"].queryset = agencies
