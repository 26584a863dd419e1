"""API authentication: per-user tokens, and browser sessions that passed the second factor."""

from __future__ import annotations

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from mappa.agencies.models import ApiToken
from mappa.agencies.permissions import second_factor_satisfied
from mappa.agencies.services import token_digest


class ApiTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Token"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].decode(errors="replace") != self.keyword:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(
                "The Authorization header must be 'Token <token>'"
            )
        try:
            raw = header[1].decode()
        except UnicodeDecodeError as error:
            raise exceptions.AuthenticationFailed(
                "The token contains invalid characters"
            ) from error
        token = (
            ApiToken.objects.select_related("user", "user__agency", "user__area")
            .filter(digest=token_digest(raw), revoked_at__isnull=True)
            .first()
        )
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed("The token is not valid")
        if AxesProxyHandler.is_locked(request, {"username": token.user.username}):
            # The lock is on the account (docs/decisions/0002), so it holds for its tokens too.
            minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
            raise exceptions.AuthenticationFailed(
                "The account is locked after repeated failed sign-ins; "
                f"try again after {minutes} minutes"
            )
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        user = token.user
        # A token was issued to a session that passed the second factor.
        user.is_verified = lambda: True
        return user, token

    def authenticate_header(self, request) -> str:
        return self.keyword


class VerifiedSessionAuthentication(authentication.SessionAuthentication):
    def authenticate(self, request):
        result = super().authenticate(request)
        if result is None or not second_factor_satisfied(result[0]):
            return None
        return result


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = ApiTokenAuthentication
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "Token <token>",
        }


class VerifiedSessionScheme(OpenApiAuthenticationExtension):
    target_class = VerifiedSessionAuthentication
    name = "cookieAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "apiKey", "in": "cookie", "name": "sessionid"}
