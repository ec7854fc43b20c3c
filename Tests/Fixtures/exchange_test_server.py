#!/usr/bin/env python3
"""Loopback stand-in for eight exchanges and six token services, for keywarden's connector and
verification integration tests.

It answers the documented response shapes and verifies every signed request with the
exchange's own Python SDK (the signing oracle), falling back to an independent hashlib/hmac
implementation only where no SDK is usable (reported in the startup line).

Behaviour is chosen by the API key a request carries: `<exchange>-<scenario>`, e.g. `okx-ok`,
`bybit-ratelimit`. Scenarios: ok, ratelimit (one 429, no wait), retryafter (one 429 asking for 60 s), longwait (429s
asking for an hour), busy (one 503), subfail (the second sub-account's keys are refused), badsig, timeout, malformed, skew, ban, ipdenied.
Hostile scenarios: endless (a body that never ends), trickle (a body one byte at a time), redirect (302 to
another host name on this server, which logs what arrives at /__catch), hugewait (rate-limit headers with
absurd numbers), hugetime (instants far past the year 9999).

Keys in real formats (as a scan finds them in files) can stand for a scenario: POST /__alias
{"key": ..., "as": "okx-ok", "secret": ..., "passphrase": ...} before using them.

Services (for `scan --verify`): GitHub GET /user, AWS STS GET /?Action=GetCallerIdentity (SigV4
checked with botocore, AWS's own Python SDK), Slack POST /api/auth.test, OpenAI GET /v1/models
(Bearer), Anthropic GET /v1/models (x-api-key), Stripe GET /v1/account. Their tokens are real-format
values registered through /__alias as `github-ok`, `stripe-badsig`, ...

Start: python3 exchange_test_server.py   -> prints one JSON line {"port", "coinbase_private_key", "oracles"}
It serves until its stdin closes (the test process ended), or 300 s at most.
"""
import base64
import hashlib
import hmac
import importlib
import json
import os
import subprocess
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SDK_PACKAGES = {
    "okx": "python-okx",
    "binance": "binance-connector",
    "pybit": "pybit",
    "kucoin_universal_sdk": "kucoin-universal-sdk",
    "kraken": "python-kraken-sdk",
    "coinbase": "coinbase-advanced-py",
    "gate_api": "gate-api",
    "bitget_api_client": "bitget-api-client",  # unofficial: Bitget publishes no SDK on PyPI
    "botocore": "botocore",
}


def ensure_sdks():
    """Installs the official SDKs that are missing (idempotent; quiet)."""
    missing = []
    for module, package in SDK_PACKAGES.items():
        try:
            importlib.import_module(module)
        except Exception:
            missing.append(package)
    if missing:
        command = [sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check", *missing]
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "timeout": 600, "check": False}
        if subprocess.run(command, **quiet).returncode != 0:
            # Debian's system Python refuses plain pip installs (PEP 668); CI machines are throwaway.
            subprocess.run(command + ["--break-system-packages"], **quiet)


ensure_sdks()
ORACLES = {}


def load(name, loader):
    try:
        value = loader()
        ORACLES[name] = "sdk"
        return value
    except Exception as error:  # noqa: BLE001 - any failure means: use the independent implementation
        ORACLES[name] = "independent (%s)" % type(error).__name__
        return None


def _okx():
    from okx import utils
    return lambda ts, method, path, body, secret: utils.signature(ts, method, path, body, secret).decode()


def _binance():
    from binance.lib.authentication import hmac_hashing
    return hmac_hashing


def _bybit():
    from pybit._http_manager import generate_signature
    return lambda secret, text: generate_signature(False, secret, text)


def _kucoin():
    from kucoin_universal_sdk.internal.infra.default_signer import KcSigner
    return KcSigner


def _kraken():
    from kraken.spot import SpotClient
    return lambda key, secret, path, data, nonce: SpotClient(key=key, secret=secret)._get_kraken_signature(path, data, nonce)


def _coinbase():
    import jwt  # PyJWT, the dependency coinbase-advanced-py signs with
    from coinbase.jwt_generator import format_jwt_uri
    return jwt, format_jwt_uri


def _gate():
    import gate_api
    import gate_api.api_client as api_client_module
    return gate_api, api_client_module


OKX_SIGN = load("okx", _okx)
BINANCE_SIGN = load("binance", _binance)
BYBIT_SIGN = load("bybit", _bybit)
KUCOIN_SIGNER = load("kucoin", _kucoin)
KRAKEN_SIGN = load("kraken", _kraken)
COINBASE = load("coinbase", _coinbase)
GATE = load("gate", _gate)


