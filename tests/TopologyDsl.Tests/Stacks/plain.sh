#!/bin/bash
# Nothing for CloudFormation to fill in: written as plain Fn::Base64.
echo "$HOSTNAME" > /etc/motd
