from django.urls import path

from mappa.agencies.views import home, signin

urlpatterns = [
    path("sign-in/", signin.sign_in, name="sign-in"),
    path("sign-in/code/", signin.second_factor_check, name="second-factor"),
    path("sign-in/set-up-authenticator/", signin.second_factor_setup, name="second-factor-setup"),
    path("sign-out/", signin.sign_out, name="sign-out"),
    path("signed-out/", signin.signed_out, name="signed-out"),
    path("account/password/", home.change_password, name="change-password"),
    path("account/api-tokens/", home.api_tokens, name="api-tokens"),
    path(
        "account/api-tokens/<uuid:token_id>/revoke/", home.revoke_api_token, name="revoke-api-token"
    ),
]
