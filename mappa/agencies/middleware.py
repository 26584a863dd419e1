import time

RENEW_AFTER_SECONDS = 60


class IdleTimeoutMiddleware:
    """Sign people out after MAPPA_SESSION_IDLE_MINUTES without a request.

    Saving a session moves its expiry to SESSION_COOKIE_AGE from now; this saves it
    on activity at most once a minute, so a busy page does not rewrite the session on
    every request (SESSION_SAVE_EVERY_REQUEST would).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and not session.is_empty():
            now = int(time.time())
            if now - session.get("_renewed_at", 0) >= RENEW_AFTER_SECONDS:
                session["_renewed_at"] = now
        return response


class NoStoreMiddleware:
    """Tell browsers and proxies to keep no copy of any response but the assets.

    Staff pages and API responses hold OFFICIAL-SENSITIVE case content, and the public site's
    application pages hold what an applicant told us (someone else may use the same browser),
    so every response is sent with `Cache-Control: no-store`, whatever its status. The assets
    (`/static/`, served by WhiteNoise before this runs, and GOV.UK and MoJ Frontend's fonts
    and images under `/assets/`) keep their long cache.
    """

    ASSETS = ("/static/", "/assets/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(self.ASSETS):
            response["Cache-Control"] = "no-store"
        return response
