#!/bin/bash
# DB server: MariaDB with the WordPress database and a user that may connect from the public
# subnet (10.0.1.0/24) only. Packages come through the NAT gateway.
# CloudFormation fills in the dollar-brace names (Fn::Sub) before the script runs.
# No tracing (set -x): it would write the database password to the cloud-init log.
set -euo pipefail

dnf install -y mariadb105-server
systemctl enable --now mariadb

# The password lives in Secrets Manager (letters and digits only, so it needs no quoting in SQL).
DB_PASSWORD=$(aws secretsmanager get-secret-value --region ${AWS::Region} --secret-id '${DbPassword}' --query SecretString --output text)

mysql <<SQL
CREATE DATABASE IF NOT EXISTS wordpress DEFAULT CHARACTER SET utf8mb4;
CREATE USER IF NOT EXISTS 'wordpress'@'10.0.1.%' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL PRIVILEGES ON wordpress.* TO 'wordpress'@'10.0.1.%';
FLUSH PRIVILEGES;
SQL
