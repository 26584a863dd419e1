"""Forms for transfers between areas and temporary stays (docs/transfers.md)."""

from __future__ import annotations

from django import forms

from mappa.cases.constants import Level, StayReason
from mappa.cases.forms import text_area
from mappa.kit.forms import GovukForm, date_field, long_text, radios
from mappa.versions import VersionField

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


class StayChangeForm(GovukForm):
    """A change of a stay's dates or address (`services.stays.change_stay`)."""

    version = VersionField()
    address = long_text("Address during the stay", rows=3, max_length=1000)
    starts_on = date_field("First day of the stay", required=True, hint="For example, 2/11/2026")
    ends_on = date_field("Last day of the stay", required=True, hint="For example, 9/11/2026")


class StayEndForm(GovukForm):
    """The day a stay ended, before its planned last day (`services.stays.end_stay_early`)."""

    version = VersionField()
    ended_on = date_field(
        "The day the stay ends",
        required=True,
        hint="Its new last day, in the past or to come: for example, 5/11/2026",
    )
