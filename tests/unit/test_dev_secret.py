"""The dev server's secret key is made for each install and kept in its var/ directory.

A published key would let anyone compute offline what it signs: the quiz's choice tokens
are an HMAC of it, so which token is which authored choice.
"""

import stat
import threading
from pathlib import Path

from django.conf import settings

from xblocks.devserver.secret import KEY_FILE, install_secret_key

PUBLISHED = "seminar-dev-server-not-for-production"


def test_the_dev_server_uses_its_installs_own_key():
    assert settings.SECRET_KEY != PUBLISHED
    assert settings.SECRET_KEY == (Path(settings.VAR_DIR) / KEY_FILE).read_text().strip()
    assert len(settings.SECRET_KEY) >= 50


def test_a_key_is_made_once_and_kept(tmp_path):
    key = install_secret_key(tmp_path)
    assert install_secret_key(tmp_path) == key
    assert install_secret_key(tmp_path / "other-install") != key  # the folder is created
    assert stat.S_IMODE((tmp_path / KEY_FILE).stat().st_mode) == 0o600


def test_processes_starting_together_agree_on_one_key(tmp_path):
    barrier = threading.Barrier(16)
    keys = []

    def start():
        barrier.wait(timeout=10)
        keys.append(install_secret_key(tmp_path))

    threads = [threading.Thread(target=start) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(keys) == 16 and len(set(keys)) == 1
    assert [path.name for path in tmp_path.iterdir()] == [KEY_FILE]  # no temporary files left
