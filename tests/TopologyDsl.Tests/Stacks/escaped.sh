#!/bin/bash
# Only escapes: CloudFormation has nothing to fill in, so this is plain Fn::Base64 of the script
# with each dollar-brace-bang written as dollar-brace.
set -euo pipefail
echo "${!HOSTNAME:-unknown}" > /etc/motd
for f in /etc/profile.d/*.sh; do echo "${!f##*/}"; done
