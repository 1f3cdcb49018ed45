#!/bin/bash
# The application tier: a small HTTP service on port 8080 that says whether it can reach the database.
# Its subnet has no route to the internet: dnf reaches Amazon Linux's repositories through the S3
# gateway endpoint, and the AWS CLI reaches Secrets Manager through its interface endpoint.
# CloudFormation fills in the dollar-brace names (Fn::Sub) before the script runs; each stands in
# single quotes, so bash reads it as a literal either way (hence SC2016 is off for this file).
# shellcheck disable=SC2016
set -euo pipefail

dnf install -y mariadb105 python3
id app >/dev/null 2>&1 || useradd --system --home-dir /opt/app --shell /sbin/nologin app
install -d -o app -g app -m 0700 /opt/app

# The database password goes into a client option file only the service's user can read, never onto a command line.
umask 077
PASSWORD=$(aws secretsmanager get-secret-value --region '${AWS::Region}' --secret-id '${DbPassword}' --query SecretString --output text)
printf '[client]\nhost=%s\nuser=app\npassword=%s\n' '${Db.PrivateIp}' "$PASSWORD" > /opt/app/my.cnf
chown app:app /opt/app/my.cnf

cat > /opt/app/server.py <<'PY'
import http.server
import subprocess


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        check = subprocess.run(["mariadb", "--defaults-extra-file=/opt/app/my.cnf", "-e", "SELECT 1"], capture_output=True)
        body = ("database reachable\n" if check.returncode == 0 else "database unreachable\n").encode()
        self.send_response(200 if check.returncode == 0 else 503)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


http.server.ThreadingHTTPServer(("", 8080), Handler).serve_forever()
PY

cat > /etc/systemd/system/app.service <<'UNIT'
[Unit]
Description=Three-tier example application
After=network-online.target

[Service]
User=app
ExecStart=/usr/bin/python3 /opt/app/server.py
Restart=always

[Install]
WantedBy=multi-user.target
UNIT

systemctl daemon-reload
systemctl enable --now app
