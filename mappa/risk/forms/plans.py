"""The risk management plan form: the four pillars and contingency, one measure per line.

Forms check the shape of what was typed; the domain checks are the services' (mappa.risk.rules).
"""

from __future__ import annotations

from crispy_forms_gds.layout import Field, Fieldset, Layout, Size

from mappa.kit.forms import GovukForm, long_text
from mappa.risk.constants import PlanSection
from mappa.versions import VersionField

ONE_PER_LINE = "One measure per line. Say who does what, and how often"

PLAN_HINTS = {
    PlanSection.SUPERVISION: "For example, weekly office reporting; police home visits",
    PlanSection.MONITORING_AND_CONTROL: "For example, licence conditions, ViSOR visits, tagging",
    PlanSection.INTERVENTIONS_AND_TREATMENT: "For example, accredited programmes, drug treatment",
    PlanSection.VICTIM_SAFETY_PLANNING: "For example, target hardening, disclosure to protect",
    PlanSection.CONTINGENCY: "What happens if the risk rises or the plan breaks down",
}


class PlanForm(GovukForm):
    based_on = VersionField(required=False)  # the version the author started from
    victim_liaison_input = long_text(
        "Victim Liaison Officer's input",
        required=False,
        help_text="What the Victim Liaison Officer has told the meeting",
    )
    victim_wishes = long_text(
        "The victim's wishes on licence conditions",
        required=False,
        help_text="For example, no contact, or exclusion from the area where they live",
    )
    change_summary = long_text("What has changed in this version, and why", required=False, rows=3)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for section in PlanSection:
            self.fields[section.value] = long_text(
                section.label, rows=5, help_text=f"{ONE_PER_LINE}. {PLAN_HINTS[section]}"
            )
            self.fields[section.value].error_messages["required"] = (
                f"Add at least one measure under {section.label.lower()}"
            )
        self.helper.disable_csrf = True  # the page's form has the token
        pillars = [s.value for s in PlanSection if s != PlanSection.CONTINGENCY]
        self.helper.layout = Layout(
            "based_on",
            *[Field.textarea(s, rows=5, label_size=Size.SMALL) for s in pillars[:3]],
            Fieldset(
                Field.textarea(PlanSection.VICTIM_SAFETY_PLANNING.value, rows=5),
                Field.textarea("victim_liaison_input", rows=3),
                Field.textarea("victim_wishes", rows=3),
                legend="Victim safety",
                legend_size=Size.MEDIUM,
            ),
            Field.textarea(PlanSection.CONTINGENCY.value, rows=5, label_size=Size.SMALL),
            Field.textarea("change_summary", rows=3),
        )

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "sections": {section: data[section] for section in PlanSection.values},
            "based_on": data["based_on"],
            "victim_liaison_input": data["victim_liaison_input"],
            "victim_wishes": data["victim_wishes"],
            "change_summary": data["change_summary"],
        }
