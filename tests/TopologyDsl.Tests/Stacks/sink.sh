#!/bin/bash
# "quotes", 'single', back\slash, ${!Literal} and tabs	here
echo "${App.PrivateIp} ${EdgeGroup.GroupId} ${Count} ${Trusted} ${AWS::StackName} ${NatAEip.AllocationId} ${Door}"
aws secretsmanager get-secret-value --secret-id '${Token}' --query SecretString --output text > /dev/null
