#!/bin/bash
# DB server: MariaDB with the WordPress database and a user that may connect from the public
# subnet (10.0.1.0/24) only. Packages come through the NAT gateway.
# CloudFormation fills in the dollar-brace names (Fn::Sub) before the script runs.
set -euxo pipefail

dnf install -y mariadb105-server
systemctl enable --now mariadb

mysql <<'SQL'
CREATE DATABASE IF NOT EXISTS wordpress DEFAULT CHARACTER SET utf8mb4;
CREATE USER IF NOT EXISTS 'wordpress'@'10.0.1.%' IDENTIFIED BY '${DbPassword}';
GRANT ALL PRIVILEGES ON wordpress.* TO 'wordpress'@'10.0.1.%';
FLUSH PRIVILEGES;
SQL
