from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

UserModel = get_user_model()


class UserWithAgencyBackend(ModelBackend):
    """Django's password backend, loading the user's agency and area with the user.

    Every request that writes an audit entry needs them.
    """

    def get_user(self, user_id):
        user = (
            UserModel._default_manager.select_related("agency", "area").filter(pk=user_id).first()
        )
        return user if user and self.user_can_authenticate(user) else None
