import uuid

from mappa.audit import context


class RequestIdMiddleware:
    """Give each request an id (echoed as X-Request-Id) for the audit log."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.id = uuid.uuid4().hex
        id_token = context.request_id.set(request.id)
        ip_token = context.ip_address.set(request.META.get("REMOTE_ADDR") or None)
        try:
            response = self.get_response(request)
        finally:
            context.request_id.reset(id_token)
            context.ip_address.reset(ip_token)
        response["X-Request-Id"] = request.id
        return response
