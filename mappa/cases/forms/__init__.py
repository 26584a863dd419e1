"""Forms for the case page: access, level 1 reviews, decisions, the officer and closure; a
PDP's steps in `pdp`, transfers and stays in `transfers`."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from mappa.cases.constants import (
    SET_BY_THE_SERVICE,
    Category,
    ClosureReason,
    DecisionSource,
    Level,
    ReviewDecision,
    TerrorismManagement,
)
from mappa.kit.forms import GovukForm, date_field, long_text, yes_no
from mappa.versions import VersionField


def text_area(label: str, missing: str, required: bool = True, **kwargs) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": missing},
        **kwargs,
    )


class GrantAccessForm(GovukForm):
    """Who may see the case (one agency or one person), why, and until when."""

    grantee = forms.ChoiceField(
        label="Who needs to see this case?",
        help_text="A duty-to-co-operate agency of the area, or one person",
        error_messages={
            "required": "Choose an agency or a person",
            "invalid_choice": "Choose an agency or a person from the list",
        },
    )
    explanation = text_area(
        "Why do they need to see it?",
        "Enter why they need to see the case",
        help_text="For example, to find the person suitable housing away from the victim",
    )
    ends_on = date_field(
        "Access ends on",
        required=True,
        hint="The last day they may see the case. For example, 27/3/2027",
    )

    def __init__(self, *args, agencies, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.agencies = {str(agency.id): agency for agency in agencies}
        self.people = {str(person.uuid): person for person in people}
        self.fields["grantee"].choices = [
            ("", "Choose an agency or a person"),
            ("Agencies", [(f"agency:{key}", a.name) for key, a in self.agencies.items()]),
            ("People", [(f"user:{key}", _person(p)) for key, p in self.people.items()]),
        ]

    def clean_grantee(self) -> dict:
        kind, _, key = self.cleaned_data["grantee"].partition(":")
        if kind == "agency" and key in self.agencies:
            return {"grantee_agency": self.agencies[key]}
        if kind == "user" and key in self.people:
            return {"grantee_user": self.people[key]}
        raise forms.ValidationError("Choose an agency or a person from the list")

    def clean_ends_on(self):
        ends_on = self.cleaned_data["ends_on"]
        if ends_on <= timezone.localdate():
            raise forms.ValidationError("Access ends on must be a date in the future")
        return ends_on


def _person(user) -> str:
    agency = f", {user.agency.name}" if user.agency else ""
    return f"{user.display_name}{agency}"


class ReviewForm(GovukForm):
    """A level 1 review as the service records it (`services.record_level_1_review`)."""

    held_on = date_field("Date of the review", required=True, hint="For example, 2/11/2026")
    what_was_reviewed = text_area(
        "What was reviewed?",
        "Say what was reviewed",
        help_text="For example, a home visit, the ViSOR record, a device check",
    )
    risk_changed = yes_no("Has the risk changed?", "Select yes if the risk has changed")
    risk_change = text_area(
        "How has the risk changed?",
        "Say how the risk has changed",
        required=False,
        help_text="Only if it has changed",
    )
    plan_changed = yes_no("Has the plan changed?", "Select yes if the plan has changed")
    plan_change = text_area(
        "How has the plan changed?",
        "Say how the plan has changed",
        required=False,
        help_text="Only if it has changed",
    )
    decision = forms.ChoiceField(
        label="Decision",
        choices=ReviewDecision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the decision"},
    )
    closure_reason = forms.ChoiceField(
        label="Why is the case closing?",
        help_text="Only if the decision is to close the case",
        choices=[("", "Choose a reason"), *ClosureReason.choices],
        required=False,
    )
    rationale = text_area("Why was this decided?", "Give the reason for the decision")

    def clean(self):
        data = super().clean()
        for changed, how in (("risk_changed", "risk_change"), ("plan_changed", "plan_change")):
            if data.get(changed) and not data.get(how, "").strip():
                self.add_error(how, self.fields[how].error_messages["required"])
            elif data.get(changed) is False:
                data[how] = ""
        if data.get("decision") == ReviewDecision.CLOSE:
            if not data.get("closure_reason"):
                self.add_error("closure_reason", "Choose why the case is closing")
        else:
            data["closure_reason"] = ""
        return data

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "held_on": data["held_on"],
            "what_was_reviewed": data["what_was_reviewed"],
            "risk_change": data["risk_change"],
            "plan_change": data["plan_change"],
            "decision": ReviewDecision(data["decision"]),
            "rationale": data["rationale"],
            "closure_reason": ClosureReason(data["closure_reason"])
            if data["closure_reason"]
            else None,
        }


class DecisionForm(GovukForm):
    """A category and level decision (`services.record_decision`)."""

    version = VersionField()
    category = forms.TypedChoiceField(
        label="Category",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the category"},
    )
    level = forms.TypedChoiceField(
        label="Level",
        choices=Level.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the level"},
    )
    source = forms.ChoiceField(
        label="Where was this decided?",
        choices=[(s.value, s.label) for s in DecisionSource if s not in SET_BY_THE_SERVICE],
        widget=forms.RadioSelect,
        error_messages={"required": "Select where the decision was made"},
    )
    decided_on = date_field("Date of the decision", required=True, hint="For example, 2/11/2026")
    rationale = text_area(
        "Why was this decided?",
        "Give the reason for the decision",
        help_text="The level history shows this with your name and the date",
    )

    def __init__(self, *args, cleared: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if "category" in self.fields:
            self.fields["category"].choices = [
                (value, label) for value, label in Category.choices if cleared or value != 4
            ]


class OfficerForm(GovukForm):
    """The responsible officer, from the lead agency's practitioners in the area."""

    version = VersionField()
    officer = forms.ChoiceField(
        label="Responsible officer",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the responsible officer",
            "invalid_choice": "Select the responsible officer from the list",
        },
    )

    def __init__(self, *args, officers, **kwargs):
        super().__init__(*args, **kwargs)
        self.officers = {str(user.uuid): user for user in officers}
        self.fields["officer"].choices = [(key, _person(u)) for key, u in self.officers.items()]

    def clean_officer(self):
        return self.officers[self.cleaned_data["officer"]]


class CloseForm(GovukForm):
    """Closing a case (deregistration): the reason and the date (`services.deregister`)."""

    version = VersionField()
    reason = forms.ChoiceField(
        label="Why is the case closing?",
        choices=ClosureReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select why the case is closing"},
    )
    explanation = text_area(
        "Explanation",
        "Explain why the case is closing",
        required=False,
        help_text="Needed for other reasons",
    )
    closed_on = date_field("Date the case closed", required=True, hint="For example, 2/11/2026")

    def clean(self):
        data = super().clean()
        if data.get("reason") == ClosureReason.OTHER and not data.get("explanation", "").strip():
            self.add_error("explanation", "Explain why the case is closing")
        return data


class TerrorismManagementForm(GovukForm):
    """CT MAPPA or local MAPPA for a category 4 case, and why (MAPPA Guidance para 24.25)."""

    version = VersionField()
    management = forms.ChoiceField(
        label="Where is the case managed?",
        choices=TerrorismManagement.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select CT MAPPA or local MAPPA"},
    )
    rationale = long_text(
        "Reason",
        required=False,
        help_text="Needed for local MAPPA: why the primary risk does not relate to terrorism",
    )
