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
        """The fields the hash covers, in a form that survives a database round trip."""
        return {
            "sequence": self.sequence,
            "occurred_at": self.occurred_at.isoformat(timespec="microseconds"),
            "actor": self.actor_id,
            "agency": str(self.agency_id) if self.agency_id else None,
            "area": str(self.area_id) if self.area_id else None,
            "subject": str(self.subject) if self.subject else None,
            "event_type": self.event_type,
            "payload": self.payload,
            "request_id": self.request_id,
            "ip_address": self.ip_address,
        }


class ChainHead(models.Model):
    """A single row locked while an entry is appended, so the chain stays linear."""

    last_sequence = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64)

    def __str__(self) -> str:
        return f"audit chain head at #{self.last_sequence}"
