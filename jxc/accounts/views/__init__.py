"""Account pages: sign-in, password, language, two-factor, users, scopes, tokens, audit log."""

from .auth import (
    language_set,
    lockout_response,
    login_view,
    logout_view,
    password_change,
)
from .security import audit_list, token_list, token_revoke, totp_setup
from .users import user_create, user_edit, user_list, user_password, user_scopes

__all__ = [
    "audit_list",
    "language_set",
    "lockout_response",
    "login_view",
    "logout_view",
    "password_change",
    "token_list",
    "token_revoke",
    "totp_setup",
    "user_create",
    "user_edit",
    "user_list",
    "user_password",
    "user_scopes",
]
