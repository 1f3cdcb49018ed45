using System.Collections.Generic;
using TopologyDsl.CloudFormation;

namespace TopologyDsl.Resources;

/// <summary>
/// AWS::EC2::VPCEndpoint: a gateway endpoint (S3, DynamoDB) that adds a route to the service's
/// prefix list in its route tables, or an interface endpoint with a network interface in each of its
/// subnets, behind its security groups.
/// </summary>
public sealed class VpcEndpoint(string logicalId) : TaggedResource(logicalId)
{
    /// <inheritdoc />
    public override string Type => CfnTypes.VpcEndpoint;

    /// <summary><c>Gateway</c> or <c>Interface</c>.</summary>
    public required string VpcEndpointType { get; init; }

    /// <summary>The endpoint service, such as <c>!Sub com.amazonaws.${AWS::Region}.s3</c>.</summary>
    public required Value ServiceName { get; init; }

    /// <summary>The VPC.</summary>
    public required Value VpcId { get; init; }

    /// <summary>A gateway endpoint's route tables.</summary>
    public IReadOnlyList<Value> RouteTableIds { get; init; } = [];

    /// <summary>An interface endpoint's subnets, one per zone.</summary>
    public IReadOnlyList<Value> SubnetIds { get; init; } = [];

    /// <summary>An interface endpoint's security groups (none: the VPC's default group).</summary>
    public IReadOnlyList<Value> SecurityGroupIds { get; init; } = [];

    /// <summary>Whether an interface endpoint takes over the service's host name in the VPC; null for a gateway endpoint.</summary>
    public bool? PrivateDnsEnabled { get; init; }

    /// <inheritdoc />
    protected override void WriteProperties(MapValue p)
    {
        p.Add("VpcEndpointType", VpcEndpointType).Add("ServiceName", ServiceName).Add("VpcId", VpcId);
        if (RouteTableIds.Count > 0)
        {
            p.Add("RouteTableIds", new ListValue(RouteTableIds));
        }

        if (SubnetIds.Count > 0)
        {
            p.Add("SubnetIds", new ListValue(SubnetIds));
        }

        if (SecurityGroupIds.Count > 0)
        {
            p.Add("SecurityGroupIds", new ListValue(SecurityGroupIds));
        }

        if (PrivateDnsEnabled is { } privateDns)
        {
            p.Add("PrivateDnsEnabled", privateDns);
        }

        WriteTags(p);
    }
}
