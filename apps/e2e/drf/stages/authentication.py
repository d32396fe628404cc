"""Bearer-token authentication against one fixed token (E2E_TOKEN)."""
import hmac
import os

from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed


class TokenUser:
    """The one user the token stands for."""

    is_authenticated = True
    is_anonymous = False
    username = "e2e"


class BearerTokenAuthentication(BaseAuthentication):
    """`Authorization: Bearer <E2E_TOKEN>`.

    Like authentik's, it defines no authenticate_header, so DRF answers a missing or wrong token
    with 403 (not 401): spec/identification.yaml documents 403.
    """

    def authenticate(self, request):
        header = get_authorization_header(request).split()
        if not header or header[0].lower() != b"bearer":
            return None
        if len(header) != 2:
            raise AuthenticationFailed("Invalid bearer header.")
        expected = os.environ.get("E2E_TOKEN", "").encode()
        if not expected or not hmac.compare_digest(header[1], expected):
            raise AuthenticationFailed("Invalid token.")
        return (TokenUser(), header[1])
