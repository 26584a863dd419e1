from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from mappa.agencies import permissions, queries, services
from mappa.agencies.forms import ApiTokenForm, PasswordChangeForm
from mappa.agencies.permissions import requires


@requires(permissions.SIGNED_IN)
def api_tokens(request):
    form = ApiTokenForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        _, new_token = services.create_api_token(actor=request.user, name=form.cleaned_data["name"])
        form = ApiTokenForm()
    tokens = queries.api_tokens_for(request.user).filter(revoked_at__isnull=True)
    return render(
        request,
        "agencies/api_tokens.html",
        {"form": form, "tokens": tokens, "new_token": new_token},
    )


@require_POST
@requires(permissions.SIGNED_IN)
def revoke_api_token(request, token_id):
    token = queries.get_api_token(request.user, token_id)
    services.revoke_api_token(actor=request.user, token=token)
    messages.success(request, f"The token ‘{token.name}’ has been revoked")
    return redirect("api-tokens")


@requires(permissions.SIGNED_IN)
def change_password(request):
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.change_password(
            actor=request.user, new_password=form.cleaned_data["new_password1"]
        )
        update_session_auth_hash(request, request.user)
        messages.success(request, "Your password has been changed")
        return redirect("dashboard")
    return render(request, "agencies/change_password.html", {"form": form})
