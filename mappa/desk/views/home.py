"""The start page and each role's dashboard."""

from django.shortcuts import redirect, render

from mappa.agencies import permissions
from mappa.agencies.permissions import requires
from mappa.desk import dashboards


@requires(permissions.PUBLIC)
def start(request):
    if request.user.is_authenticated:
        return redirect("dashboard")
    return redirect("sign-in")


@requires(permissions.SIGNED_IN)
def dashboard(request):
    context = dashboards.context_for(request.user, request.GET)
    return render(request, "desk/dashboard.html", context)
