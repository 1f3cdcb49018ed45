#!/bin/bash
# The database tier: MariaDB with a user for the application tier. Like the application tier, it has
# no route to the internet: packages come through the S3 gateway endpoint, the password through the
# Secrets Manager endpoint.
# CloudFormation fills in the dollar-brace names (Fn::Sub) before the script runs; each stands in
# single quotes, so bash reads it as a literal either way (hence SC2016 is off for this file).
# shellcheck disable=SC2016
set -euo pipefail

dnf install -y mariadb105-server

# Every address of the server; the security group admits only the application tier on 3306.
cat > /etc/my.cnf.d/network.cnf <<'CNF'
[mysqld]
bind-address = 0.0.0.0
CNF
systemctl enable --now mariadb

# The password reaches MariaDB on standard input, never on a command line. Secrets Manager generates
# letters and digits only, so it needs no quoting inside the SQL string.
PASSWORD=$(aws secretsmanager get-secret-value --region '${AWS::Region}' --secret-id '${DbPassword}' --query SecretString --output text)
mariadb <<SQL
CREATE DATABASE IF NOT EXISTS app;
CREATE USER IF NOT EXISTS 'app'@'10.0.%' IDENTIFIED BY '$PASSWORD';
ALTER USER 'app'@'10.0.%' IDENTIFIED BY '$PASSWORD';
GRANT ALL PRIVILEGES ON app.* TO 'app'@'10.0.%';
SQL
