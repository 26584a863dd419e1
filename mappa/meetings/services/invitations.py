"""Every change to meeting invitations: inviting, withdrawing, answering.

Inviting someone who would not otherwise see the case (a duty-to-co-operate agency or
practitioner) grants them access to it for the meeting's purpose, audited, until
`MAPPA_MEETING_ACCESS_DAYS` after the meeting day. The e-mail goes once the
transaction has committed, and only to people not already invited to the meeting.
"""

from __future__ import annotations

from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from mappa import versions
from mappa.agencies import permissions
from mappa.agencies import rules as agency_rules
from mappa.agencies import services as access
from mappa.agencies.constants import AccessReason
from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.meetings import notices, rules
from mappa.meetings.constants import MeetingStatus, Response
from mappa.meetings.models import AgendaItem, Invitation
from mappa.meetings.queries import meetings


def needs_grant(meeting, *, user=None, agency=None) -> bool:
    """Whether the invitee would not see the case without a grant (need to know)."""
    if agency is not None:
        return not agency_rules.is_responsible_authority(agency.kind)
    return user.area_id != meeting.area_id or not permissions.role_has(
        user, permissions.VIEW_AREA_CASES
    )


def _check_invitee(meeting, item: AgendaItem, user, agency) -> None:
    if (user is None) == (agency is None):
        raise ValidationError("Choose either a person or an agency to invite")
    if meeting.status != MeetingStatus.PLANNED:
        raise ValidationError("Invitations can be sent only while the meeting is planned")
    if user is not None:
        if user.area_id != meeting.area_id or not user.is_active:
            raise ValidationError({"person": "Choose an active person in this MAPPA area"})
        if not permissions.role_has(user, permissions.VIEW_CASES):
            raise ValidationError({"person": f"{user.display_name} cannot be shown cases"})
        if meetings.live_invitations(item).filter(invitee_user=user).exists():
            raise ValidationError({"person": f"{user.display_name} is already invited"})
    else:
        if agency.area_id != meeting.area_id:
            raise ValidationError({"agency": "Choose an agency in this MAPPA area"})
        if meetings.live_invitations(item).filter(invitee_agency=agency).exists():
            raise ValidationError({"agency": f"{agency.name} is already invited"})


def _already_told(meeting, invitation: Invitation) -> set:
    others = meetings.meeting_invitations(meeting).exclude(id=invitation.id)
    return {user.pk for other in others for user in notices.recipients(other)}


def invite(
    *, actor, item: AgendaItem, user=None, agency=None, as_standing_member: bool = False
) -> Invitation:
    """Invite a person or an agency to discuss one case; grant access if they need it.

    `as_standing_member`: invited as a standing member of the meeting's series (`standing.py`).
    """
    meeting = item.meeting
    _check_invitee(meeting, item, user, agency)
    notices.meeting_link(meeting)  # refuse now, not after committing, if links cannot be made
    now = timezone.now()
    with transaction.atomic():
        grant = None
        if needs_grant(meeting, user=user, agency=agency):
            grant = access.grant_case_access(
                actor=actor,
                case=item.case_id,
                reason=AccessReason.MEETING_INVITATION,
                grantee_user=user,
                grantee_agency=agency,
                expires_at=rules.access_expires_at(
                    meeting_date=meeting.date,
                    days=settings.MAPPA_MEETING_ACCESS_DAYS,
                    tz=timezone.get_default_timezone(),
                ),
                explanation=f"Invited to the level {meeting.level} meeting on {meeting.date}",
            )
        invitation = Invitation.objects.create(
            agenda_item=item,
            invitee_user=user,
            invitee_agency=agency,
            invited_by=actor,
            invited_at=now,
            access_grant=grant,
            as_standing_member=as_standing_member,
        )
        audit.record(
            actor=actor,
            event_type=EventType.MEETING_INVITATION_SENT,
            subject=item.case_id,
            payload={
                "meeting": str(meeting.id),
                "invitation": str(invitation.id),
                "invitee": user.username if user else f"agency:{agency.pk}",
                "grant": str(grant.id) if grant else None,
            },
        )
        told = _already_told(meeting, invitation)
        to_tell = [person for person in notices.recipients(invitation) if person.pk not in told]
        transaction.on_commit(partial(notices.send_invitations, meeting, to_tell))
    return invitation


def withdraw(*, actor, invitation: Invitation) -> bool:
    """Withdraw an invitation and revoke the access it granted; True if a grant was revoked."""
    if invitation.withdrawn_at is not None:
        raise ValidationError("This invitation has already been withdrawn")
    grant = invitation.access_grant
    with transaction.atomic():
        invitation.withdrawn_at = timezone.now()
        invitation.withdrawn_by = actor
        invitation.save(update_fields=["withdrawn_at", "withdrawn_by"])
        revoked = grant is not None and grant.is_active(timezone.now())
        if revoked:
            access.revoke_case_access(actor=actor, grant=grant)
        audit.record(
            actor=actor,
            event_type=EventType.MEETING_INVITATION_WITHDRAWN,
            subject=invitation.agenda_item.case_id,
            payload={
                "meeting": str(invitation.agenda_item.meeting_id),
                "invitation": str(invitation.id),
            },
        )
    return revoked


def respond(
    *, actor, invitation: Invitation, version: int | None, response: str, note: str = ""
) -> Invitation:
    """The invitee (or someone in the invited agency) says whether they will attend.

    `version` is the invitation's version the answer started from: an answer given since
    (by a colleague in the invited agency) is not overwritten (`versions.StaleEdit`).
    """
    if response not in Response.values or response == Response.AWAITING:
        raise ValidationError({"response": "Choose whether you will attend"})
    if invitation.agenda_item.meeting.status != MeetingStatus.PLANNED:
        raise ValidationError("This meeting has already taken place or was cancelled")
    if response == Response.SENDING_REPORT and not note.strip():
        raise ValidationError({"note": "Say what the report covers and when it will be sent"})
    with transaction.atomic():
        versions.claim(invitation, version=version, actor=actor)
        invitation.response = response
        invitation.response_note = note.strip()
        invitation.responded_by = actor
        invitation.responded_at = timezone.now()
        invitation.save(update_fields=["response", "response_note", "responded_by", "responded_at"])
        audit.record(
            actor=actor,
            event_type=EventType.MEETING_INVITATION_ANSWERED,
            subject=invitation.agenda_item.case_id,
            payload={"invitation": str(invitation.id), "response": response},
        )
    return invitation
