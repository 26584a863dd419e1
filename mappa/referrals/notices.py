"""Telling the referrer that their referral was screened: a link only, never case content."""

from __future__ import annotations

from django.core.mail import send_mail

from mappa.kit import links

SUBJECT = "MAPPA referral: a screening decision has been made"
BODY = """A decision has been made on a MAPPA referral you made.

Sign in to see the decision: {link}

This message does not contain any case details. Do not reply to it.
"""


def tell_referrer(referral, decision) -> None:
    """E-mail the referrer (if they have an address); the decision itself is only on the site."""
    recipient = referral.referred_by.email
    if not recipient:
        return
    link = links.page("referral", referral_id=referral.id)
    send_mail(SUBJECT, BODY.format(link=link), None, [recipient])
