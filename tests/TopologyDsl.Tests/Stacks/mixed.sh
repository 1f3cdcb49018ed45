#!/bin/bash
# An escape beside a variable: Fn::Sub, the escape kept for CloudFormation to resolve.
set -euo pipefail
echo "${!HOSTNAME} talks to '${Escaped.PrivateIp}'" > /etc/motd
