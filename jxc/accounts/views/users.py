"""User administration: list, create, edit roles, reset password, set data scopes."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from jxc.core.access import requires
from jxc.core.exceptions import ApplicationError

from .. import services
from ..enums import ScopeKind
from ..forms import PasswordResetByAdminForm, ScopeForm, UserCreateForm, UserForm
from ..models import DataScope, User
from ..roles import ROLES
from ..scopes import scope_model
from ..selectors import user_list as select_users
from ..selectors import user_role_labels

MANAGE_USERS = "accounts.manage_users"


def _apply_errors(form: UserForm, exc: ApplicationError) -> None:
    fields = [detail.get("field") for detail in exc.details if detail.get("field") in form.fields]
    if fields:
        for field in fields:
            form.add_error(field, exc.message)
    else:
        form.add_error(None, exc.message)


@requires(MANAGE_USERS)
def user_list(request: HttpRequest) -> HttpResponse:
    search = request.GET.get("q", "").strip()
    role = request.GET.get("role", "")
    users = select_users(search=search, role=role)
    page = Paginator(users, settings.JXC_PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(user, user_role_labels(user)) for user in page]
    context = {"page": page, "rows": rows, "q": search, "role": role, "roles": ROLES}
    return render(request, "accounts/user_list.html", context)


@requires(MANAGE_USERS)
def user_create(request: HttpRequest) -> HttpResponse:
    form = UserCreateForm(request.POST or None, initial={"language": "zh-hans", "is_active": True})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.user_create(
                actor=request.user,  # type: ignore[arg-type]
                username=data["username"],
                password=data["password"],
                roles=data["roles"],
                display_name=data["display_name"],
                email=data["email"],
                phone=data["phone"],
                language=data["language"],
                request=request,
            )
        except ApplicationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("User %(name)s created.") % {"name": user.label})
            return redirect("accounts:user-edit", user_id=user.pk)
    status = 400 if form.errors else 200
    return render(
        request, "accounts/user_form.html", {"form": form, "creating": True}, status=status
    )


@requires(MANAGE_USERS)
def user_edit(request: HttpRequest, user_id: int) -> HttpResponse:
    target = get_object_or_404(User, pk=user_id)
    initial = {
        "username": target.username,
        "display_name": target.display_name,
        "email": target.email,
        "phone": target.phone,
        "language": target.language,
        "roles": services.user_roles(target),
        "is_active": target.is_active,
    }
    form = UserForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        roles = data.pop("roles")
        try:
            services.user_update(
                actor=request.user,  # type: ignore[arg-type]
                user=target,
                roles=roles,
                request=request,
                **data,
            )
        except ApplicationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("accounts:user-edit", user_id=target.pk)
    context = {"form": form, "creating": False, "target": target}
    return render(request, "accounts/user_form.html", context, status=400 if form.errors else 200)


@requires(MANAGE_USERS)
def user_password(request: HttpRequest, user_id: int) -> HttpResponse:
    target = get_object_or_404(User, pk=user_id)
    form = PasswordResetByAdminForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.user_password_set(
            actor=request.user,  # type: ignore[arg-type]
            user=target,
            password=form.cleaned_data["password"],
            request=request,
        )
        messages.success(request, _("Password of %(name)s reset.") % {"name": target.label})
        return redirect("accounts:user-edit", user_id=target.pk)
    context = {"form": form, "target": target}
    status = 400 if form.errors else 200
    return render(request, "accounts/user_password.html", context, status=status)


def _choices(kind: ScopeKind) -> list[tuple[int, str]]:
    model = scope_model(kind)
    if model is None:
        return []
    return [(obj.pk, str(obj)) for obj in model._default_manager.all()]


@requires(MANAGE_USERS)
def user_scopes(request: HttpRequest, user_id: int) -> HttpResponse:
    target = get_object_or_404(User, pk=user_id)
    granted = DataScope.objects.filter(user=target)
    initial = {
        "all_warehouses": target.all_warehouses,
        "warehouses": [s.ref_id for s in granted if s.kind == ScopeKind.WAREHOUSE],
        "all_shops": target.all_shops,
        "shops": [s.ref_id for s in granted if s.kind == ScopeKind.SHOP],
    }
    form = ScopeForm(request.POST or None, initial=initial)
    form.set_choices(warehouses=_choices(ScopeKind.WAREHOUSE), shops=_choices(ScopeKind.SHOP))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        for kind, flag, ids in (
            (ScopeKind.WAREHOUSE, data["all_warehouses"], data["warehouses"]),
            (ScopeKind.SHOP, data["all_shops"], data["shops"]),
        ):
            services.user_scopes_set(
                actor=request.user,  # type: ignore[arg-type]
                user=target,
                kind=kind,
                unrestricted=flag,
                ref_ids=ids,
                request=request,
            )
        messages.success(request, _("Data scope saved."))
        return redirect("accounts:user-scopes", user_id=target.pk)
    context = {"form": form, "target": target}
    return render(request, "accounts/user_scopes.html", context, status=400 if form.errors else 200)
