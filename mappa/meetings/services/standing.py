"""The standing members of a meeting series: police, probation, prison and anyone else the
co-ordinator names, invited to every case listed at the series' meetings.

They are invited through `invitations.invite`, so they get the same access (a grant when they
would not otherwise see the case) and the same single e-mail per meeting as any invitee. The
minutes reach them too (`circulation.recipients`). Someone who stops being a standing member
has those invitations to the series' planned meetings withdrawn, and the access they gave with
them; an invitation by name stays.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from mappa import versions
from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.meetings.constants import MeetingStatus
from mappa.meetings.models import AgendaItem, Invitation, MeetingSeries
from mappa.meetings.queries import meetings
from mappa.meetings.services import invitations


def set_standing_members(
    *, actor, series: MeetingSeries, version: int | None, members
) -> MeetingSeries:
    """Replace the series' standing members; those added are invited to the cases already
    listed at its planned meetings from today, and those removed lose the invitations (and the
    access) they had as standing members of those meetings.

    `version` is the series' version the editor started from: a change saved since is not
    overwritten (`versions.StaleEdit`).
    """
    chosen = set(members)
    allowed = set(meetings.people_who_see_cases(series.area_id))
    refused = sorted(user.display_name for user in chosen - allowed)
    if refused:
        raise ValidationError(
            {
                "members": f"{', '.join(refused)} cannot be a standing member: choose active "
                "people in this MAPPA area who can be shown cases"
            }
        )
    current = set(series.standing_members.all())
    added, removed = chosen - current, current - chosen
    if not added and not removed:
        return series
    with transaction.atomic():
        versions.claim(series, version=version, actor=actor)
        series.standing_members.add(*added)
        series.standing_members.remove(*removed)
        audit.record(
            actor=actor,
            event_type=EventType.MEETING_SERIES_MEMBERS_CHANGED,
            payload={
                "series": str(series.id),
                "added": sorted(user.username for user in added),
                "removed": sorted(user.username for user in removed),
            },
        )
        planned = {
            "meeting__series": series,
            "meeting__status": MeetingStatus.PLANNED,
            "meeting__date__gte": timezone.localdate(),
        }
        for item in AgendaItem.objects.filter(**planned).select_related("meeting__series"):
            invite_standing_members(actor=actor, item=item, members=added)
        ended = Invitation.objects.filter(
            invitee_user__in=removed,
            as_standing_member=True,
            withdrawn_at__isnull=True,
            **{f"agenda_item__{key}": value for key, value in planned.items()},
        ).select_related("agenda_item", "access_grant")
        for invitation in ended:
            invitations.withdraw(actor=actor, invitation=invitation)
    return series


def invite_standing_members(*, actor, item: AgendaItem, members=None) -> list[Invitation]:
    """Invite the series' standing members (or `members` of them) to one listed case.

    Anyone already invited by name is left as they are, and so is anyone who can no longer be
    invited (their account closed, or moved to another area) until the co-ordinator removes them.
    """
    series = item.meeting.series
    if series is None:
        return []
    people = series.standing_members.all() if members is None else members
    already = set(
        meetings.live_invitations(item)
        .filter(invitee_user__isnull=False)
        .values_list("invitee_user_id", flat=True)
    )
    eligible = set(
        meetings.people_who_see_cases(item.meeting.area_id).filter(
            pk__in=[person.pk for person in people]
        )
    )
    return [
        invitations.invite(actor=actor, item=item, user=person, as_standing_member=True)
        for person in sorted(eligible, key=lambda user: user.username)
        if person.pk not in already
    ]
