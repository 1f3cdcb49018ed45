#!/bin/bash
# Web server: Apache, PHP and WordPress, configured to use the DB server.
# CloudFormation fills in the dollar-brace names (Fn::Sub) before the script runs.
set -euxo pipefail

dnf install -y httpd php php-mysqlnd php-gd php-xml php-mbstring php-intl

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
  -e "s/password_here/${DbPassword}/" \
  -e "s/localhost/${DbServer.PrivateIp}/" \
  wp-config.php
chown -R apache:apache /var/www/html

systemctl enable --now httpd
