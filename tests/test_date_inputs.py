"""Dates in inputs read as the hint asks them to be typed (issue 16 item 15): "1/1/2026" under
"For example, 27/3/2007", never "2026-01-01", whether the form was given a date or a date kept
as ISO text; and what is shown is read back as the same date."""

from datetime import date

import pytest

from mappa.kit.forms import DATE_HINT, GovukForm, date_field


class OneDate(GovukForm):
    held_on = date_field("Date held")


@pytest.mark.parametrize(
    ("initial", "shown"),
    [
        (date(2026, 1, 1), "1/1/2026"),
        ("2026-01-01", "1/1/2026"),  # a saved answer kept as ISO text
        (date(2007, 3, 27), "27/3/2007"),
        (date(2026, 12, 2), "2/12/2026"),
    ],
)
def test_a_date_input_shows_day_month_year(initial, shown):
    html = str(OneDate(initial={"held_on": initial})["held_on"])
    assert f'value="{shown}"' in html
    assert "2026-01-01" not in html
    assert OneDate.base_fields["held_on"].help_text == DATE_HINT
    # What is shown is what the form reads back.
    form = OneDate(data={"held_on": shown})
    assert form.is_valid() and form.cleaned_data["held_on"] == date.fromisoformat(str(initial))


def test_what_the_user_typed_is_shown_back_as_typed():
    form = OneDate(data={"held_on": "31/2/2026"})
    assert not form.is_valid()
    assert 'value="31/2/2026"' in str(form["held_on"])
    assert form.errors["held_on"] == ["Date held must be a real date, for example 27/3/2007"]
