"""Forms for the case page: access, level 1 reviews, decisions, the officer and closure."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from mappa.cases.constants import (
    SET_BY_THE_SERVICE,
    Category,
    ClosureReason,
    DecisionSource,
    Level,
    PoliceRank,
    ReviewDecision,
    StayReason,
    TerrorismManagement,
)
from mappa.kit.forms import GovukForm, date_field, long_text, radios, yes_no
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

    def __init__(self, *args, cleared: bool, **kwargs):
        super().__init__(*args, **kwargs)
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


# Potentially dangerous persons (`services.pdp`; College of Policing APP, "Potentially dangerous
# persons"). The rank is the deciding officer's own.
RANKS = [("", "Select your rank"), *PoliceRank.choices]


class PdpProposalForm(GovukForm):
    """A police practitioner proposes managing the person as a PDP, with the grounds."""

    version = VersionField()
    grounds = text_area(
        "What behaviour gives the grounds?",
        "Say what behaviour gives reasonable grounds to believe there is a present likelihood "
        "of serious harm",
        help_text="What gives reasonable grounds to believe there is a present likelihood of "
        "them committing an offence that will cause serious harm",
    )


class PdpDecisionForm(GovukForm):
    """The police decision whether to manage the person as a PDP (`services.pdp.decide`)."""

    version = VersionField()
    manage = yes_no("Manage this person as a potentially dangerous person?", "Select yes or no")
    rank = forms.ChoiceField(
        label="Your rank", choices=RANKS, error_messages={"required": "Select your rank"}
    )
    rationale = text_area("Rationale", "Give the rationale for the decision")
    decided_on = date_field("Date of the decision", required=True, hint="For example, 2/11/2026")


class PdpReviewForm(GovukForm):
    """A PDP review: continue (the next review is set) or end management."""

    version = VersionField()
    carry_on = yes_no(
        "Continue managing this person as a potentially dangerous person?",
        "Select yes to continue or no to end management",
    )
    rank = forms.ChoiceField(
        label="Your rank", choices=RANKS, error_messages={"required": "Select your rank"}
    )
    rationale = text_area("Rationale", "Give the rationale for the decision")
    held_on = date_field("Date of the review", required=True, hint="For example, 2/11/2026")


class MoveIntoMappaForm(GovukForm):
    """The co-ordinator's level decision as the PDP moves into MAPPA (`services.pdp`)."""

    version = VersionField()
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
        "Why was this level decided?",
        "Give the reason for the decision",
        help_text="The level history shows this with your name and the date",
    )


# Transfers between areas and temporary stays (docs/transfers.md).


class _AreaChoice(GovukForm):
    """A form choosing one of the other MAPPA areas (`areas`), cleaned to the Area."""

    area_field = "to_area"

    def __init__(self, *args, areas=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.areas = {str(area.pk): area for area in areas}
        self.fields[self.area_field].choices = [(k, a.name) for k, a in self.areas.items()]

    def _area(self):
        return self.areas[self.cleaned_data[self.area_field]]


class TransferRequestForm(_AreaChoice):
    """A request to transfer the case to another area (`services.transfers.request_transfer`)."""

    version = VersionField()
    to_area = radios("Which area is the person moving to?", [])
    reason = long_text("Why is the case transferring?", rows=4, max_length=5000)
    new_address = long_text("The person's new address", rows=3, max_length=1000)
    moving_on = date_field("Date of the move", required=True, hint="For example, 27/3/2027")
    proposed_meeting = long_text(
        "Proposed meeting in the new area",
        required=False,
        rows=3,
        max_length=2000,
        help_text="Needed for a level 2 or 3 case: when, and who should attend",
    )

    def clean_to_area(self):
        return self._area()


class TransferAcceptForm(GovukForm):
    """The receiving area accepts, with its own level decision and the reason for it."""

    version = VersionField()
    level = forms.TypedChoiceField(
        label="At which level will your area manage the case?",
        choices=Level.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the level"},
    )
    rationale = text_area(
        "Why this level?",
        "Give the reason for the level decision",
        help_text="The case's level history shows this with your name and the date",
    )


class TransferQueryForm(GovukForm):
    version = VersionField()
    query = text_area("What do you need from the sending area?", "Say what you need")


class TransferAnswerForm(GovukForm):
    version = VersionField()
    answer = text_area("Your answer", "Enter your answer to the query")


class TransferWithdrawForm(GovukForm):
    version = VersionField()
    reason = text_area(
        "Why are you withdrawing the transfer?", "Give the reason for withdrawing the transfer"
    )


class StayForm(_AreaChoice):
    """A temporary stay in another area (`services.stays.notify_stay`)."""

    area_field = "host_area"

    version = VersionField()
    host_area = radios("Which area is the person staying in?", [])
    reason = radios("Why are they staying there?", StayReason.choices)
    explanation = long_text(
        "More about the stay",
        required=False,
        rows=3,
        max_length=2000,
        help_text="Needed for another reason",
    )
    address = long_text("Address during the stay", rows=3, max_length=1000)
    starts_on = date_field("First day of the stay", required=True, hint="For example, 2/11/2026")
    ends_on = date_field("Last day of the stay", required=True, hint="For example, 9/11/2026")

    def clean_host_area(self):
        return self._area()

    def service_arguments(self) -> dict:
        return {**self.cleaned_data, "reason": StayReason(self.cleaned_data["reason"])}
