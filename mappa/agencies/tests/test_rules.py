"""Pure rules about agencies and access."""

from datetime import datetime, timedelta

import pytest

from mappa.agencies import rules
from mappa.agencies.constants import AgencyKind

NOW = datetime(2026, 11, 21, 12, 0)


@pytest.mark.parametrize("kind", ["police", "probation", "prison"])
def test_police_probation_and_prisons_are_the_responsible_authority(kind):
    # CJA 2003 s.325(1)
    assert rules.is_responsible_authority(kind)
    assert not rules.is_duty_to_cooperate(kind)


def test_every_other_agency_kind_has_the_duty_to_cooperate():
    # CJA 2003 s.325(3) and (6): the duty-to-co-operate bodies
    others = set(AgencyKind.values) - rules.RESPONSIBLE_AUTHORITY_KINDS
    assert others == rules.DUTY_TO_COOPERATE_KINDS


@pytest.mark.parametrize(
    ("expires_at", "revoked_at", "active"),
    [
        (None, None, True),
        (NOW + timedelta(seconds=1), None, True),
        (NOW, None, False),
        (NOW - timedelta(days=1), None, False),
        (None, NOW, False),
        (None, NOW + timedelta(days=1), True),
    ],
)
def test_a_grant_is_active_until_it_expires_or_is_revoked(expires_at, revoked_at, active):
    assert rules.grant_is_active(now=NOW, expires_at=expires_at, revoked_at=revoked_at) is active
