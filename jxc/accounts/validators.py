"""Password rules whose messages JXC translates itself (Django's zh-hans lacks this one)."""

from __future__ import annotations

from django.contrib.auth import password_validation
from django.utils.translation import ngettext


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self) -> str:
        return ngettext(
            "The password is too short: use at least %(count)d character.",
            "The password is too short: use at least %(count)d characters.",
            self.min_length,
        ) % {"count": self.min_length}
