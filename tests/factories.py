"""Plain `create_<thing>(**overrides)` factories with deterministic defaults."""

from __future__ import annotations

import itertools

from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from mappa.agencies.constants import AgencyKind, Role
from mappa.agencies.models import Agency, Area, User

_counter = itertools.count(1)

PASSWORD = "correct horse battery staple"


def create_area(**overrides) -> Area:
    n = next(_counter)
    fields = {"code": f"AREA{n}", "name": f"Area {n}", "population": 1_000_000} | overrides
    return Area.objects.create(**fields)


def create_agency(**overrides) -> Agency:
    n = next(_counter)
    fields = {"name": f"Police {n}", "kind": AgencyKind.POLICE} | overrides
    if "area" not in fields:
        fields["area"] = create_area()
    return Agency.objects.create(**fields)


def create_user(**overrides) -> User:
    n = next(_counter)
    fields = {
        "username": f"user{n}",
        "role": Role.RA_PRACTITIONER,
        "first_name": "Test",
        "last_name": f"User {n}",
    }
    fields |= overrides
    if fields.get("role") not in {Role.SYSADMIN, Role.LAY_ADVISER} and "agency" not in fields:
        fields["agency"] = create_agency()
    if fields.get("agency") is not None and "area" not in fields:
        fields["area"] = fields["agency"].area
    password = fields.pop("password", PASSWORD)
    user = User(**fields)
    user.set_password(password)
    user.save()
    return user


def create_totp_device(user: User, **overrides) -> TOTPDevice:
    fields = {"user": user, "name": "Authenticator app", "confirmed": True} | overrides
    return TOTPDevice.objects.create(**fields)


def current_code(device: TOTPDevice) -> str:
    """The code an authenticator app would show now (RFC 6238, via django-otp)."""
    from django_otp.oath import TOTP

    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = timezone.now().timestamp()
    return f"{totp.token():0{device.digits}d}"
