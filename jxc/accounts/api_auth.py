"""API authentication: a personal token (Bearer) or the browser session with its CSRF token.

Each operation's auth object carries its access level, which the authorization matrix reads.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext as _
from ninja.security import HttpBearer
from ninja.utils import check_csrf

from jxc.core.access import LOGIN, user_has_access
from jxc.core.exceptions import ApplicationError

from .services import api_token_authenticate

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


class InvalidToken(ApplicationError):
    code = "invalid_token"
    status = 401


class CsrfFailed(ApplicationError):
    code = "csrf_failed"
    status = 403


class ApiAuth(HttpBearer):
    """Token or session auth plus an access check (LOGIN or a permission name)."""

    def __init__(self, access: str = LOGIN) -> None:
        self.access = access
        super().__init__()

    def __call__(self, request: HttpRequest) -> Any:
        header = request.headers.get("Authorization", "")
        if header:
            user = self._token_user(header)
            request.user = user
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
        elif request.user.is_authenticated:
            user = request.user
            if request.method not in SAFE_METHODS and check_csrf(request) is not None:
                raise CsrfFailed(_("The CSRF token is missing or wrong; reload the page."))
        else:
            return None
        if not user_has_access(user, self.access):
            raise PermissionDenied
        return user

    def _token_user(self, header: str) -> Any:
        scheme, _sep, secret = header.partition(" ")
        user = None
        if scheme.lower() == "bearer" and secret.strip():
            user = api_token_authenticate(secret=secret.strip())
        if user is None:
            raise InvalidToken(_("The API token is missing, wrong or revoked."))
        return user

    def authenticate(self, request: HttpRequest, token: str) -> Any:  # pragma: no cover
        return api_token_authenticate(secret=token)
