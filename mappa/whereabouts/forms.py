"""The forms of a time of whereabouts unknown: the report, a search action and its end. Each
moment is a date and a time, read in the service's time zone."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from mappa.kit.forms import GovukForm, date_field, long_text, radios, text_field, time_field
from mappa.versions import VersionField
from mappa.whereabouts import rules
from mappa.whereabouts.constants import Ending, Kind


def _moment(data: dict, day: str, at: str) -> datetime | None:
    if data.get(day) is None or data.get(at) is None:
        return None
    return timezone.make_aware(datetime.combine(data[day], data[at]))


class MomentForm(GovukForm):
    """A form whose date and time fields (`MOMENT`: day, time, name) clean into one moment."""

    MOMENT: tuple[str, str, str] = ("", "", "")

    def clean(self):
        data = super().clean()
        day, at, name = self.MOMENT
        data[name] = _moment(data, day, at)
        return data

    def moment_errors(self) -> dict[str, str]:
        """The service names the moment; the form shows its problem on the date."""
        day, _, name = self.MOMENT
        return {name: day}


class ReportForm(MomentForm):
    MOMENT = ("started_on", "started_time", "started_at")

    def clean(self):
        """The start is checked here as well as by the service, so that every problem with the
        form is shown at once."""
        data = super().clean()
        if data["started_at"] is not None:
            problem = rules.start_problem(started_at=data["started_at"], now=timezone.now())
            if problem:
                self.add_error("started_on", problem)
        return data

    kind = radios("Why are their whereabouts unknown?", Kind.choices)
    kind.error_messages["required"] = "Select whether they are missing, wanted or absconded"
    started_on = date_field("Date their whereabouts became unknown", required=True)
    started_time = time_field("Time their whereabouts became unknown")
    what_is_known = long_text(
        "What is known",
        help_text="Where and when they were last seen, who saw them, and any risk to others",
    )
    police_reference = text_field(
        "Police reference",
        max_length=100,
        help_text="The missing person or wanted reference, if the police have given one",
    )


class SearchActionForm(MomentForm):
    MOMENT = ("done_on", "done_time", "done_at")

    version = VersionField()
    done_on = date_field("Date it was done", required=True)
    done_time = time_field("Time it was done")
    what_was_done = long_text("What was done", rows=3)
    outcome = long_text("Outcome", rows=3)


class EndForm(MomentForm):
    MOMENT = ("ended_on", "ended_time", "ended_at")

    version = VersionField()
    ending = radios("How did it end?", Ending.choices)
    ending.error_messages["required"] = (
        "Select how it ended: found, arrested or returned to custody"
    )
    ended_on = date_field("Date it ended", required=True)
    ended_time = time_field("Time it ended")
    note = long_text(
        "Note", rows=4, help_text="Where they were found or held, and what happens next"
    )


class UrgentMeetingForm(GovukForm):
    """The one-click offer of an urgent meeting: only the report's version, as the page had it."""

    version = VersionField()