def _bitget():
    from types import SimpleNamespace
    from bitget_api_client.client import BitgetApiClient
    return lambda secret, text: BitgetApiClient._sign(SimpleNamespace(secret_key=secret), text)


BITGET_SIGN = load("bitget", _bitget)


def _aws():
    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
    return SigV4Auth, AWSRequest, Credentials


AWS = load("aws", _aws)
SERVICES = ("github", "aws", "slack", "openai", "anthropic", "stripe")
if BITGET_SIGN:
    ORACLES["bitget"] = "bitget-api-client (unofficial; Bitget publishes no SDK on PyPI)"


def hmac_b64(secret, text, digest=hashlib.sha256):
    return base64.b64encode(hmac.new(secret.encode(), text.encode(), digest).digest()).decode()


def hmac_hex(secret, text, digest=hashlib.sha256):
    return hmac.new(secret.encode(), text.encode(), digest).hexdigest()


# Keys in the exchanges' real formats (for scans that find them in files) registered through
# POST /__alias {"key", "as", "secret", "passphrase"}: such a key behaves as the test key `as`
# (`okx-ok`, `kraken-badsig`) and is signed with its own secret and passphrase.
ALIASES = {}


def resolve(key):
    with LOCK:
        return ALIASES.get(key, {}).get("as", key)


# Secrets the server expects. A `-badsig` key is checked against a different secret, so a
# correctly signed request is rejected the way the exchange rejects a wrong secret.
def secret_for(exchange, key):
    if resolve(key).endswith("-badsig"):
        return "not-the-secret"
    with LOCK:
        alias = ALIASES.get(key)
    if alias and alias.get("secret"):
        return alias["secret"]
    if exchange == "kraken":
        return base64.b64encode(b"kraken-test-secret").decode()
    return "test-secret-" + exchange


PASSPHRASE = "test-passphrase"


def passphrase_for(key):
    with LOCK:
        return ALIASES.get(key, {}).get("passphrase") or PASSPHRASE


def make_coinbase_key():
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    private = ec.generate_private_key(ec.SECP256R1())
    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                                serialization.NoEncryption()).decode()
    return private, pem


COINBASE_PRIVATE, COINBASE_PEM = make_coinbase_key()
COINBASE_OTHER, _ = make_coinbase_key()

LOCK = threading.Lock()
COUNTS = {}
LOG = []


def count(key):
    with LOCK:
        COUNTS[key] = COUNTS.get(key, 0) + 1
        return COUNTS[key]


