using System.Collections.Generic;
using System.Linq;
using TopologyDsl.CloudFormation;

namespace TopologyDsl.Resources;

/// <summary>AWS::EC2::VPCPeeringConnection: joins two VPCs; routes of either side may send traffic to it.</summary>
public sealed class VpcPeeringConnection(string logicalId) : TaggedResource(logicalId)
{
    /// <inheritdoc />
    public override string Type => CfnTypes.VpcPeeringConnection;

    /// <summary>The requester VPC.</summary>
    public required Value VpcId { get; init; }

    /// <summary>The accepter VPC.</summary>
    public required Value PeerVpcId { get; init; }

    /// <summary>The accepter's account, when it is another account.</summary>
    public Value? PeerOwnerId { get; init; }

    /// <summary>The accepter's region, when it is another region.</summary>
    public Value? PeerRegion { get; init; }

    /// <summary>The role in the accepter's account that CloudFormation assumes to accept the connection.</summary>
    public Value? PeerRoleArn { get; init; }

    /// <inheritdoc />
    protected override void WriteProperties(MapValue p)
    {
        p.Add("VpcId", VpcId).Add("PeerVpcId", PeerVpcId).Add("PeerOwnerId", PeerOwnerId).Add("PeerRegion", PeerRegion).Add("PeerRoleArn", PeerRoleArn);
        WriteTags(p);
    }
}

/// <summary>AWS::EC2::TransitGateway.</summary>
public sealed class TransitGateway(string logicalId) : TaggedResource(logicalId)
{
    /// <inheritdoc />
    public override string Type => CfnTypes.TransitGateway;

    /// <summary>What the transit gateway is for.</summary>
    public string? Description { get; init; }

    /// <summary>The private ASN of the Amazon side; null for AWS's default.</summary>
    public long? AmazonSideAsn { get; init; }

    /// <summary>Whether attachments are associated with, and propagate to, the default route table.</summary>
    public bool DefaultRouteTables { get; init; } = true;

    /// <inheritdoc />
    protected override void WriteProperties(MapValue p)
    {
        var setting = DefaultRouteTables ? "enable" : "disable";
        p.Add("Description", Description)
         .Add("AmazonSideAsn", AmazonSideAsn is { } asn ? new NumberValue(asn) : null)
         .Add("DefaultRouteTableAssociation", setting)
         .Add("DefaultRouteTablePropagation", setting)
         .Add("DnsSupport", "enable");
        WriteTags(p);
    }
}

/// <summary>AWS::EC2::TransitGatewayAttachment: a VPC attached to a transit gateway through one subnet per zone.</summary>
public sealed class TransitGatewayAttachment(string logicalId) : TaggedResource(logicalId)
{
    /// <inheritdoc />
    public override string Type => CfnTypes.TransitGatewayAttachment;

    /// <summary>The transit gateway.</summary>
    public required Value TransitGatewayId { get; init; }

    /// <summary>The VPC.</summary>
    public required Value VpcId { get; init; }

    /// <summary>The subnets, one per availability zone.</summary>
    public IReadOnlyList<Value> SubnetIds { get; init; } = [];

    /// <inheritdoc />
    protected override void WriteProperties(MapValue p)
    {
        p.Add("TransitGatewayId", TransitGatewayId).Add("VpcId", VpcId).Add("SubnetIds", new ListValue(SubnetIds));
        WriteTags(p);
    }
}

/// <summary>AWS::EC2::TransitGatewayRouteTable.</summary>
public sealed class TransitGatewayRouteTable(string logicalId) : TaggedResource(logicalId)
{
    /// <inheritdoc />
    public override string Type => CfnTypes.TransitGatewayRouteTable;

    /// <summary>The transit gateway.</summary>
    public required Value TransitGatewayId { get; init; }

    /// <inheritdoc />
    protected override void WriteProperties(MapValue p)
    {
        p.Add("TransitGatewayId", TransitGatewayId);
        WriteTags(p);
    }
}

/// <summary>AWS::EC2::TransitGatewayRouteTableAssociation: the table that routes traffic arriving from an attachment.</summary>
public sealed class TransitGatewayRouteTableAssociation(string logicalId) : Resource(logicalId)
{
    /// <inheritdoc />
    public override string Type => CfnTypes.TransitGatewayRouteTableAssociation;

    /// <summary>The attachment.</summary>
    public required Value TransitGatewayAttachmentId { get; init; }

    /// <summary>The transit gateway route table.</summary>
    public required Value TransitGatewayRouteTableId { get; init; }

    /// <inheritdoc />
    protected override void WriteProperties(MapValue p) =>
        p.Add("TransitGatewayAttachmentId", TransitGatewayAttachmentId).Add("TransitGatewayRouteTableId", TransitGatewayRouteTableId);
}

/// <summary>AWS::EC2::TransitGatewayRouteTablePropagation: an attachment's VPC blocks become routes of the table.</summary>
public sealed class TransitGatewayRouteTablePropagation(string logicalId) : Resource(logicalId)
{
    /// <inheritdoc />
    public override string Type => CfnTypes.TransitGatewayRouteTablePropagation;

    /// <summary>The attachment.</summary>
    public required Value TransitGatewayAttachmentId { get; init; }

    /// <summary>The transit gateway route table.</summary>
    public required Value TransitGatewayRouteTableId { get; init; }

    /// <inheritdoc />
    protected override void WriteProperties(MapValue p) =>
        p.Add("TransitGatewayAttachmentId", TransitGatewayAttachmentId).Add("TransitGatewayRouteTableId", TransitGatewayRouteTableId);
}

/// <summary>AWS::EC2::TransitGatewayRoute: a static route of a transit gateway route table.</summary>
public sealed class TransitGatewayRoute(string logicalId) : Resource(logicalId)
{
    /// <inheritdoc />
    public override string Type => CfnTypes.TransitGatewayRoute;

    /// <summary>The transit gateway route table.</summary>
    public required Value TransitGatewayRouteTableId { get; init; }

    /// <summary>The IPv4 destination.</summary>
    public required Value DestinationCidrBlock { get; init; }

    /// <summary>The attachment traffic goes to.</summary>
    public required Value TransitGatewayAttachmentId { get; init; }

    /// <inheritdoc />
    protected override void WriteProperties(MapValue p) =>
        p.Add("TransitGatewayRouteTableId", TransitGatewayRouteTableId).Add("DestinationCidrBlock", DestinationCidrBlock)
         .Add("TransitGatewayAttachmentId", TransitGatewayAttachmentId);
}
