"""The repository's deployment files (deploy/) run for real: Debian's nginx started unprivileged on 127.0.0.1
with deploy/nginx/insatsbas.conf, and logrotate with deploy/logrotate/insatsbas. Only paths and ports are
changed, each by an exact replacement that must match once, so the files the tests run cannot drift from
the files the repository ships."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import REPO, free_port

NGINX = "/usr/sbin/nginx"
LOGROTATE = "/usr/sbin/logrotate"
SITE_CONFIG = REPO / "deploy" / "nginx" / "insatsbas.conf"
LOGROTATE_CONFIG = REPO / "deploy" / "logrotate" / "insatsbas"
ACCESS_LOG = "/var/log/nginx/insatsbas.access.log"


def replaced(text: str, replacements: dict[str, str], source: Path) -> str:
    for old, new in replacements.items():
        assert text.count(old) == 1, f"{source.name}: {old!r} should occur once, found {text.count(old)}"
        text = text.replace(old, new)
    return text


@dataclass
class Nginx:
    folder: Path
    https_port: int
    http_port: int

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.https_port}"

    @property
    def access_log(self) -> Path:
        return self.folder / "logs" / "insatsbas.access.log"

    @property
    def pid_file(self) -> Path:
        return self.folder / "nginx.pid"

    @property
    def config(self) -> Path:
        return self.folder / "nginx.conf"

    def logrotate_config(self) -> Path:
        """deploy/logrotate/insatsbas for this nginx: its log and its pid file."""
        text = replaced(LOGROTATE_CONFIG.read_text(encoding="utf-8"), {
            ACCESS_LOG: str(self.access_log),
            "create 0640 www-data adm": "create 0640",  # the test's user owns the log
            'if [ -s /run/nginx.pid ]; then kill -USR1 "$(cat /run/nginx.pid)"; fi':
                f'if [ -s {self.pid_file} ]; then kill -USR1 "$(cat {self.pid_file})"; fi',
        }, LOGROTATE_CONFIG)
        path = self.folder / "logrotate.conf"
        path.write_text(text, encoding="utf-8")
        return path

    def rotate(self) -> None:
        """What the daily logrotate run does, now (-f), with its state kept beside the logs."""
        subprocess.run([LOGROTATE, "-f", "-s", str(self.folder / "logrotate.state"), str(self.logrotate_config())],
                       check=True, capture_output=True, text=True)


def site_config(nginx: Nginx, site: Path, certificate: Path, key: Path) -> str:
    return replaced(SITE_CONFIG.read_text(encoding="utf-8"), {
        "listen 80;": f"listen 127.0.0.1:{nginx.http_port};",
        "    listen [::]:80;\n": "",  # no IPv6 on every test machine
        "listen 443 ssl http2;": f"listen 127.0.0.1:{nginx.https_port} ssl http2;",
        "    listen [::]:443 ssl http2;\n": "",
        "/etc/letsencrypt/live/insatsbas.example.se/fullchain.pem": str(certificate),
        "/etc/letsencrypt/live/insatsbas.example.se/privkey.pem": str(key),
        "/var/www/letsencrypt": str(nginx.folder / "acme"),
        "root /srv/insatsbas/output;": f"root {site};",
        f"access_log {ACCESS_LOG} combined;": f"access_log {nginx.access_log} combined;",
        "/var/log/nginx/insatsbas.error.log": str(nginx.folder / "logs" / "insatsbas.error.log"),
    }, SITE_CONFIG)


def main_config(nginx: Nginx) -> str:
    """What /etc/nginx/nginx.conf gives the site file on a server, with every path in the test's folder."""
    folder = nginx.folder
    user = "user root;\n" if os.geteuid() == 0 else ""  # as root, workers would otherwise drop to nobody
    temp = "\n".join(f"    {name}_temp_path {folder / 'temp' / name};"
                     for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return f"""{user}worker_processes 1;
pid {nginx.pid_file};
error_log {folder / 'logs' / 'error.log'};
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
{temp}
    access_log off;
    include {folder / 'insatsbas.conf'};
}}
"""


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    certificate, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-keyout", str(key), "-out", str(certificate)], check=True, capture_output=True)
    return certificate, key


def check_config(nginx: Nginx) -> subprocess.CompletedProcess:
    return subprocess.run([NGINX, "-t", "-p", str(nginx.folder), "-e", str(nginx.folder / "logs" / "error.log"),
                           "-c", str(nginx.config)], capture_output=True, text=True)


@contextmanager
def running_nginx(site: Path, folder: Path) -> Iterator[Nginx]:
    """nginx serving `site` on 127.0.0.1 (HTTPS with a self-signed certificate), until the block ends;
    then stopped gracefully, so every request it answered is in its access log."""
    nginx = Nginx(folder, free_port(), free_port())
    for name in ("logs", "temp", "acme"):
        (folder / name).mkdir(parents=True, exist_ok=True)
    certificate, key = self_signed_certificate(folder)
    (folder / "insatsbas.conf").write_text(site_config(nginx, site, certificate, key), encoding="utf-8")
    nginx.config.write_text(main_config(nginx), encoding="utf-8")
    checked = check_config(nginx)
    assert checked.returncode == 0, checked.stderr
    process = subprocess.Popen([NGINX, "-p", str(folder), "-e", str(folder / "logs" / "error.log"),
                                "-c", str(nginx.config), "-g", "daemon off;"], stderr=subprocess.PIPE)
    try:
        wait_until_listening(nginx.https_port, process)
        yield nginx
    finally:
        process.send_signal(signal.SIGQUIT)  # graceful: answers and logs the requests in flight, then ends
        process.wait(30)


def wait_until_listening(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError(process.stderr.read().decode()) from None
            time.sleep(0.05)
