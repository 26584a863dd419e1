"""Signing in: password (with lockout), then the authenticator-app code."""

from __future__ import annotations

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth import authenticate, login, logout
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from mappa.agencies import permissions, second_factor, services
from mappa.agencies.forms import SecondFactorForm, SignInForm
from mappa.agencies.permissions import requires

LOCKED_TEMPLATE = "agencies/locked.html"


def locked_out(request, response=None, credentials=None):
    """The page django-axes shows while an account is locked."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, LOCKED_TEMPLATE, {"minutes": minutes}, status=429)


def _safe_next(request) -> str | None:
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, request.is_secure()
    ):
        return target
    return None


@requires(permissions.PUBLIC)
def sign_in(request):
    form = SignInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        username, password = form.cleaned_data["username"], form.cleaned_data["password"]
        already_locked = AxesProxyHandler.is_locked(request, {"username": username})
        user = authenticate(request, username=username, password=password)
        if user is None:
            if already_locked:
                services.record_sign_in_failed(username=username, reason="account locked")
                return locked_out(request)
            services.record_sign_in_failed(username=username, reason="wrong username or password")
            if getattr(request, "axes_locked_out", False):
                services.record_locked_out(username=username)
                return locked_out(request)
            form.add_error(None, "Enter a correct username and password")
        else:
            login(request, user)
            target = _safe_next(request)
            if permissions.second_factor_satisfied(request.user):
                services.record_signed_in(
                    actor=user, method="password (demo persona, no second factor)"
                )
                return redirect(target or "dashboard")
            step = (
                "second-factor" if second_factor.has_second_factor(user) else "second-factor-setup"
            )
            response = redirect(step)
            if target:
                request.session["after_sign_in"] = target
            return response
    return render(request, "agencies/sign_in.html", {"form": form, "next": _safe_next(request)})


def _after_sign_in(request):
    return redirect(request.session.pop("after_sign_in", None) or "dashboard")


@requires(permissions.SIGNING_IN)
def second_factor_check(request):
    if not second_factor.has_second_factor(request.user):
        return redirect("second-factor-setup")
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if second_factor.verify(
            request=request, actor=request.user, code=form.cleaned_data["code"]
        ):
            return _after_sign_in(request)
        form.add_error(
            "code", "The code is not correct; enter the current code from your authenticator app"
        )
    return render(request, "agencies/second_factor.html", {"form": form})


@requires(permissions.SIGNING_IN)
def second_factor_setup(request):
    if second_factor.has_second_factor(request.user):
        return redirect("second-factor")
    device = second_factor.pending_device(actor=request.user)
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.confirm_enrolment(
            request=request, actor=request.user, device=device, code=form.cleaned_data["code"]
        ):
            return _after_sign_in(request)
        form.add_error(
            "code",
            "The code is not correct; check the time on your device and try the current code",
        )
    context = {
        "form": form,
        "qr_code": second_factor.qr_code_data_uri(device),
        "secret": second_factor.secret_for_manual_entry(device),
    }
    return render(request, "agencies/second_factor_setup.html", context)


@require_POST
@requires(permissions.SIGNING_IN)
def sign_out(request):
    services.record_signed_out(actor=request.user)
    logout(request)
    return redirect("signed-out")


@requires(permissions.PUBLIC)
def signed_out(request):
    return render(request, "agencies/signed_out.html")
