"""The one error shape of the API and the public health endpoint.

Every 4xx answer is {"code": "...", "message": "<localized>", "details": [...]}.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Router, Schema
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from .exceptions import ApplicationError

STATUS_CODES = {
    400: "bad_request",
    401: "not_authenticated",
    403: "permission_denied",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    422: "validation_error",
    423: "locked",
    429: "too_many_requests",
}


def error_body(code: str, message: str, details: list[dict[str, Any]] | None = None) -> dict:
    return {"code": code, "message": str(message), "details": details or []}


def error_response(
    status: int, code: str, message: str, details: list[dict[str, Any]] | None = None
) -> JsonResponse:
    return JsonResponse(error_body(code, message, details), status=status)


def _validation_details(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    details = []
    for error in errors:
        loc = [str(part) for part in error.get("loc", ()) if part not in ("body", "payload")]
        details.append({"field": ".".join(loc), "message": error.get("msg", "")})
    return details


def install_error_handlers(api: NinjaAPI) -> None:
    """Map every exception the API can raise to the shared error shape."""

    def on_application_error(request: HttpRequest, exc: Any) -> HttpResponse:
        return error_response(exc.status, exc.code, exc.message, exc.details)

    def on_validation(request: HttpRequest, exc: Any) -> HttpResponse:
        message = _("Some fields are missing or invalid.")
        return error_response(422, "validation_error", message, _validation_details(exc.errors))

    def on_authentication(request: HttpRequest, exc: Any) -> HttpResponse:
        message = _("Sign in, or send a valid API token as 'Authorization: Bearer <token>'.")
        return error_response(401, "not_authenticated", message)

    def on_permission(request: HttpRequest, exc: Any) -> HttpResponse:
        return error_response(403, "permission_denied", _("You do not have permission for this."))

    def on_not_found(request: HttpRequest, exc: Any) -> HttpResponse:
        return error_response(404, "not_found", _("Not found."))

    def on_throttled(request: HttpRequest, exc: Any) -> HttpResponse:
        return error_response(429, "too_many_requests", _("Too many requests; try again later."))

    def on_http_error(request: HttpRequest, exc: Any) -> HttpResponse:
        code = STATUS_CODES.get(exc.status_code, "error")
        return error_response(exc.status_code, code, str(exc))

    api.add_exception_handler(ApplicationError, on_application_error)
    api.add_exception_handler(ValidationError, on_validation)
    api.add_exception_handler(AuthenticationError, on_authentication)
    api.add_exception_handler(PermissionDenied, on_permission)
    api.add_exception_handler(Http404, on_not_found)
    api.add_exception_handler(Throttled, on_throttled)
    api.add_exception_handler(HttpError, on_http_error)


class HealthOut(Schema):
    status: str
    database: str


router = Router(tags=["system"])


@router.get("/health", auth=None, response=HealthOut, summary="Service health (no sign-in)")
def health(request: HttpRequest) -> dict[str, str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"status": "ok", "database": connection.vendor}
