"""Forms for the board's pages: periods, audits and serious case reviews."""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from django import forms

from mappa.kit.forms import GovukForm, date_field, long_text, text_field
from mappa.oversight.constants import REPORT_SECTIONS, AuditKind, PlanStatus, items_for
from mappa.versions import VersionField


def last_year_ending(today: date) -> date:
    """The latest 31 March on or before today: the last complete statistical year."""
    year = today.year if (today.month, today.day) >= (3, 31) else today.year - 1
    return date(year, 3, 31)


def default_period(today: date) -> tuple[date, date]:
    """The twelve months to today: from the first of the month eleven months ago."""
    return today.replace(day=1) - relativedelta(months=11), today


class YearForm(GovukForm):
    year_ending = date_field("Year ending", hint="The year's last day, for example 31/3/2026")


MAX_PERIOD = timedelta(days=366 * 5)  # an indicator's period: 5 years or less


class PeriodForm(GovukForm):
    start = date_field("From")
    end = date_field("To")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            self.add_error("end", "The end of the period must be on or after its start")
        if start and end and end - start > MAX_PERIOD:
            self.add_error("start", "Choose a period of 5 years or less")
        return cleaned


def period_from(query, today: date) -> tuple[PeriodForm, date, date]:
    """The period asked for in the query string, or the default; the form shows any errors."""
    start, end = default_period(today)
    form = PeriodForm(query if query.get("start") or query.get("end") else None)
    if form.is_bound and form.is_valid():
        start = form.cleaned_data["start"] or start
        end = form.cleaned_data["end"] or end
    elif not form.is_bound:
        form = PeriodForm(
            initial={"start": start.strftime("%d/%m/%Y"), "end": end.strftime("%d/%m/%Y")}
        )
    return form, start, end


class ScheduleForm(GovukForm):
    kind = forms.ChoiceField(
        label="Kind of audit", choices=AuditKind.choices, widget=forms.RadioSelect
    )
    meeting = forms.ModelChoiceField(
        label="Meeting to audit (a meeting audit)",
        queryset=None,
        required=False,
        empty_label="Choose a meeting",
    )
    case = forms.ModelChoiceField(
        label="Case to audit (a case audit)",
        queryset=None,
        required=False,
        empty_label="Choose a case",
        help_text="Cases are shown by reference, category and level, without names",
    )
    auditor = forms.ModelChoiceField(
        label="Auditor", queryset=None, empty_label="Choose an auditor"
    )
    due_on = date_field("Due by", required=True)

    def __init__(self, *args, meetings, cases, auditors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings
        self.fields["meeting"].label_from_instance = lambda m: (
            f"Level {m.level} meeting on {m.date:%-d %B %Y}"
        )
        self.fields["case"].queryset = cases
        self.fields["case"].label_from_instance = case_label
        self.fields["auditor"].queryset = auditors
        self.fields["auditor"].label_from_instance = lambda u: (
            f"{u.display_name}, {u.get_role_display()}"
        )

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind == AuditKind.MEETING and not cleaned.get("meeting"):
            self.add_error("meeting", "Choose the meeting to audit")
        if kind == AuditKind.CASE and not cleaned.get("case"):
            self.add_error("case", "Choose the case to audit")
        return cleaned


def case_label(case) -> str:
    """A case without its person's name: reference, category, level and start."""
    category = f"category {case.category}" if case.category else "category to be determined"
    started = f", from {case.start_date:%-d %B %Y}" if case.start_date else ""
    return f"Case {str(case.id)[:8].upper()}: {category}, level {case.level}{started}"


class AuditForm(GovukForm):
    """Every item of the audit form: its score and a comment."""

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = []
        for code, section, question, answers in items_for(kind):
            self.fields[code] = forms.TypedChoiceField(
                label=question,
                choices=[(str(score), label) for score, label in answers],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": f"Score: {question.rstrip('?')}"},
            )
            self.fields[f"{code}_comment"] = forms.CharField(
                label="Comment (optional)",
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.items.append((section, code))
        self.fields["overall_comment"] = long_text("Overall comments", required=False)

    def scores(self) -> dict[str, tuple[int, str]]:
        data = self.cleaned_data
        return {code: (data[code], data[f"{code}_comment"]) for _, code in self.items}


class NotifyForm(GovukForm):
    offence = text_field("Offence charged", required=True, max_length=300)
    circumstances = long_text(
        "Circumstances and how MAPPA managed the case",
        help_text="Category, level, lead agency, the last meeting or review, and what is known "
        "of the offence. Do not name victims.",
    )


class DecisionForm(GovukForm):
    hold_review = forms.TypedChoiceField(
        label="Will the board hold a serious case review?",
        choices=[("yes", "Yes, hold a review"), ("no", "No review")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    decided_on = date_field("Date of the decision", required=True)
    reasons = long_text("The board's reasons, against the guidance's criteria")
    remit = long_text("Remit of the review (if held)", required=False)
    reviewer = text_field("Who will write the review (if held)")
    lay_adviser = forms.ModelChoiceField(
        label="Lay adviser involved (if held)",
        queryset=None,
        required=False,
        empty_label="Choose a lay adviser",
    )
    report_due_on = date_field("Report due by (if held)")

    def __init__(self, *args, lay_advisers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lay_adviser"].queryset = lay_advisers
        self.fields["lay_adviser"].label_from_instance = lambda user: user.display_name


class ReportForm(GovukForm):
    version = VersionField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in REPORT_SECTIONS.items():
            self.fields[name] = long_text(label, required=False)


class ReviewActionForm(GovukForm):
    action = long_text("What will be done")
    owner = text_field(
        "By whom", required=True, help_text="Grade, rank or role, and agency; not a name"
    )
    due_on = date_field("By when", required=True)
    status = forms.ChoiceField(
        label="Status",
        choices=PlanStatus.choices,
        initial=PlanStatus.OPEN,
        widget=forms.RadioSelect,
    )
    completed_on = date_field("Completed on (if completed)")
    version = VersionField()

    def __init__(self, *args, existing=None, **kwargs):
        super().__init__(*args, **kwargs)
        if existing is None:  # a new action: nothing to overwrite
            del self.fields["version"]


class CompleteForm(GovukForm):
    completed_on = date_field("Date the board accepted the report", required=True)


class ApproveForm(GovukForm):
    approved_on = date_field("Date of the board's approval", required=True)
    approved_for = long_text("Who the review may be circulated to, and any conditions")
