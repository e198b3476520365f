"""The dev server's secret key: made for each install on first use, kept in its var/ dir.

A key published in the source would let anyone compute offline what it signs (the quiz's
choice tokens are an HMAC of it: which token is which authored choice). Servers starting
at the same moment on one var/ dir (gunicorn workers, a test run) must agree on one key,
so the key is written to a private temporary file and linked into place: a link either
creates the file, whole, or fails because another process got there first.
"""

import os
import secrets
import tempfile
from pathlib import Path

KEY_FILE = "secret_key"


def install_secret_key(var_dir) -> str:
    """This install's key, made (readable by its owner only) if there is none yet."""
    var_dir = Path(var_dir)
    path = var_dir / KEY_FILE
    if not path.exists():
        var_dir.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=var_dir, prefix=".secret_key-")  # 0600
        try:
            with os.fdopen(descriptor, "w", encoding="ascii") as file:
                file.write(secrets.token_urlsafe(50) + "\n")
                file.flush()
                os.fsync(file.fileno())
            try:
                os.link(temporary, path)
            except FileExistsError:
                pass  # another process made the key first: use theirs
        finally:
            os.unlink(temporary)
    key = path.read_text(encoding="ascii").strip()
    if not key:
        raise RuntimeError(f"{path} is empty: delete it and a new key is made")
    return key
