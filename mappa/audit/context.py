"""The request an audit entry was written in: its id and the client address."""

from contextvars import ContextVar

request_id: ContextVar[str] = ContextVar("request_id", default="")
ip_address: ContextVar[str | None] = ContextVar("ip_address", default=None)
