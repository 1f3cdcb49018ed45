#!/bin/bash
# DB server: MariaDB bound to this server's private address, with the WordPress database and a user
# that may connect from the web server's address only. Packages come through the NAT gateway.
#
# CloudFormation fills in the dollar-brace names (Fn::Sub) before the script runs; each stands in
# single quotes, so bash reads it as a literal either way (hence SC2016 is off for this file).
# When the script ends it reports its exit status to CloudFormation (cfn-signal), which waits for it
# (SignalTimeoutMinutes) and fails the stack on a failure or on no signal at all.
# No tracing (set -x): it would write secrets to the cloud-init log.
# shellcheck disable=SC2016
set -euo pipefail
umask 077

# The web server's fixed private address (WebServer in WordPressStack.cs; a test keeps the two equal).
# Not the substitution WebServer.PrivateIp: that would make this server wait for the web server,
# which waits for this one.
readonly WEB_SERVER_IP=10.0.1.10

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

# native_password_hash: reads a password on standard input and prints MariaDB's mysql_native_password
# hash of it ('*' and the upper-case hex SHA-1 of its binary SHA-1, what PASSWORD() returns). The SQL
# below gets this hash, never the password: whatever characters the password holds, none reach SQL.
native_password_hash() {
  local hex
  hex=$(openssl dgst -sha1 -binary | openssl dgst -sha1 -r | cut -d ' ' -f 1 | tr 'a-f' 'A-F')
  printf '*%s' "$hex"
}

# wordpress_sql HASH: the database, and a user for the web server's address only. Safe to run again:
# the ALTER USER sets the current password when the secret has changed since the user was made.
wordpress_sql() {
  if ! [[ $1 =~ ^\*[0-9A-F]{40}$ ]]; then
    echo "not a mysql_native_password hash" >&2
    return 1
  fi
  cat <<SQL
CREATE DATABASE IF NOT EXISTS wordpress DEFAULT CHARACTER SET utf8mb4;
CREATE USER IF NOT EXISTS 'wordpress'@'$WEB_SERVER_IP' IDENTIFIED BY PASSWORD '$1';
ALTER USER 'wordpress'@'$WEB_SERVER_IP' IDENTIFIED BY PASSWORD '$1';
GRANT ALL PRIVILEGES ON wordpress.* TO 'wordpress'@'$WEB_SERVER_IP';
SQL
}

# has_filesystem DEVICE: whether blkid finds a file system (or anything else it knows, such as a
# partition table) on DEVICE. Only a blank device is ever formatted: the data volume outlives this
# server, and a replacement server must mount the database it holds, never wipe it.
has_filesystem() {
  local status=0
  blkid -p "$1" > /dev/null || status=$?
  case $status in
    0) return 0 ;;
    2) return 1 ;;
    *)
      # An error (a device it cannot read, an ambiguous probe) is no licence to format.
      echo "blkid $1: exit status $status" >&2
      exit 1
      ;;
  esac
}

# mount_data_volume DEVICE DIR: waits for DEVICE (on Nitro instances /dev/sdf is a link to an NVMe
# disk that udev makes once the volume is attached), formats it if it is blank, and mounts it at DIR,
# in /etc/fstab by UUID (nofail: a missing volume must not stop the boot). Safe to run again.
# A third argument names another fstab (for the tests).
mount_data_volume() {
  local device=$1 dir=$2 fstab=/etc/fstab uuid type
  if [ "$#" -gt 2 ]; then
    fstab=$3
  fi
  retry 10 test -b "$device"
  if ! has_filesystem "$device"; then
    mkfs.xfs -q "$device"
  fi
  uuid=$(blkid -s UUID -o value "$device")
  type=$(blkid -s TYPE -o value "$device")
  mkdir -p "$dir"
  if ! grep -q "^UUID=$uuid " "$fstab"; then
    printf 'UUID=%s %s %s defaults,nofail 0 2\n' "$uuid" "$dir" "$type" >> "$fstab"
  fi
  if ! mountpoint -q "$dir"; then
    mount "$dir"
  fi
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
retry 5 dnf install -y mariadb105-server openssl

# MariaDB's data lives on the data volume (DbData in WordPressStack.cs, attached as /dev/sdf), mounted
# at the datadir before MariaDB first starts: on a new volume MariaDB creates its databases there, on a
# volume that an earlier server used it finds them.
readonly DATA_DIR=/var/lib/mysql
mount_data_volume /dev/sdf "$DATA_DIR"
chown mysql:mysql "$DATA_DIR"
chmod 0755 "$DATA_DIR"
if command -v restorecon > /dev/null; then
  restorecon -R "$DATA_DIR"
fi

# Listen on the private address only (the security group admits the web server alone).
PRIVATE_IP=$(imds local-ipv4)
printf '[mysqld]\ndatadir = %s\nbind-address = %s\n' "$DATA_DIR" "$PRIVATE_IP" > /etc/my.cnf.d/zz-wordpress.cnf
chmod 0644 /etc/my.cnf.d/zz-wordpress.cnf
systemctl enable mariadb
systemctl restart mariadb
retry 10 mysqladmin --silent ping

# The password lives in Secrets Manager; this instance's role may read that one secret. It goes
# through a pipe (printf is a shell builtin, so it is on no command line) and only its hash goes on.
DB_PASSWORD=$(secret '${DbPassword}')
DB_PASSWORD_HASH=$(printf '%s' "$DB_PASSWORD" | native_password_hash)
unset DB_PASSWORD
wordpress_sql "$DB_PASSWORD_HASH" | mysql --batch
