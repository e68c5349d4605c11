"""A small OpenID provider on 127.0.0.1 for the sign-in tests: discovery, JWKS, authorise, token and
user information, issuing RS256-signed ID tokens as Entra ID does, over real HTTP.

`person` holds the claims of whoever signs in next; `tamper` changes the next ID token (an
audience, an expiry, a nonce, or the key that signs it) so tests can see each refused.
"""

import base64
import hashlib
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

CLIENT_ID = "ict-strategy-test-client"
CLIENT_SECRET = "test-client-secret"
TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad"


def new_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


class Provider:
    def __init__(self):
        self.key = new_key()
        self.kid = "test-key-1"
        self.codes: dict[str, dict] = {}
        self.person: dict = {}
        self.tamper: dict = {}
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.issuer = f"{self.url}/{TENANT}/v2.0"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    @property
    def settings(self) -> dict:
        return {
            "OIDC_RP_CLIENT_ID": CLIENT_ID,
            "OIDC_RP_CLIENT_SECRET": CLIENT_SECRET,
            "OIDC_OP_ISSUER": self.issuer,
            "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{self.url}/authorize",
            "OIDC_OP_TOKEN_ENDPOINT": f"{self.url}/token",
            "OIDC_OP_USER_ENDPOINT": f"{self.url}/userinfo",
            "OIDC_OP_JWKS_ENDPOINT": f"{self.url}/keys",
            "OIDC_OP_LOGOUT_ENDPOINT": f"{self.url}/logout",
        }

    def id_token(self, *, nonce: str) -> str:
        now = int(time.time())
        claims = {
            "iss": self.issuer, "aud": CLIENT_ID, "iat": now, "nbf": now, "exp": now + 3600,
            "nonce": nonce, "tid": TENANT, **self.person,
        }
        claims.update({name: value for name, value in self.tamper.items() if name != "key"})
        return jwt.encode(claims, self.tamper.get("key", self.key), algorithm="RS256", headers={"kid": self.kid})

    def _handler(self):
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _json(self, body, status=200):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                parts = urlsplit(self.path)
                query = {name: values[0] for name, values in parse_qs(parts.query).items()}
                if parts.path == f"/{TENANT}/v2.0/.well-known/openid-configuration":
                    return self._json({
                        "issuer": provider.issuer,
                        **{name: url for name, url in provider.settings.items() if name.endswith("ENDPOINT")},
                        "response_types_supported": ["code"],
                        "id_token_signing_alg_values_supported": ["RS256"],
                    })
                if parts.path == "/keys":
                    jwk = jwt.algorithms.RSAAlgorithm.to_jwk(provider.key.public_key(), as_dict=True)
                    return self._json({"keys": [{**jwk, "kid": provider.kid, "use": "sig", "alg": "RS256"}]})
                if parts.path == "/authorize":
                    code = secrets.token_urlsafe(16)
                    provider.codes[code] = query
                    self.send_response(302)
                    self.send_header("Location", f"{query['redirect_uri']}?{urlencode({'code': code, 'state': query['state']})}")
                    self.end_headers()
                    return None
                if parts.path == "/userinfo":
                    if self.headers.get("Authorization") != "Bearer access-for-" + provider.person.get("sub", ""):
                        return self._json({"error": "invalid_token"}, 401)
                    return self._json({name: provider.person[name] for name in ("sub", "name", "given_name", "family_name", "email") if name in provider.person})
                return self._json({"error": "not_found"}, 404)

            def do_POST(self):
                form = {name: values[0] for name, values in parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode()).items()}
                if urlsplit(self.path).path != "/token":
                    return self._json({"error": "not_found"}, 404)
                if (form.get("client_id"), form.get("client_secret")) != (CLIENT_ID, CLIENT_SECRET):
                    return self._json({"error": "invalid_client"}, 401)
                # A code is good once, for the redirect address and PKCE verifier it was issued for.
                request = provider.codes.pop(form.get("code", ""), None)
                challenge = base64.urlsafe_b64encode(hashlib.sha256(form.get("code_verifier", "").encode()).digest()).rstrip(b"=").decode()
                if request is None or request["redirect_uri"] != form.get("redirect_uri") or request.get("code_challenge") != challenge:
                    return self._json({"error": "invalid_grant"}, 400)
                return self._json({
                    "token_type": "Bearer", "expires_in": 3600,
                    "access_token": "access-for-" + provider.person.get("sub", ""),
                    "id_token": provider.id_token(nonce=request["nonce"]),
                })

        return Handler


def use_provider(settings, provider: Provider, *, role_groups: dict[str, str]) -> None:
    """Point pytest-django's `settings` at `provider`, with sign-in by council account on."""
    for name, value in provider.settings.items():
        setattr(settings, name, value)
    settings.OIDC_ENABLED = True
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, "accounts.backends.CouncilSignInBackend"]
    settings.OIDC_ROLE_GROUPS = role_groups
