"""The RoSH assessment form: ratings per risk group in the community and in custody, imminence,
the tools used.

Forms check the shape of what was typed; the domain checks are the services' (mappa.risk.rules).
"""

from __future__ import annotations

from crispy_forms_gds.layout import Field, Fieldset, Layout, Size
from django import forms

from mappa.kit.forms import YES_NO, GovukForm, date_field, long_text, text_field
from mappa.risk import rules
from mappa.risk.constants import Imminence, RoshLevel, Tool

WHERE = {rules.COMMUNITY: "in the community", rules.CUSTODY: "in custody"}


def _group_label(group: str, setting: str) -> str:
    return f"Risk to {rules.group_name(group)} {WHERE[setting]}"


def _rating(group: str, setting: str, required: bool) -> forms.ChoiceField:
    label = _group_label(group, setting)
    return forms.ChoiceField(
        label=label,
        choices=RoshLevel.choices,
        required=required,
        widget=forms.RadioSelect,
        error_messages={"required": f"Choose the {label[0].lower()}{label[1:]}"},
    )


def rating_field(setting: str, group: str) -> str:
    return f"{setting}_{group}"


class AssessmentForm(GovukForm):
    assessed_on = date_field("Date of the assessment", required=True)
    assessor = forms.ChoiceField(
        label="Assessor",
        help_text="Who made the assessment",
        error_messages={"required": "Choose the assessor", "invalid_choice": "Choose the assessor"},
    )
    in_custody = forms.ChoiceField(
        label="Is the person in custody?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        help_text="In custody, rate the risk in custody as well as in the community",
        error_messages={"required": "Choose whether the person is in custody"},
    )
    who_is_at_risk = long_text("Who is at risk", help_text="Name or describe them")
    nature_of_harm = long_text("Nature of the harm", help_text="What harm, and how it could happen")
    imminence = forms.ChoiceField(
        label="Is serious harm imminent?",
        choices=Imminence.choices,
        widget=forms.RadioSelect,
        help_text="A very high risk is imminent: more likely than not to happen soon",
        error_messages={"required": "Choose whether serious harm is imminent"},
    )
    when_risk_greatest = long_text("When the risk is likely to be greatest", required=False)
    increasing_factors = long_text("Factors likely to increase the risk")
    reducing_factors = long_text("Factors likely to reduce the risk")
    tools = forms.MultipleChoiceField(
        label="Tools used",
        choices=Tool.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply",
        error_messages={"required": "Choose the tools used, or another tool and name it"},
    )
    other_tool = text_field("Name of the other tool")

    def __init__(self, *args, assessors, **kwargs):
        super().__init__(*args, **kwargs)
        self.assessors = {str(user.uuid): user for user in assessors}
        self.fields["assessor"].choices = [("", "Choose the assessor")] + [
            (key, f"{u.display_name}, {u.agency.name}" if u.agency else u.display_name)
            for key, u in self.assessors.items()
        ]
        for setting in (rules.COMMUNITY, rules.CUSTODY):
            for group in rules.groups_for(setting):
                self.fields[rating_field(setting, group)] = _rating(
                    group, setting, required=setting == rules.COMMUNITY
                )
        self.helper.layout = self._layout()
        self.helper.disable_csrf = True  # the page's form has the token

    def _layout(self) -> Layout:
        def ratings(setting):
            return [
                Field.radios(rating_field(setting, g), small=True, inline=True)
                for g in rules.groups_for(setting)
            ]

        return Layout(
            Field.text("assessed_on"),
            Field.select("assessor"),
            Fieldset(
                *ratings(rules.COMMUNITY), legend="Risk in the community", legend_size=Size.MEDIUM
            ),
            Field.radios("in_custody", inline=True),
            Fieldset(
                *ratings(rules.CUSTODY),
                legend="Risk in custody (only if the person is in custody)",
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.textarea("who_is_at_risk", rows=3),
                Field.textarea("nature_of_harm", rows=3),
                Field.radios("imminence"),
                Field.textarea("when_risk_greatest", rows=3),
                Field.textarea("increasing_factors", rows=4),
                Field.textarea("reducing_factors", rows=4),
                legend="The risk",
                legend_size=Size.MEDIUM,
            ),
            Field.checkboxes("tools", small=True),
            Field.text("other_tool"),
        )

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        in_custody = data["in_custody"] == "yes"
        custody = {
            g: data.get(rating_field(rules.CUSTODY, g)) or None
            for g in rules.groups_for(rules.CUSTODY)
        }
        return {
            "assessed_on": data["assessed_on"],
            "assessor": self.assessors[data["assessor"]],
            "community": {
                g: data[rating_field(rules.COMMUNITY, g)] for g in rules.groups_for(rules.COMMUNITY)
            },
            "custody": {g: level for g, level in custody.items() if level} if in_custody else None,
            **{
                key: data[key]
                for key in (
                    "who_is_at_risk",
                    "nature_of_harm",
                    "imminence",
                    "when_risk_greatest",
                    "increasing_factors",
                    "reducing_factors",
                    "tools",
                    "other_tool",
                )
            },
        }
