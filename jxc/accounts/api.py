"""Account endpoints: who am I, and my personal API tokens."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.responses import Status

from jxc.core.access import LOGIN

from . import services
from .api_auth import ApiAuth
from .enums import ScopeKind
from .models import ApiToken
from .roles import ROLE_BY_CODE
from .scopes import scope_ids
from .selectors import api_token_list

router = Router(tags=["accounts"])
USE_API = "accounts.use_api"


class RoleOut(Schema):
    code: str
    name: str


class ScopeOut(Schema):
    all: bool
    ids: list[int]


class MeOut(Schema):
    id: int
    username: str
    display_name: str
    language: str
    is_staff: bool
    roles: list[RoleOut]
    permissions: list[str]
    warehouses: ScopeOut
    shops: ScopeOut


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class TokenIn(Schema):
    name: str


class TokenCreatedOut(TokenOut):
    secret: str


def _scope(user: object, kind: ScopeKind) -> dict:
    ids = scope_ids(user, kind)
    return {"all": ids is None, "ids": sorted(ids or [])}


@router.get("/me", response=MeOut, auth=ApiAuth(LOGIN), summary="The signed-in user")
def me(request: HttpRequest) -> dict:
    user = request.auth  # type: ignore[attr-defined]
    codes = services.user_roles(user)
    return {
        "id": user.pk,
        "username": user.username,
        "display_name": user.label,
        "language": user.language,
        "is_staff": user.is_staff,
        "roles": [{"code": code, "name": str(ROLE_BY_CODE[code].name)} for code in codes],
        "permissions": sorted(user.get_all_permissions()),
        "warehouses": _scope(user, ScopeKind.WAREHOUSE),
        "shops": _scope(user, ScopeKind.SHOP),
    }


@router.get("/tokens", response=list[TokenOut], auth=ApiAuth(USE_API), summary="My API tokens")
def token_list(request: HttpRequest) -> list[ApiToken]:
    return list(api_token_list(user=request.auth))  # type: ignore[attr-defined]


@router.post(
    "/tokens",
    response={201: TokenCreatedOut},
    auth=ApiAuth(USE_API),
    summary="Create an API token (the secret is returned once)",
)
def token_create(request: HttpRequest, payload: TokenIn) -> Status[dict]:
    user = request.auth  # type: ignore[attr-defined]
    token, secret = services.api_token_create(
        actor=user, user=user, name=payload.name, request=request
    )
    data = TokenOut.from_orm(token).model_dump()
    return Status(201, {**data, "secret": secret})


@router.delete(
    "/tokens/{token_id}", response={204: None}, auth=ApiAuth(USE_API), summary="Revoke a token"
)
def token_revoke(request: HttpRequest, token_id: int) -> Status[None]:
    user = request.auth  # type: ignore[attr-defined]
    token = get_object_or_404(ApiToken, pk=token_id, user=user)
    services.api_token_revoke(actor=user, token=token, request=request)
    return Status(204, None)
