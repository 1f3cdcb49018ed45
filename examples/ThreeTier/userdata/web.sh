#!/bin/bash
# The web tier: nginx in front of both application servers. The public subnet routes to the internet
# gateway, so dnf and the SSM agent go out that way.
set -euo pipefail

dnf install -y nginx

# The whole configuration: the packaged nginx.conf has a default server on port 80 of its own.
cat > /etc/nginx/nginx.conf <<'CONF'
user nginx;
worker_processes auto;
error_log /var/log/nginx/error.log;
pid /run/nginx.pid;

events {
    worker_connections 1024;
}

http {
    access_log /var/log/nginx/access.log;

    upstream app {
        server ${AppA.PrivateIp}:8080;
        server ${AppB.PrivateIp}:8080;
    }

    server {
        listen 80;
        location / {
            proxy_pass http://app;
        }
    }
}
CONF

systemctl enable --now nginx
