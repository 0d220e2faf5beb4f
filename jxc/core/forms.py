"""Helpers for pages that parse a form and call a service."""

from __future__ import annotations

from django import forms

from .exceptions import ApplicationError


def form_add_application_error(form: forms.Form, exc: ApplicationError) -> None:
    """Show a service's error on the form field it names (its first detail that is a field of
    this form), or above the form when it names none."""
    fields = [d.get("field") for d in exc.details if d.get("field") in form.fields]
    form.add_error(fields[0] if fields else None, exc.message)
