using TopologyDsl.CloudFormation;

namespace TopologyDsl.Resources;

/// <summary>AWS::Logs::LogGroup.</summary>
public sealed class LogGroup(string logicalId) : TaggedResource(logicalId)
{
    /// <inheritdoc />
    public override string Type => CfnTypes.LogGroup;

    /// <summary>Retain: the records (flow logs, say) outlive the stack, until their retention period ends.</summary>
    protected override string? DefaultPolicy => "Retain";

    /// <summary>How many days records are kept (one of the values CloudWatch Logs accepts).</summary>
    public int? RetentionInDays { get; init; }

    /// <inheritdoc />
    protected override void WriteProperties(MapValue p)
    {
        p.Add("RetentionInDays", RetentionInDays is { } days ? (Value)days : null);
        WriteTags(p);
    }
}

/// <summary>
/// AWS::IAM::Role that lets VPC Flow Logs deliver to one log group. The trust policy names the
/// service and, against the confused-deputy problem, this account and its flow logs; the permissions
/// are the ones the Amazon VPC User Guide lists for publishing flow logs to CloudWatch Logs.
/// </summary>
public sealed class FlowLogRole(string logicalId) : ServiceRole(logicalId)
{
    /// <summary>The log group's logical ID.</summary>
    public required string LogGroup { get; init; }

    /// <inheritdoc />
    protected override string Service => "vpc-flow-logs.amazonaws.com";

    /// <inheritdoc />
    protected override MapValue TrustCondition => new MapValue()
        .Add("StringEquals", new MapValue().Add("aws:SourceAccount", Fn.Ref("AWS::AccountId")))
        .Add("ArnLike", new MapValue().Add("aws:SourceArn", Fn.Sub("arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:vpc-flow-log/*")));

    /// <inheritdoc />
    protected override string PolicyName => "deliver-flow-logs";

    /// <inheritdoc />
    protected override MapValue? Permissions() => new MapValue()
        .Add("Effect", "Allow")
        .Add("Action", new ListValue("logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogGroups", "logs:DescribeLogStreams"))
        .Add("Resource", Fn.GetAtt(LogGroup, "Arn"));
}

/// <summary>AWS::EC2::FlowLog of a VPC, delivered to a CloudWatch Logs group.</summary>
public sealed class FlowLog(string logicalId) : TaggedResource(logicalId)
{
    /// <inheritdoc />
    public override string Type => CfnTypes.FlowLog;

    /// <summary>The VPC.</summary>
    public required Value ResourceId { get; init; }

    /// <summary>The log group's name.</summary>
    public required Value LogGroupName { get; init; }

    /// <summary>The role that delivers the records.</summary>
    public required Value DeliverLogsPermissionArn { get; init; }

    /// <inheritdoc />
    protected override void WriteProperties(MapValue p)
    {
        p.Add("ResourceId", ResourceId).Add("ResourceType", "VPC").Add("TrafficType", "ALL")
         .Add("LogDestinationType", "cloud-watch-logs").Add("LogGroupName", LogGroupName)
         .Add("DeliverLogsPermissionArn", DeliverLogsPermissionArn);
        WriteTags(p);
    }
}
