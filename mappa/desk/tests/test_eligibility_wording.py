"""The eligibility panel in words (issue 16 item 15): "10 years", not "P10Y"; "2 December
2026", not "2026-12-02"."""

import json
import re

import pytest

from mappa.desk.templatetags.wording import dates_in_words, period_in_words
from mappa.people import services
from mappa.people.import_format import NominalRecord
from mappa.people.tests.records import record


@pytest.mark.parametrize(
    ("period", "words"),
    [
        # SOA 2003 s.82(1) table: the periods as the rules write them (ISO 8601 durations).
        ("P10Y", "10 years"),
        ("P7Y", "7 years"),
        ("P5Y", "5 years"),
        ("P2Y", "2 years"),
        ("P3Y6M", "3 years and 6 months"),  # s.82(2): 7 years halved for an under-18
        ("P1Y", "1 year"),
        ("P6M", "6 months"),
        ("indefinite", "Indefinite"),
        ("not a period", "not a period"),
    ],
)
def test_a_notification_period_in_words(period, words):
    assert period_in_words(period) == words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("from 2026-12-02 (s.82)", "from 2 December 2026 (s.82)"),
        ("the relevant date 2016-01-05; ended on 2021-01-04", "the relevant date 5 January 2016; ended on 4 January 2021"),
        ("not a date 2026-13-45", "not a date 2026-13-45"),
        ("no dates", "no dates"),
    ],
)  # fmt: skip
def test_dates_in_a_reason_in_words(text, words):
    assert dates_in_words(text) == words


@pytest.mark.django_db
def test_the_eligibility_panel_has_no_iso_periods_or_dates(demo, signed_in):
    data = NominalRecord.model_validate_json(json.dumps(record(1)))
    smith = services.save_nominal(actor=demo["coordinator"], record=data, via="test")
    page = signed_in("probation.om").get(f"/people/{smith.id}/").content.decode()
    panel = page[page.index('data-testid="eligibility"') : page.index('id="case-heading"')]
    assert "Notification period" in panel
    assert not re.search(r"\bP\d+[YMD]", panel), panel
    assert not re.search(r"\d{4}-\d{2}-\d{2}", panel), panel
    assert re.search(r"\d+ years?", panel), panel
