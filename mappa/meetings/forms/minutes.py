"""Forms for minutes: a case's sections, the level decision, disclosure, actions, sharing."""

from __future__ import annotations

from django import forms

from mappa.cases.constants import ClosureReason, Level
from mappa.disclosures.constants import Decision, Method, Relationship
from mappa.kit.forms import YES_NO, GovukForm, date_field, long_text, radios, text_field
from mappa.meetings.constants import LevelDecision
from mappa.meetings.models.minutes import SECTION_LABELS
from mappa.versions import VersionField

HINTS = {
    "offender_information": "Names, aliases, address, identifiers (same rules as the referral)",
    "relevant_information": "What has happened since the last meeting, from each agency",
    "risk_summary": "Who is at risk, the nature of the harm, imminence, what increases or "
    "reduces it. The RoSH assessment itself is recorded on the case's risk pages",
    "plan_summary": "What the meeting agreed. The plan itself is recorded on the case's risk "
    "pages, under the four pillars and contingency",
    "actions_review": "Progress on the actions listed below, as reported at the meeting",
}


class CaseMinutesForm(GovukForm):
    discussed = radios("Was the case discussed at the meeting?", YES_NO)
    not_discussed_reason = long_text(
        "If not, why not",
        required=False,
        help_text="For example, there was not enough time: it is listed at the next meeting",
    )
    version = VersionField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field, label in SECTION_LABELS.items():
            self.fields[field] = long_text(label, required=False, help_text=HINTS.get(field, ""))

    def clean(self):
        data = super().clean()
        data["discussed"] = data.get("discussed") == "yes"
        return data


LEVEL_CHOICES = [("", "Not changing")] + [(str(v), label) for v, label in Level.choices]


class DecisionForm(GovukForm):
    level_decision = radios("What did the meeting decide about the level?", LevelDecision.choices)
    new_level = forms.TypedChoiceField(
        label="New level",
        choices=LEVEL_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        help_text="If the level goes up or down",
    )
    closure_reason = forms.ChoiceField(
        label="Why the case leaves MAPPA",
        choices=[("", "Not leaving")] + list(ClosureReason.choices),
        required=False,
    )
    rationale = long_text("Rationale for the decision")
    dissent = long_text(
        "Dissent",
        required=False,
        help_text="Record any view that differed from the decision, and whose it was",
    )
    next_review_on = date_field(
        "Date of the next review",
        hint="For example, 27/3/2027. Level 2 cases are reviewed at least every 16 weeks and "
        "level 3 cases every 8 weeks. Leave blank if the case leaves MAPPA",
    )
    version = VersionField()


class DisclosureForm(GovukForm):
    decision = radios("Is information to be disclosed?", Decision.choices)
    rationale = long_text("Reasons for the decision")
    recipient = text_field("To whom", max_length=300, help_text="If disclosing")
    relationship = forms.ChoiceField(
        label="Their relationship to the risk",
        choices=[("", "Choose")] + list(Relationship.choices),
        required=False,
    )
    what_to_disclose = long_text("What is to be disclosed", required=False)
    risk_protected_against = long_text("The risk the disclosure protects against", required=False)
    discloser = text_field("Who will disclose", max_length=300)
    method = radios("How", Method.choices, required=False)
    disclose_by = date_field("Disclose by")


class ActionForm(GovukForm):
    description = long_text("What is to be done")
    owner_agency = forms.ChoiceField(
        label="Owning agency", choices=(), error_messages={"required": "Choose the owning agency"}
    )
    owner_user = forms.ChoiceField(label="Named owner", choices=(), required=False)
    due_on = date_field("Due by", required=True)

    def __init__(self, *args, agencies=(), people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.agencies = {str(agency.id): agency for agency in agencies}
        self.people = {str(user.uuid): user for user in people}
        self.fields["owner_agency"].choices = [("", "Choose an agency")] + [
            (key, agency.name) for key, agency in self.agencies.items()
        ]
        self.fields["owner_user"].choices = [("", "No one by name")] + [
            (key, f"{user.display_name}, {user.agency.name if user.agency else ''}")
            for key, user in self.people.items()
        ]

    def clean(self):
        data = super().clean()
        data["owner_agency"] = self.agencies.get(data.get("owner_agency") or "")
        data["owner_user"] = self.people.get(data.get("owner_user") or "")
        return data


class ShareForm(GovukForm):
    recipient_name = text_field("Who would receive the minutes", required=True)
    recipient_organisation = text_field("Their organisation", required=True)
    purpose = long_text("Why they need to see them")


class ShareDecisionForm(GovukForm):
    decision = radios("Do you agree to the minutes being shared?", YES_NO)
    reason = long_text("Reason for your decision")
