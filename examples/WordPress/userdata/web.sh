#!/bin/bash
# Web server: Apache, PHP and WordPress on the DB server's database, installed completely before
# Apache starts, so no one else can ever reach WordPress's setup page (wp-admin/install.php).
#
# CloudFormation fills in the dollar-brace names (Fn::Sub) before the script runs; each stands in
# single quotes, so bash reads it as a literal either way (hence SC2016 is off for this file). The
# admin user and e-mail parameters admit no quote, dollar or space (their AllowedPattern).
# CloudFormation creates this server after the DB server has signalled that MariaDB is ready (this
# script names the DB server's address, and the DB server waits for its own signal).
# When the script ends it reports its exit status to CloudFormation (cfn-signal).
# No tracing (set -x): it would write secrets to the cloud-init log.
# shellcheck disable=SC2016
set -euo pipefail
umask 027

DB_PASSWORD_FILE=/etc/wordpress/db-password

# retry ATTEMPTS COMMAND...: runs COMMAND until it succeeds, at most ATTEMPTS times, waiting 2, 4, 8...
# seconds (at most 60) between tries.
retry() {
  local attempts=$1 delay=2 try=1
  shift
  until "$@"; do
    if [ "$try" -ge "$attempts" ]; then
      echo "$1: failed $attempts times" >&2
      return 1
    fi
    sleep "$delay"
    try=$((try + 1))
    delay=$((delay * 2 > 60 ? 60 : delay * 2))
  done
}

# imds PATH: reads instance metadata with an IMDSv2 session token (sent on standard input, not argv).
imds() {
  local token
  token=$(curl -fsS --retry 5 --retry-connrefused -X PUT -H 'X-aws-ec2-metadata-token-ttl-seconds: 300' http://169.254.169.254/latest/api/token)
  printf 'X-aws-ec2-metadata-token: %s\n' "$token" | curl -fsS --retry 5 --retry-connrefused -H @- "http://169.254.169.254/latest/meta-data/$1"
}

# secret ARN: prints a secret's value. A new instance's role can take a while to work, so it retries.
secret() {
  retry 8 aws secretsmanager get-secret-value --region '${AWS::Region}' --secret-id "$1" --query SecretString --output text
}

# download URL FILE: fetches over HTTPS, retrying with curl's own backoff.
download() {
  curl -fsSL --proto '=https' --retry 8 --retry-all-errors --retry-max-time 600 -o "$2" "$1"
}

# password_php FILE: the PHP expression wp-config.php defines DB_PASSWORD with. It reads the password
# from FILE when PHP runs, so the password itself is never PHP source and needs no escaping.
password_php() {
  printf "file_get_contents('%s')" "$1"
}

# one_line: fails unless standard input is one line without a line break (what WP-CLI's --prompt reads).
one_line() {
  local value
  value=$(cat)
  case $value in
    '' | *$'\n'* | *$'\r'*) echo "the value must be one non-empty line" >&2; return 1 ;;
  esac
}

wp() {
  /usr/local/bin/wp --path=/var/www/html --allow-root "$@"
}

# install_wordpress URL: installs the site, reading the admin password from ADMIN_PASSWORD through a
# pipe (WP-CLI's --prompt), never from the command line.
install_wordpress() {
  printf '%s\n' "$ADMIN_PASSWORD" | wp core install --url="$1" --title='${AWS::StackName}' \
    --admin_user='${AdminUser}' --admin_email='${AdminEmail}' --skip-email --prompt=admin_password
}

# Tests source the functions above without running anything below.
if [ "$#" -gt 0 ] && [ "$1" = --functions-only ]; then
  return 0
fi

signal() {
  local status=$?
  retry 5 /opt/aws/bin/cfn-signal --exit-code "$status" --stack '${AWS::StackName}' --resource '${LogicalId}' --region '${AWS::Region}' || true
}
trap signal EXIT

export AWS_RETRY_MODE=standard AWS_MAX_ATTEMPTS=10
retry 5 dnf install -y aws-cfn-bootstrap
retry 5 dnf install -y httpd php php-mysqlnd php-gd php-xml php-mbstring php-intl

# WordPress, and WP-CLI checked against its published SHA-512.
cd /tmp
download https://wordpress.org/latest.tar.gz wordpress.tar.gz
tar -xzf wordpress.tar.gz
cp -a wordpress/. /var/www/html/
rm -rf wordpress wordpress.tar.gz
chown -R apache:apache /var/www/html
download https://raw.githubusercontent.com/wp-cli/builds/gh-pages/phar/wp-cli.phar wp-cli.phar
download https://raw.githubusercontent.com/wp-cli/builds/gh-pages/phar/wp-cli.phar.sha512 wp-cli.phar.sha512
echo "$(cut -d ' ' -f 1 wp-cli.phar.sha512)  wp-cli.phar" | sha512sum --check --quiet -
install -m 0755 wp-cli.phar /usr/local/bin/wp
rm -f wp-cli.phar wp-cli.phar.sha512

# The database password, from Secrets Manager into a file only root and Apache may read; printf is a
# shell builtin, so the password is on no command line. Running the script again after the secret
# changed writes the new one.
install -d -m 0750 -o root -g apache /etc/wordpress
DB_PASSWORD=$(secret '${DbPassword}')
printf '%s' "$DB_PASSWORD" > "$DB_PASSWORD_FILE"
unset DB_PASSWORD
chown root:apache "$DB_PASSWORD_FILE"
chmod 0640 "$DB_PASSWORD_FILE"

# wp-config.php with fresh salts (WP-CLI generates them), readable by Apache, writable by root only.
retry 5 wp config create --dbname=wordpress --dbuser=wordpress --dbhost='${DbServer.PrivateIp}' --skip-check --force
wp config set DB_PASSWORD "$(password_php "$DB_PASSWORD_FILE")" --raw --type=constant
chown root:apache /var/www/html/wp-config.php
chmod 0640 /var/www/html/wp-config.php

# The site, installed before Apache starts, at the web server's Elastic IP: WordPress stores its URL,
# and an address read from the instance metadata would change at the next stop and start. The admin
# password is the AdminPassword secret (the stack's outputs say how to read it).
SITE_URL='http://${WebServer.PublicIp}'
ADMIN_PASSWORD=$(secret '${AdminPassword}')
printf '%s' "$ADMIN_PASSWORD" | one_line
if ! wp core is-installed; then
  retry 10 install_wordpress "$SITE_URL"
fi
unset ADMIN_PASSWORD

systemctl enable --now httpd
