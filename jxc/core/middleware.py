"""Turn business-rule errors that escape a page view into a proper answer.

A NotAllowed (missing permission, outside the user's data scope) becomes the localized 403
page and an audit entry; other ApplicationErrors become a 400 page with their message. The API
has its own handlers (jxc.core.api) and never reaches this.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .exceptions import ApplicationError, NotAllowed


class ApplicationErrorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, ApplicationError):
            return None
        if isinstance(exception, NotAllowed):
            from jxc.accounts.audit import audit_record
            from jxc.accounts.enums import AuditAction

            user = request.user if request.user.is_authenticated else None
            audit_record(
                action=AuditAction.DENIED,
                actor=user,
                request=request,
                note=f"{request.method} {request.path}: {exception.code}"[:255],
            )
        context = {"message": exception.message, "status_code": exception.status}
        return render(request, "web/application_error.html", context, status=exception.status)
