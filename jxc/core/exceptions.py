"""Errors raised by services; pages show them as form errors, the API as its error shape."""

from __future__ import annotations

from typing import Any


class ApplicationError(Exception):
    """A business rule said no. `message` is already translated for the current user.

    `code` is a stable machine-readable identifier; `details` lists per-field or per-row
    problems ({"field": ..., "message": ...}); `status` is the HTTP status the API uses.
    """

    code = "invalid"
    status = 400

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        details: list[dict[str, Any]] | None = None,
        status: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = str(message)
        if code is not None:
            self.code = code
        if status is not None:
            self.status = status
        self.details = details or []


class NotAllowed(ApplicationError):
    """The user may not do this (missing permission or outside their data scope)."""

    code = "permission_denied"
    status = 403


class NotFound(ApplicationError):
    code = "not_found"
    status = 404