def scenario(key):
    key = resolve(key)
    return key.rsplit("-", 1)[-1] if key else ""


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    # ---- plumbing -----------------------------------------------------------------------
    def reply(self, status, body, headers=None, content_type="application/json"):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_GET(self):
        self.handle_request("GET")

    def do_POST(self):
        self.handle_request("POST")

    def do_PUT(self):
        self.handle_request("PUT")

    def do_DELETE(self):
        self.handle_request("DELETE")

    def handle_request(self, method):
        length = int(self.headers.get("Content-Length") or 0)
        self.body = self.rfile.read(length).decode() if length else ""
        self.method = method
        parsed = urllib.parse.urlsplit(self.path)
        self.route, self.query = parsed.path, parsed.query
        self.params = dict(urllib.parse.parse_qsl(parsed.query, keep_blank_values=True))
        if self.route == "/__log":
            with LOCK:
                return self.reply(200, LOG)
        if self.route == "/__alias" and method == "POST":
            alias = json.loads(self.body)
            with LOCK:
                ALIASES[alias["key"]] = alias
            return self.reply(200, {"registered": alias["key"]})
        if self.route == "/__catch":  # where a followed redirect would land
            with LOCK:
                LOG.append({"exchange": "catch", "key": self.headers.get("OK-ACCESS-KEY", ""), "method": method,
                            "path": self.route, "query": self.query,
                            "verified": bool(self.headers.get("OK-ACCESS-SIGN") or self.headers.get("OK-ACCESS-PASSPHRASE"))})
            return self.reply(200, {"code": "0", "data": [], "msg": ""})
        exchange = self.exchange()
        if exchange is None:
            return self.reply(404, {"error": "unknown route " + self.route})
        key, verified = getattr(self, "verify_" + exchange)()
        with LOCK:
            LOG.append({"exchange": exchange, "key": key or "", "method": method, "path": self.route,
                        "query": self.query, "verified": verified})
        if key is None:  # public endpoint (server time)
            return getattr(self, "time_" + exchange)()
        kind = scenario(key)
        n = count(key)
        if kind == "timeout":
            time.sleep(5)
        if kind == "endless":
            return self.endless_body()
        if kind == "trickle":
            return self.trickle_body()
        if kind == "redirect":
            port = self.server.server_address[1]
            return self.reply(302, b"", {"Location": "http://localhost:%d/__catch%s" % (port, "?" + self.query if self.query else "")})
        if kind == "hugewait":
            if exchange == "bybit":
                return self.reply(200, {"retCode": 10006, "retMsg": "Too many visits!", "result": {}},
                                  {"X-Bapi-Limit-Reset-Timestamp": "1e300"})
            return self.reply(429, {"code": "50011", "msg": "Rate limit reached", "data": []},
                              {"Retry-After": "99999999999999999999"})
        if kind == "ban":
            return self.banned(exchange)
        if not verified or kind == "badsig":
            return self.bad_signature(exchange)
        if kind == "ratelimit" and n == 1:
            return self.rate_limited(exchange)
        if kind == "retryafter" and n == 1:
            return self.rate_limited(exchange, wait=60)
        if kind == "longwait":
            return self.rate_limited(exchange, wait=3600)
        if kind == "busy" and n == 1:
            return self.reply(503, b"<html>503 Service Temporarily Unavailable</html>")
        if kind == "skew" and n == 1:
            return self.clock_skew(exchange)
        if kind == "ipdenied":
            return self.ip_denied(exchange)
        if kind == "subfail" and self.params.get("subAcct") == "sub2":
            return self.reply(200, {"code": "50120", "msg": "Your API key does not have permission", "data": []})
        if kind == "subfail" and self.params.get("subMemberId") == "1002":
            return self.reply(200, {"retCode": 10005, "retMsg": "Permission denied for current apikey", "result": {}})
        if kind == "malformed":
            return self.reply(200, b"<html><body>502 Bad Gateway</body></html>")
        return getattr(self, "answer_" + exchange)(key)

    def exchange(self):
        r = self.route
        if r == "/user":
            return "github"
        if r == "/" and self.params.get("Action") == "GetCallerIdentity":
            return "aws"
        if r == "/api/auth.test":
            return "slack"
        if r == "/v1/models":
            return "anthropic" if self.headers.get("x-api-key") is not None else "openai"
        if r == "/v1/account":
            return "stripe"
        if r.startswith("/api/v5/"):
            return "okx"
        if r.startswith("/sapi/") or r == "/api/v3/time":
            return "binance"
        if r.startswith("/v5/"):
            return "bybit"
        if r.startswith("/api/v1/") or r.startswith("/api/v2/sub"):
            return "kucoin"
        if r.startswith("/0/"):
            return "kraken"
        if r.startswith("/api/v3/brokerage/"):
            return "coinbase"
        if r.startswith("/api/v4/"):
            return "gate"
        if r.startswith("/api/v2/"):
            return "bitget"
        return None

    def request_path(self):
        return self.route + ("?" + self.query if self.query else "")

    # ---- signature verification (the oracle) ------------------------------------------
    def verify_okx(self):
        if self.route == "/api/v5/public/time":
            return None, True
        key = self.headers.get("OK-ACCESS-KEY", "")
        ts = self.headers.get("OK-ACCESS-TIMESTAMP", "")
        secret = secret_for("okx", key)
        args = (ts, self.method, self.request_path(), self.body, secret)
        expected = OKX_SIGN(*args) if OKX_SIGN else hmac_b64(secret, ts + self.method + self.request_path() + self.body)
        ok = hmac.compare_digest(expected, self.headers.get("OK-ACCESS-SIGN", ""))
        ok = ok and self.headers.get("OK-ACCESS-PASSPHRASE") == passphrase_for(key) and len(ts) == 24 and ts.endswith("Z")
        return key, ok

    def verify_binance(self):
        if self.route == "/api/v3/time":
            return None, True
        key = self.headers.get("X-MBX-APIKEY", "")
        payload, _, signature = self.query.rpartition("&signature=")
        secret = secret_for("binance", key)
        expected = BINANCE_SIGN(secret, payload + self.body) if BINANCE_SIGN else hmac_hex(secret, payload + self.body)
        ok = hmac.compare_digest(expected, signature) and "timestamp" in self.params and "recvWindow" in self.params
        return key, ok

    def verify_bybit(self):
        if self.route == "/v5/market/time":
            return None, True
        key = self.headers.get("X-BAPI-API-KEY", "")
        text = self.headers.get("X-BAPI-TIMESTAMP", "") + key + self.headers.get("X-BAPI-RECV-WINDOW", "") + \
            (self.query if self.method == "GET" else self.body)
        secret = secret_for("bybit", key)
        expected = BYBIT_SIGN(secret, text) if BYBIT_SIGN else hmac_hex(secret, text)
        return key, hmac.compare_digest(expected, self.headers.get("X-BAPI-SIGN", ""))

    def verify_kucoin(self):
        if self.route == "/api/v1/timestamp":
            return None, True
        key = self.headers.get("KC-API-KEY", "")
        secret = secret_for("kucoin", key)
        plain = self.method + self.request_path() + self.body
        ts = self.headers.get("KC-API-TIMESTAMP", "")
        if KUCOIN_SIGNER:
            signer = KUCOIN_SIGNER(key, secret, passphrase_for(key))
            expected = signer.sign((ts + plain).encode(), secret.encode())
            passphrase = signer.api_passphrase
        else:
            expected = hmac_b64(secret, ts + plain)
            passphrase = hmac_b64(secret, passphrase_for(key))
        ok = hmac.compare_digest(expected, self.headers.get("KC-API-SIGN", ""))
        ok = ok and self.headers.get("KC-API-PASSPHRASE") == passphrase and self.headers.get("KC-API-KEY-VERSION") in ("2", "3")
        return key, ok

    def verify_kraken(self):
        if self.route == "/0/public/Time":
            return None, True
        key = self.headers.get("API-Key", "")
        secret = secret_for("kraken", key)
        fields = dict(urllib.parse.parse_qsl(self.body))
        nonce = fields.get("nonce", "")
        if KRAKEN_SIGN:
            expected = KRAKEN_SIGN(key, secret, self.route, self.body, int(nonce or 0))
        else:
            inner = hashlib.sha256((nonce + self.body).encode()).digest()
            expected = base64.b64encode(hmac.new(base64.b64decode(secret), self.route.encode() + inner, hashlib.sha512).digest()).decode()
        return key, bool(nonce) and hmac.compare_digest(expected, self.headers.get("API-Sign", ""))

    def verify_coinbase(self):
        if self.route == "/api/v3/brokerage/time":
            return None, True
        token = (self.headers.get("Authorization") or "").removeprefix("Bearer ")
        try:
            import jwt
            header = jwt.get_unverified_header(token)
            key = header.get("kid", "")
            public = (COINBASE_OTHER if resolve(key).endswith("-badsig") else COINBASE_PRIVATE).public_key()
            claims = jwt.decode(token, public, algorithms=["ES256"], options={"verify_aud": False})
            expected_uri = COINBASE[1](self.method, self.route) if COINBASE else "%s api.coinbase.com%s" % (self.method, self.route)
            ok = (claims.get("sub") == key and claims.get("iss") == "cdp" and claims.get("uri") == expected_uri
                  and claims.get("exp") - claims.get("nbf") == 120 and header.get("alg") == "ES256" and header.get("nonce"))
            return key, bool(ok)
        except Exception:  # noqa: BLE001 - any decoding failure is an invalid signature
            try:
                import jwt
                return jwt.get_unverified_header(token).get("kid", ""), False
            except Exception:  # noqa: BLE001
                return "", False

    def verify_gate(self):
        if self.route == "/api/v4/spot/time":
            return None, True
        key = self.headers.get("KEY", "")
        ts = self.headers.get("Timestamp", "")
        secret = secret_for("gate", key)
        if GATE:
            gate_api, module = GATE
            class Instant(float):  # the SDK formats its own clock; give it the request's timestamp
                def __str__(self):
                    return ts
            client = gate_api.ApiClient(gate_api.Configuration(key=key, secret=secret))
            real_time = module.time.time
            with LOCK:
                module.time.time = lambda: Instant(ts or 0)
                try:
                    expected = client.gen_sign(self.method, self.route, self.query, self.body or None)["SIGN"]
                finally:
                    module.time.time = real_time
        else:
            text = "\n".join([self.method, self.route, self.query, hashlib.sha512(self.body.encode()).hexdigest(), ts])
            expected = hmac_hex(secret, text, hashlib.sha512)
        return key, ts.isdigit() and hmac.compare_digest(expected, self.headers.get("SIGN", ""))

    # ---- services: bearer tokens are checked for their header form; AWS's SigV4 by botocore ----
    def bearer(self):
        value = self.headers.get("Authorization", "")
        return value[len("Bearer "):] if value.startswith("Bearer ") else ""

    def verify_github(self):
        key = self.bearer()
        return key, bool(key) and self.headers.get("User-Agent") is not None and "github" in self.headers.get("Accept", "")

    def verify_slack(self):
        key = self.bearer()
        return key, bool(key) and self.method == "POST"

    def verify_openai(self):
        key = self.bearer()
        return key, bool(key)

    def verify_stripe(self):
        key = self.bearer()
        return key, bool(key)

    def verify_anthropic(self):
        key = self.headers.get("x-api-key", "")
        return key, bool(key) and self.headers.get("anthropic-version") == "2023-06-01"

    def verify_aws(self):
        import re
        match = re.fullmatch(r"AWS4-HMAC-SHA256 Credential=([^/]+)/(\d{8})/([^/]+)/([^/]+)/aws4_request, "
                             r"SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})", self.headers.get("Authorization", ""))
        if not match:
            return "", False
        key, day, region, service, signed, signature = match.groups()
        stamp = self.headers.get("X-Amz-Date", "")
        if not stamp.startswith(day) or region != "us-east-1" or service != "sts":
            return key, False
        secret = secret_for("aws", key)
        names = signed.split(";")
        headers = {name: self.headers.get(name, "") for name in names if name != "host"}
        url = "http://%s%s" % (self.headers.get("Host", ""), self.path)
        if AWS:
            SigV4Auth, AWSRequest, Credentials = AWS
            request = AWSRequest(method=self.method, url=url, headers=headers)
            auth = SigV4Auth(Credentials(key, secret), service, region)
            request.context["timestamp"] = stamp
            canonical = auth.canonical_request(request)
            expected = auth.signature(auth.string_to_sign(request, canonical), request)
            ok = auth.signed_headers(auth.headers_to_sign(request)) == signed
        else:
            return key, False
        return key, ok and hmac.compare_digest(expected, signature)

    def verify_bitget(self):
        if self.route == "/api/v2/public/time":
            return None, True
        key = self.headers.get("ACCESS-KEY", "")
        ts = self.headers.get("ACCESS-TIMESTAMP", "")
        secret, text = secret_for("bitget", key), ts + self.method + self.request_path() + self.body
        expected = BITGET_SIGN(secret, text) if BITGET_SIGN else hmac_b64(secret, text)
        ok = hmac.compare_digest(expected, self.headers.get("ACCESS-SIGN", "")) and self.headers.get("ACCESS-PASSPHRASE") == passphrase_for(key)
        return key, ok

    # ---- failures, in each exchange's documented shape -----------------------------------
    def endless_body(self):
        """200 with no length and a body that goes on until the client hangs up (or 256 MiB)."""
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(b'{"code":"0","data":[{"label":"')
            chunk = b"A" * 65536
            for _ in range(4096):
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True

    def trickle_body(self):
        """A valid-looking response whose body arrives one byte every 0.2 s (for a minute at most)."""
        body = json.dumps({"code": "0", "data": [], "msg": "" + " " * 300}).encode()
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            for i in range(min(len(body), 300)):
                self.wfile.write(body[i:i + 1])
                self.wfile.flush()
                time.sleep(0.2)
            self.wfile.write(body[300:])
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True

    def rate_limited(self, exchange, wait=0):
        """A rate-limit reply asking to wait `wait` seconds, in the exchange's own header."""
        if exchange == "bybit":
            return self.reply(200, {"retCode": 10006, "retMsg": "Too many visits!", "result": {}},
                              {"X-Bapi-Limit-Reset-Timestamp": str(int((time.time() + wait) * 1000))})
        if exchange == "kucoin":
            return self.reply(429, {"code": "429000", "msg": "Too Many Requests"}, {"gw-ratelimit-reset": str(wait * 1000)})
        if exchange == "kraken":
            return self.reply(200, {"error": ["EAPI:Rate limit exceeded"]})
        bodies = {"okx": {"code": "50011", "msg": "Rate limit reached", "data": []},
                  "binance": {"code": -1003, "msg": "Too many requests"},
                  "coinbase": {"error": "rate_limit_exceeded", "message": "too many requests"},
                  "gate": {"label": "TOO_MANY_REQUESTS", "message": "Request Rate limit Exceeded"},
                  "bitget": {"code": "429", "msg": "Too Many Requests"}}
        return self.reply(429, bodies[exchange], {"Retry-After": str(wait)})

    def bad_signature(self, exchange):
        replies = {"okx": (401, {"code": "50113", "msg": "Invalid Sign", "data": []}),
                   "binance": (400, {"code": -1022, "msg": "Signature for this request is not valid."}),
                   "bybit": (401, {"retCode": 10004, "retMsg": "error sign! origin_string[...]", "result": {}}),
                   "kucoin": (401, {"code": "400005", "msg": "Invalid KC-API-SIGN"}),
                   "kraken": (200, {"error": ["EAPI:Invalid signature"]}),
                   "coinbase": (401, {"error": "unauthorized", "message": "Unauthorized"}),
                   "gate": (401, {"label": "INVALID_SIGNATURE", "message": "Signature mismatch"}),
                   "bitget": (400, {"code": "40009", "msg": "sign signature error", "data": None}),
                   "github": (401, {"message": "Bad credentials", "documentation_url": "https://docs.github.com/rest"}),
                   "slack": (200, {"ok": False, "error": "invalid_auth"}),
                   "openai": (401, {"error": {"message": "Incorrect API key provided.", "type": "invalid_request_error",
                                              "param": None, "code": "invalid_api_key"}}),
                   "anthropic": (401, {"type": "error", "error": {"type": "authentication_error", "message": "invalid x-api-key"}}),
                   "stripe": (401, {"error": {"type": "invalid_request_error", "message": "Invalid API Key provided."}})}
        if exchange == "aws":
            return self.reply_xml(403, "<ErrorResponse><Error><Type>Sender</Type><Code>SignatureDoesNotMatch</Code>"
                                       "<Message>The request signature we calculated does not match the signature you provided.</Message>"
                                       "</Error><RequestId>4c2f0a57-0000-4000-8000-000000000000</RequestId></ErrorResponse>")
        return self.reply(*replies[exchange])

    def reply_xml(self, status, text, headers=None):
        self.reply(status, text.encode(), headers, content_type="text/xml")

    def clock_skew(self, exchange):
        replies = {"okx": (401, {"code": "50102", "msg": "Timestamp request expired", "data": []}),
                   "binance": (400, {"code": -1021, "msg": "Timestamp for this request is outside of the recvWindow."}),
                   "bybit": (200, {"retCode": 10002, "retMsg": "invalid request, please check your server timestamp", "result": {}}),
                   "kucoin": (400, {"code": "400002", "msg": "KC-API-TIMESTAMP Invalid"}),
                   "kraken": (200, {"error": ["EAPI:Invalid nonce"]}),
                   "coinbase": (401, {"error": "unauthorized", "message": "Unauthorized"}),
                   "gate": (401, {"label": "REQUEST_EXPIRED", "message": "gap between request Timestamp and server time exceeds 60"}),
                   "bitget": (400, {"code": "40008", "msg": "Request timestamp expired", "data": None})}
        return self.reply(*replies[exchange])

    def banned(self, exchange):
        if exchange == "binance":
            return self.reply(418, {"code": -1003, "msg": "Way too many requests; IP banned until 1700000000000."})
        if exchange == "bybit":
            return self.reply(403, b"403 Forbidden")
        return self.reply(403, {"error": "forbidden"})

    def ip_denied(self, exchange):
        replies = {"okx": (401, {"code": "50110", "msg": "Your IP 10.0.0.1 is not included in your API key's IP whitelist.", "data": []}),
                   "binance": (401, {"code": -2015, "msg": "Invalid API-key, IP, or permissions for action."}),
                   "bybit": (401, {"retCode": 10010, "retMsg": "Unmatched IP, please check your API key's bound IP addresses.", "result": {}}),
                   "kucoin": (400, {"code": "400006", "msg": "Invalid request ip"}),
                   "kraken": (200, {"error": ["EGeneral:Permission denied"]}),
                   "coinbase": (403, {"error": "PERMISSION_DENIED", "message": "forbidden"}),
                   "gate": (403, {"label": "IP_FORBIDDEN", "message": "Request IP not in whitelist"}),
                   "bitget": (400, {"code": "40018", "msg": "Invalid IP", "data": None})}
        return self.reply(*replies[exchange])

    # ---- server time (public) --------------------------------------------------------------
    def time_okx(self):
        return self.reply(200, {"code": "0", "msg": "", "data": [{"ts": str(int(time.time() * 1000))}]})

    def time_binance(self):
        return self.reply(200, {"serverTime": int(time.time() * 1000)})

    def time_bybit(self):
        return self.reply(200, {"retCode": 0, "retMsg": "OK", "result": {"timeSecond": str(int(time.time()))}, "time": int(time.time() * 1000)})

    def time_kucoin(self):
        return self.reply(200, {"code": "200000", "data": int(time.time() * 1000)})

    def time_kraken(self):
        return self.reply(200, {"error": [], "result": {"unixtime": int(time.time()), "rfc1123": "Sat, 21 Nov 26 07:00:00 +0000"}})

    def time_coinbase(self):
        return self.reply(200, {"iso": "2026-11-21T07:00:00Z", "epochSeconds": str(int(time.time())), "epochMillis": str(int(time.time() * 1000))})

    def time_gate(self):
        return self.reply(200, {"server_time": int(time.time() * 1000)})

    def time_bitget(self):
        return self.reply(200, {"code": "00000", "msg": "success", "data": {"serverTime": str(int(time.time() * 1000))}})

    # ---- documented success shapes ------------------------------------------------------
    OKX_SUBACCOUNTS = [("sub1", "1700000003000"), ("sub2", "1700000002000"), ("sub3", "1700000001000")]
    OKX_SUBKEYS = {"sub1": [{"label": "bot", "apiKey": "okx-sub1-key-a", "perm": "read_only,trade", "ip": "1.1.1.1,2.2.2.2", "ts": "1597026383085"},
                            {"label": "view", "apiKey": "okx-sub1-key-b", "perm": "read_only", "ip": "", "ts": "1597026383086"}],
                   "sub2": [{"label": "v5", "apiKey": "okx-sub2-key-a", "perm": "read_only,trade", "ip": "3.3.3.3", "ts": "1597026383087"}],
                   "sub3": []}

    def answer_okx(self, key):
        if self.route == "/api/v5/account/config":
            return self.reply(200, {"code": "0", "msg": "", "data": [{"uid": "44705892343619584", "mainUid": "44705892343619584",
                                                                         "label": "v5 test", "ip": "", "perm": "read_only,withdraw,trade", "type": "0"}]})
        if self.route == "/api/v5/users/subaccount/list":
            limit = int(self.params.get("limit", "100"))
            after = self.params.get("after")
            rows = [s for s in self.OKX_SUBACCOUNTS if after is None or int(s[1]) < int(after)][:limit]
            return self.reply(200, {"code": "0", "msg": "", "data": [{"subAcct": n, "label": n, "ts": ts, "enable": True} for n, ts in rows]})
        if self.route == "/api/v5/users/subaccount/apikey":
            return self.reply(200, {"code": "0", "msg": "", "data": self.OKX_SUBKEYS.get(self.params.get("subAcct"), [])})
        return self.reply(404, {"code": "404", "msg": "not found"})

    def answer_binance(self, key):
        return self.reply(200, {"ipRestrict": False, "createTime": 1698645219000, "enableReading": True, "enableWithdrawals": False,
                                "enableSpotAndMarginTrading": False})

    BYBIT_MEMBERS = [{"uid": "1001", "username": "bot-one", "memberType": 1, "status": 1},
                     {"uid": "1002", "username": "bot-two", "memberType": 1, "status": 1},
                     {"uid": "1003", "username": "bot-three", "memberType": 1, "status": 1}]

    @staticmethod
    def bybit_subkey(uid, i):
        return {"id": "%s%d" % (uid, i), "ips": ["*"] if i % 2 else ["10.0.0.%d" % i], "apiKey": "bybit-%s-key-%d" % (uid, i),
                "note": "n%d" % i, "status": 3, "expiredAt": "2027-01-01T00:00:00Z", "createdAt": "2026-10-01T00:00:00Z", "type": 1,
                "permissions": {"Spot": ["SpotTrade"], "Wallet": ["AccountTransfer"] if i == 2 else []},
                "secret": "******", "readOnly": i == 3, "deadlineDay": 41, "flag": "hmac"}

    def answer_bybit(self, key):
        if self.route == "/v5/user/query-api":
            return self.reply(200, {"retCode": 0, "retMsg": "", "result": {
                "id": "13770661", "note": "XXXXXX", "apiKey": key, "readOnly": 1, "secret": "",
                "permissions": {"Spot": ["SpotTrade"], "Wallet": ["AccountTransfer"]}, "ips": ["18.181.170.164"], "type": 1,
                "deadlineDay": -2, "expiredAt": "1970-01-01T00:00:00Z", "createdAt": "2025-10-13T03:20:45Z", "isMaster": True}})
        if self.route == "/v5/user/submembers":
            size = int(self.params.get("pageSize", "10"))
            start = int(self.params.get("nextCursor") or 0)
            rows = self.BYBIT_MEMBERS[start:start + size]
            more = start + size < len(self.BYBIT_MEMBERS)
            return self.reply(200, {"retCode": 0, "retMsg": "", "result": {"subMembers": rows, "nextCursor": str(start + size) if more else "0"}})
        if self.route == "/v5/user/sub-apikeys":
            uid = self.params.get("subMemberId", "")
            total = {"1001": 3, "1002": 1, "1003": 0}.get(uid, 0)
            limit = int(self.params.get("limit", "20"))
            start = int(self.params.get("cursor") or 0)
            rows = [self.bybit_subkey(uid, i) for i in range(1, total + 1)][start:start + limit]
            more = start + limit < total
            return self.reply(200, {"retCode": 0, "retMsg": "", "result": {"result": rows, "nextPageCursor": str(start + limit) if more else ""}})
        return self.reply(404, {"retCode": 404, "retMsg": "not found"})

    def answer_kucoin(self, key):
        return self.reply(200, {"code": "200000", "data": {"remark": "account1", "apiKey": key, "apiVersion": 3,
                                                           "permission": "General,Futures,Spot", "ipWhitelist": "203.**.154,103.**.34",
                                                           "createdAt": 1728443843000, "isMaster": True}})

    def answer_kraken(self, key):
        if scenario(key) == "hugetime":
            return self.reply(200, {"error": [], "result": {"apiKeyName": "audit", "apiKey": key, "permissions": ["query-funds"],
                                                            "validUntil": "1e30", "createdTime": "1e300"}})
        return self.reply(200, {"error": [], "result": {"apiKeyName": "audit", "apiKey": key,
                                                        "permissions": ["query-funds", "query-open-trades", "withdraw-funds"],
                                                        "ipAllowlist": ["198.51.100.7"], "validUntil": "0", "createdTime": "1700000000",
                                                        "modifiedTime": "1700000100", "lastUsed": "1790000000"}})

    def answer_coinbase(self, key):
        return self.reply(200, {"can_view": True, "can_trade": True, "can_transfer": False,
                                "portfolio_uuid": "8b1b57e4-e5b6-4a5c-9f8c-4c4a9f5f5a1d", "portfolio_type": "DEFAULT"})

    def answer_gate(self, key):
        return self.reply(200, {"user_id": 1667201533, "ip_whitelist": ["127.0.0.1"], "currency_pairs": ["USDT_BTC"], "key": {"mode": 1},
                                "tier": 2})

    def answer_bitget(self, key):
        return self.reply(200, {"code": "00000", "msg": "success", "requestTime": 1695808949356,
                                "data": {"userId": "**********", "inviterId": "**********", "ips": "127.0.0.1",
                                         "authorities": ["trade", "readonly"], "parentId": 1, "traderType": "trader",
                                         "channelCode": "XXX", "channel": "YYY", "regisTime": "1695808949356"}})


    # ---- services' documented success shapes ---------------------------------------------
    def answer_github(self, key):
        return self.reply(200, {"login": "kw-release-bot", "id": 5812290, "type": "User", "site_admin": False},
                          {"X-OAuth-Scopes": "repo, workflow", "X-RateLimit-Remaining": "4999"})

    def answer_aws(self, key):
        return self.reply_xml(200, "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                                   "<GetCallerIdentityResult><Arn>arn:aws:iam::402718365519:user/ci-deployer</Arn>"
                                   "<UserId>AIDAV3QX7RKLMZ2P4N6TB</UserId><Account>402718365519</Account></GetCallerIdentityResult>"
                                   "<ResponseMetadata><RequestId>01234567-89ab-4cde-8f01-23456789abcd</RequestId></ResponseMetadata>"
                                   "</GetCallerIdentityResponse>")

    def answer_slack(self, key):
        return self.reply(200, {"ok": True, "url": "https://kw-ops.slack.com/", "team": "kw-ops", "user": "deploy-bot",
                                "team_id": "T04QX2K7L", "user_id": "U04QX9ZP1", "bot_id": "B04QXA1MN", "is_enterprise_install": False},
                          {"x-oauth-scopes": "chat:write,channels:read"})

    def answer_openai(self, key):
        return self.reply(200, {"object": "list", "data": [{"id": "gpt-4o", "object": "model", "created": 1715367049, "owned_by": "system"},
                                                           {"id": "text-embedding-3-small", "object": "model", "created": 1705948997,
                                                            "owned_by": "system"}]})

    def answer_anthropic(self, key):
        return self.reply(200, {"data": [{"type": "model", "id": "claude-sonnet-4-5", "display_name": "Claude Sonnet 4.5",
                                          "created_at": "2025-09-29T00:00:00Z"}], "has_more": False,
                                "first_id": "claude-sonnet-4-5", "last_id": "claude-sonnet-4-5"})

    def answer_stripe(self, key):
        if key.startswith("rk_"):
            return self.reply(403, {"error": {"type": "invalid_request_error",
                                              "message": "The provided key does not have the required permissions for this endpoint."}})
        return self.reply(200, {"id": "acct_1QkW7e2eZvKYlo2C", "object": "account", "business_profile": {"name": "Tern Coffee"},
                                "charges_enabled": True, "country": "DE"})


class Server(ThreadingHTTPServer):
    # Tests send many requests at once; the default backlog of 5 would stall connections.
    request_queue_size = 256
    daemon_threads = True


def main():
    server = Server(("127.0.0.1", 0), Handler)
    server.daemon_threads = True

    def stop_when_parent_exits():
        try:
            sys.stdin.read()
        finally:
            os._exit(0)

    threading.Thread(target=stop_when_parent_exits, daemon=True).start()
    threading.Timer(300, lambda: os._exit(0)).start()
    print(json.dumps({"port": server.server_address[1], "coinbase_private_key": COINBASE_PEM, "oracles": ORACLES}), flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
