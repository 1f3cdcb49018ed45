#!/bin/bash
set -euo pipefail
signal() { /opt/aws/bin/cfn-signal --exit-code "$?" --stack '${AWS::StackName}' --resource '${LogicalId}' --region '${AWS::Region}'; }
trap signal EXIT
echo '${!NotSubstituted}'
