"""The public site: information pages and the two scheme application forms.

No account is needed. Every page sends `Cache-Control: no-store` (nothing is kept in the
browser's cache or history for someone else to find) and `Referrer-Policy: no-referrer` (the
page "Exit this page" leads to learns nothing of this site), and carries "Exit this page".
"""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from mappa.agencies import permissions
from mappa.disclosures.constants import Scheme
from mappa.disclosures.forms.answers import posted
from mappa.disclosures.services import applications as scheme_services
from mappa.public.csrf import public_form_csrf
from mappa.public.forms import CsodsForm, DvdsForm

SENT_REFERENCE = "public_application_reference"


def public_page(view):
    """Declare the page public and send the public site's referrer policy (no-store comes from
    `agencies.middleware.NoStoreMiddleware`, as on every page)."""

    @permissions.requires(permissions.PUBLIC)
    @wraps(view)
    def guarded(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Referrer-Policy"] = "no-referrer"
        return response

    return guarded


def _render(request, template: str, context: dict | None = None, status: int = 200):
    shared = {
        "exit_page_url": settings.MAPPA_EXIT_PAGE_URL,
        "csods_days": settings.MAPPA_CSODS_TARGET_DAYS,
        "dvds_days": settings.MAPPA_DVDS_TARGET_DAYS,
    }
    return render(request, template, shared | (context or {}), status=status)


def information(template: str):
    """A plain information page."""

    @public_page
    @require_http_methods(["GET", "HEAD"])
    def page(request):
        return _render(request, f"public/{template}.html")

    page.__name__ = page.__qualname__ = template.replace("-", "_")
    return page


def applications_per_minute(group, request) -> str:
    return f"{settings.MAPPA_PUBLIC_APPLICATIONS_PER_MINUTE}/m"


FORMS = {Scheme.CSODS: CsodsForm, Scheme.DVDS: DvdsForm}
TEMPLATES = {Scheme.CSODS: "public/apply_csods.html", Scheme.DVDS: "public/apply_dvds.html"}


def _apply(request, scheme: str):
    if request.method == "POST" and getattr(request, "limited", False):
        return _render(request, "public/too_many.html", status=429)
    form = FORMS[scheme](posted(request))
    if request.method == "POST" and form.is_valid():
        application = scheme_services.receive_application(
            actor=None,
            scheme=scheme,
            area=form.cleaned_data["area"],
            details=form.application_details(),
        )
        request.session[SENT_REFERENCE] = application.reference
        return redirect("public-application-sent")
    return _render(request, TEMPLATES[scheme], {"form": form})


@public_form_csrf
@public_page
@require_http_methods(["GET", "HEAD", "POST"])
@ratelimit(
    group="public-applications", key="ip", rate=applications_per_minute, method="POST", block=False
)
def apply_csods(request):
    return _apply(request, Scheme.CSODS)


@public_form_csrf
@public_page
@require_http_methods(["GET", "HEAD", "POST"])
@ratelimit(
    group="public-applications", key="ip", rate=applications_per_minute, method="POST", block=False
)
def apply_dvds(request):
    return _apply(request, Scheme.DVDS)


@public_page
@require_http_methods(["GET", "HEAD"])
def application_sent(request):
    """The reference, shown once: it leaves the session as it is shown."""
    reference = request.session.pop(SENT_REFERENCE, None)
    if reference is None:
        return redirect("public-apply")
    return _render(request, "public/sent.html", {"reference": reference})
