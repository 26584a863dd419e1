"""Enrolling and checking the TOTP second factor (django-otp)."""

from __future__ import annotations

import base64
import io

import qrcode
import qrcode.image.svg
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from mappa.agencies import services
from mappa.agencies.models import User


def has_second_factor(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_device(*, actor: User) -> TOTPDevice:
    """The unconfirmed authenticator the user is setting up, created on first need."""
    device = TOTPDevice.objects.filter(user=actor, confirmed=False).first()
    return device or TOTPDevice.objects.create(
        user=actor, name="Authenticator app", confirmed=False
    )


def qr_code_data_uri(device: TOTPDevice) -> str:
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def secret_for_manual_entry(device: TOTPDevice) -> str:
    return base64.b32encode(device.bin_key).decode()


def verify(*, request, actor: User, code: str) -> bool:
    device = match_token(actor, code)
    if device is None:
        services.record_second_factor_failed(actor=actor, stage="sign-in")
        return False
    otp_login(request, device)
    services.record_signed_in(actor=actor, method="password and authenticator app")
    return True
