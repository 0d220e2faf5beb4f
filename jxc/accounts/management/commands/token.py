from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jxc.accounts.models import ApiToken, User
from jxc.accounts.services import api_token_create, api_token_revoke


class Command(BaseCommand):
    help = "Personal API tokens: create USERNAME [--name N] | list USERNAME | revoke PREFIX"

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="create a token and print its secret once")
        create.add_argument("username")
        create.add_argument("--name", default="cli")
        listing = sub.add_parser("list", help="list a user's tokens")
        listing.add_argument("username")
        revoke = sub.add_parser("revoke", help="revoke a token by its prefix")
        revoke.add_argument("prefix")

    def _user(self, username: str) -> User:
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        return user

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "create":
            user = self._user(options["username"])
            if not user.has_perm("accounts.use_api"):
                raise CommandError(
                    f"{user.username} has no role that may use the API (accounts.use_api); "
                    "a token would be refused."
                )
            token, secret = api_token_create(actor=None, user=user, name=options["name"])
            self.stderr.write(f"Token {token.name!r} for {user.username} (prefix {token.prefix}):")
            self.stdout.write(secret)
        elif action == "list":
            user = self._user(options["username"])
            for token in ApiToken.objects.filter(user=user):
                state = "revoked" if token.revoked_at else "active"
                used = token.last_used_at.isoformat() if token.last_used_at else "never"
                self.stdout.write(f"{token.prefix}  {state:<8} last used {used}  {token.name}")
        else:
            found = ApiToken.objects.filter(prefix=options["prefix"]).first()
            if found is None:
                raise CommandError(f"No token with prefix {options['prefix']!r}.")
            api_token_revoke(actor=None, token=found)
            self.stdout.write(f"Revoked {found.prefix}.")
