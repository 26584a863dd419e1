"""Links to the service from outside it, for the e-mails it sends.

E-mail leaves the secure system, so every notice carries a link to the page and nothing of the
case. A link is the site's address (`settings.MAPPA_SITE_URL`) followed by the page's path.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse


def require_site(purpose: str) -> None:
    """Refuse while the site's address is unset, before anything is written that would need a
    link (`purpose` completes "MAPPA_SITE_URL must be set to …")."""
    if not settings.MAPPA_SITE_URL:
        raise ImproperlyConfigured(f"MAPPA_SITE_URL must be set to {purpose}")


def absolute(path: str) -> str:
    """The address of `path` (a path on the site, as `reverse()` gives) from outside it."""
    return settings.MAPPA_SITE_URL.rstrip("/") + path


def page(name: str, **kwargs) -> str:
    """The address of the named route from outside the site."""
    return absolute(reverse(name, kwargs=kwargs))
