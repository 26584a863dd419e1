"""Forms for a potentially dangerous person's steps (`cases.services.pdp`)."""

from __future__ import annotations

from django import forms

from mappa.cases.constants import PoliceRank
from mappa.cases.forms import DecisionForm, text_area
from mappa.kit.forms import GovukForm, date_field, yes_no
from mappa.versions import VersionField

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


class MoveIntoMappaForm(DecisionForm):
    """The co-ordinator's level decision as the PDP moves into MAPPA (`services.pdp`): the
    category is the one the record gives, so the form asks only the level, where and why."""

    category = None
    rationale = text_area(
        "Why was this level decided?",
        "Give the reason for the decision",
        help_text="The level history shows this with your name and the date",
    )
