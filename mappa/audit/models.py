from django.conf import settings
from django.db import models

from mappa.audit.events import EventType


class AppendOnlyError(Exception):
    """Raised on any attempt to change or remove an audit entry."""


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("the audit log is append-only: entries cannot be updated")

    def delete(self):
        raise AppendOnlyError("the audit log is append-only: entries cannot be deleted")


def chain_content(event) -> dict:
    """The fields an entry's hash covers, in a form that survives a database round trip.

    A function of the entry's fields, so migrations can use it on their historical models.
    """
    content = {
        "sequence": event.sequence,
        "occurred_at": event.occurred_at.isoformat(timespec="microseconds"),
        "actor": event.actor_id,
        "agency": str(event.agency_id) if event.agency_id else None,
        "area": str(event.area_id) if event.area_id else None,
        "subject": str(event.subject) if event.subject else None,
        "event_type": event.event_type,
        "payload": event.payload,
        "request_id": event.request_id,
        "ip_address": event.ip_address,
    }
    if event.key_id:
        content["key"] = event.key_id
    return content


class AuditEvent(models.Model):
    """One entry in the append-only, hash-chained audit log."""

    sequence = models.PositiveBigIntegerField(unique=True, editable=False)
    occurred_at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, null=True, related_name="+"
    )
    area = models.ForeignKey("agencies.Area", on_delete=models.PROTECT, null=True, related_name="+")
    subject = models.UUIDField(null=True, db_index=True)
    # Validated against the catalogue on write; no `choices` here, so a new
    # event type needs no migration.
    event_type = models.CharField(max_length=60, db_index=True)
    payload = models.JSONField(default=dict)
    request_id = models.CharField(max_length=64, blank=True)
    ip_address = models.GenericIPAddressField(null=True)
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)
    # Which audit key sealed the entry (mappa.audit.rules.key_id); blank for entries written
    # before the chain was keyed, which verify as plain SHA-256 (migration 0006).
    key_id = models.CharField(max_length=16, blank=True, editable=False)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["sequence"]
        indexes = [models.Index(fields=["area", "occurred_at"])]

    def __str__(self) -> str:
        return f"#{self.sequence} {self.event_type}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("the audit log is append-only: entries cannot be updated")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("the audit log is append-only: entries cannot be deleted")

    @property
    def event_label(self) -> str:
        return (
            EventType(self.event_type).label
            if self.event_type in EventType.values
            else self.event_type
        )

    def chain_content(self) -> dict:
        return chain_content(self)


class ChainHead(models.Model):
    """A single row locked while an entry is appended, so the chain stays linear.

    It is not trusted by verification: anyone who can write to the database can rewind it.
    Signed checkpoints kept off the machine catch a log cut short (rules.sign_checkpoint).
    """

    last_sequence = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64)

    def __str__(self) -> str:
        return f"audit chain head at #{self.last_sequence}"
