#!/bin/bash
# Web server: Apache, PHP and WordPress, configured to use the DB server.
# CloudFormation fills in the dollar-brace names (Fn::Sub) before the script runs.
# No tracing (set -x): it would write the database password to the cloud-init log.
set -euo pipefail

dnf install -y httpd php php-mysqlnd php-gd php-xml php-mbstring php-intl

# The password lives in Secrets Manager; this instance's role may read that one secret.
DB_PASSWORD=$(aws secretsmanager get-secret-value --region ${AWS::Region} --secret-id '${DbPassword}' --query SecretString --output text)

cd /tmp
curl -fsSL -o wordpress.tar.gz https://wordpress.org/latest.tar.gz
tar -xzf wordpress.tar.gz
cp -a wordpress/. /var/www/html/
rm -rf wordpress wordpress.tar.gz

cd /var/www/html
cp wp-config-sample.php wp-config.php
sed -i \
  -e "s/database_name_here/wordpress/" \
  -e "s/username_here/wordpress/" \
  -e "s/password_here/$DB_PASSWORD/" \
  -e "s/localhost/${DbServer.PrivateIp}/" \
  wp-config.php
chmod 640 wp-config.php
chown -R apache:apache /var/www/html

systemctl enable --now httpd
