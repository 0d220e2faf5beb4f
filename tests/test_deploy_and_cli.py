"""Production settings pass `check --deploy`; the `jxc` command and the demo loader work."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from jxc.accounts.demo import DEMO_USERS, demo_users_load
from jxc.accounts.models import ApiToken, User
from jxc.accounts.services import api_token_authenticate

ROOT = Path(__file__).resolve().parent.parent


def _run(args: list[str], env_extra: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(env_extra)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = _run(
        ["check", "--deploy", "--fail-level", "WARNING"],
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.prod",
            "JXC_SECRET_KEY": "k" * 20 + "-Production-Secret-Key-0123456789-abcdefghij",
            "JXC_ALLOWED_HOSTS": "erp.example.com",
            "JXC_DATABASE_URL": f"sqlite:///{tmp_path}/prod.sqlite3",
        },
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues (0 silenced)." in output


@pytest.mark.django_db
def test_token_command_refuses_roles_without_api(make_user):
    make_user("service", username="kefu")
    with pytest.raises(CommandError, match="may use the API"):
        call_command("token", "create", "kefu")


def test_production_settings_refuse_to_start_without_secret():
    result = _run(
        ["check"],
        {"DJANGO_SETTINGS_MODULE": "config.settings.prod", "JXC_SECRET_KEY": ""},
    )
    assert result.returncode != 0
    assert "JXC_SECRET_KEY must be set" in result.stderr


@pytest.mark.django_db
def test_demo_loader_is_idempotent():
    created, users = demo_users_load()
    again, users_again = demo_users_load()
    assert created == len(DEMO_USERS) == 7
    assert again == 0
    assert [u.pk for u, _ in users] == [u.pk for u, _ in users_again]
    assert User.objects.count() == 7


@pytest.mark.django_db
def test_token_command_creates_a_working_token(make_user, capsys):
    user = make_user("purchaser", username="caigou")
    call_command("token", "create", "caigou", "--name", "erp")
    secret = capsys.readouterr().out.strip()
    assert api_token_authenticate(secret=secret) == user
    prefix = ApiToken.objects.get(user=user).prefix
    call_command("token", "revoke", prefix)
    assert api_token_authenticate(secret=secret) is None


@pytest.mark.django_db
def test_roles_command_sync(capsys):
    call_command("roles", "sync")
    out = capsys.readouterr().out
    assert "viewer" in out
    assert "admin" in out


def test_jxc_console_script_passes_other_commands_to_django():
    jxc = Path(sys.executable).with_name("jxc")
    result = subprocess.run(
        [str(jxc), "help", "token"],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "create" in result.stdout
