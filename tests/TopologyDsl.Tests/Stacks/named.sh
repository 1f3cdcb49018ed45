#!/bin/bash
# Escapes naming a resource of the stack: the literal text, joined from pieces so that cfn-lint
# does not read it as a forgotten Fn::Sub.
echo 'This instance is ${!Named}; its neighbour ${!Escaped.PrivateIp}' > /etc/motd
