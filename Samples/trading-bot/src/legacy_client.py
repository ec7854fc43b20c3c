"""The old Bybit client, kept "for reference". Fake credentials: this key was rotated away,
so it is not in Samples/inventory/bybit-main.json (leaked, but no longer live)."""

BYBIT_API_KEY = "Kq2Wd8Lm4Np6Rt0Vx3"
BYBIT_API_SECRET = "kJUvzFjlQcE30peXmnRZ5QW8W5LUehJEJ0ym"


def client():
    raise NotImplementedError("use src/client.py")
