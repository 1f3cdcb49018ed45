using TopologyDsl.CloudFormation;

namespace TopologyDsl.Resources;

/// <summary>AWS::EC2::VPC.</summary>
public sealed class Vpc(string logicalId) : TaggedResource(logicalId)
{
    /// <inheritdoc />
    public override string Type => CfnTypes.Vpc;

    /// <summary>The primary IPv4 block.</summary>
    public required Value CidrBlock { get; init; }

    /// <summary>Whether instances with public IPs get public DNS names.</summary>
    public bool EnableDnsHostnames { get; init; } = true;

    /// <summary>Whether the Amazon-provided DNS server answers in the VPC.</summary>
    public bool EnableDnsSupport { get; init; } = true;

    /// <inheritdoc />
    protected override void WriteProperties(MapValue p)
    {
        p.Add("CidrBlock", CidrBlock).Add("EnableDnsHostnames", EnableDnsHostnames).Add("EnableDnsSupport", EnableDnsSupport);
        WriteTags(p);
    }
}

/// <summary>AWS::EC2::VPCCidrBlock: a secondary IPv4 block of a VPC, or its Amazon-provided IPv6 /56.</summary>
public sealed class VpcCidrBlock(string logicalId) : Resource(logicalId)
{
    /// <inheritdoc />
    public override string Type => CfnTypes.VpcCidrBlock;

    /// <summary>The VPC.</summary>
    public required Value VpcId { get; init; }

    /// <summary>The IPv4 block (null for the IPv6 block).</summary>
    public Value? CidrBlock { get; init; }

    /// <summary>Whether this is the /56 IPv6 block Amazon provides.</summary>
    public bool AmazonProvidedIpv6CidrBlock { get; init; }

    /// <inheritdoc />
    protected override void WriteProperties(MapValue p) =>
        p.Add("VpcId", VpcId).Add("CidrBlock", CidrBlock).Add("AmazonProvidedIpv6CidrBlock", AmazonProvidedIpv6CidrBlock ? (Value)true : null);
}

/// <summary>AWS::EC2::Subnet.</summary>
public sealed class Subnet(string logicalId) : TaggedResource(logicalId)
{
    /// <inheritdoc />
    public override string Type => CfnTypes.Subnet;

    /// <summary>The VPC.</summary>
    public required Value VpcId { get; init; }

    /// <summary>The IPv4 block, inside the VPC's.</summary>
    public required Value CidrBlock { get; init; }

    /// <summary>The availability zone, usually <c>!Select [n, !GetAZs '']</c>, or a zone's name.</summary>
    public Value? AvailabilityZone { get; init; }

    /// <summary>The availability zone's ID, such as <c>apne1-az1</c> (instead of <see cref="AvailabilityZone"/>).</summary>
    public Value? AvailabilityZoneId { get; init; }

    /// <summary>The IPv6 /64, usually <c>!Select [n, !Cidr [!Select [0, !GetAtt Vpc.Ipv6CidrBlocks], 256, 64]]</c>.</summary>
    public Value? Ipv6CidrBlock { get; init; }

    /// <summary>Whether network interfaces created in the subnet get an IPv6 address.</summary>
    public bool AssignIpv6AddressOnCreation { get; init; }

    /// <inheritdoc />
    protected override void WriteProperties(MapValue p)
    {
        p.Add("VpcId", VpcId).Add("CidrBlock", CidrBlock).Add("AvailabilityZone", AvailabilityZone).Add("AvailabilityZoneId", AvailabilityZoneId)
         .Add("Ipv6CidrBlock", Ipv6CidrBlock).Add("AssignIpv6AddressOnCreation", AssignIpv6AddressOnCreation ? (Value)true : null);
        WriteTags(p);
    }
}

/// <summary>AWS::EC2::InternetGateway.</summary>
public sealed class InternetGateway(string logicalId) : TaggedResource(logicalId)
{
    /// <inheritdoc />
    public override string Type => CfnTypes.InternetGateway;

    /// <inheritdoc />
    protected override void WriteProperties(MapValue p) => WriteTags(p);
}

/// <summary>AWS::EC2::VPCGatewayAttachment: attaches an internet gateway to a VPC.</summary>
public sealed class VpcGatewayAttachment(string logicalId) : Resource(logicalId)
{
    /// <inheritdoc />
    public override string Type => CfnTypes.VpcGatewayAttachment;

    /// <summary>The VPC.</summary>
    public required Value VpcId { get; init; }

    /// <summary>The internet gateway.</summary>
    public required Value InternetGatewayId { get; init; }

    /// <inheritdoc />
    protected override void WriteProperties(MapValue p) => p.Add("VpcId", VpcId).Add("InternetGatewayId", InternetGatewayId);
}

/// <summary>AWS::EC2::RouteTable.</summary>
public sealed class RouteTable(string logicalId) : TaggedResource(logicalId)
{
    /// <inheritdoc />
    public override string Type => CfnTypes.RouteTable;

    /// <summary>The VPC.</summary>
    public required Value VpcId { get; init; }

    /// <inheritdoc />
    protected override void WriteProperties(MapValue p)
    {
        p.Add("VpcId", VpcId);
        WriteTags(p);
    }
}

/// <summary>AWS::EC2::Route: one entry of a route table.</summary>
public sealed class Route(string logicalId) : Resource(logicalId)
{
    /// <inheritdoc />
    public override string Type => CfnTypes.Route;

    /// <summary>The route table.</summary>
    public required Value RouteTableId { get; init; }

    /// <summary>The IPv4 destination (or the IPv6 one in <see cref="DestinationIpv6CidrBlock"/>).</summary>
    public Value? DestinationCidrBlock { get; init; }

    /// <summary>The IPv6 destination, such as <c>::/0</c>.</summary>
    public Value? DestinationIpv6CidrBlock { get; init; }

    /// <summary>An internet gateway target.</summary>
    public Value? GatewayId { get; init; }

    /// <summary>An egress-only internet gateway target (IPv6 only).</summary>
    public Value? EgressOnlyInternetGatewayId { get; init; }

    /// <summary>A NAT gateway target.</summary>
    public Value? NatGatewayId { get; init; }

    /// <summary>A VPC peering connection target.</summary>
    public Value? VpcPeeringConnectionId { get; init; }

    /// <summary>A transit gateway target.</summary>
    public Value? TransitGatewayId { get; init; }

    /// <inheritdoc />
    protected override void WriteProperties(MapValue p) =>
        p.Add("RouteTableId", RouteTableId).Add("DestinationCidrBlock", DestinationCidrBlock).Add("DestinationIpv6CidrBlock", DestinationIpv6CidrBlock)
         .Add("GatewayId", GatewayId).Add("EgressOnlyInternetGatewayId", EgressOnlyInternetGatewayId).Add("NatGatewayId", NatGatewayId)
         .Add("VpcPeeringConnectionId", VpcPeeringConnectionId).Add("TransitGatewayId", TransitGatewayId);
}

/// <summary>AWS::EC2::SubnetRouteTableAssociation.</summary>
public sealed class SubnetRouteTableAssociation(string logicalId) : Resource(logicalId)
{
    /// <inheritdoc />
    public override string Type => CfnTypes.SubnetRouteTableAssociation;

    /// <summary>The subnet.</summary>
    public required Value SubnetId { get; init; }

    /// <summary>The route table.</summary>
    public required Value RouteTableId { get; init; }

    /// <inheritdoc />
    protected override void WriteProperties(MapValue p) => p.Add("SubnetId", SubnetId).Add("RouteTableId", RouteTableId);
}

/// <summary>AWS::EC2::EIP: an Elastic IP address for use in a VPC.</summary>
public sealed class Eip(string logicalId) : TaggedResource(logicalId)
{
    /// <inheritdoc />
    public override string Type => CfnTypes.Eip;

    /// <inheritdoc />
    protected override void WriteProperties(MapValue p)
    {
        p.Add("Domain", "vpc");
        WriteTags(p);
    }
}

/// <summary>AWS::EC2::NatGateway (public connectivity, with an Elastic IP).</summary>
public sealed class NatGateway(string logicalId) : TaggedResource(logicalId)
{
    /// <inheritdoc />
    public override string Type => CfnTypes.NatGateway;

    /// <summary>The Elastic IP's allocation ID.</summary>
    public required Value AllocationId { get; init; }

    /// <summary>The public subnet the gateway sits in.</summary>
    public required Value SubnetId { get; init; }

    /// <inheritdoc />
    protected override void WriteProperties(MapValue p)
    {
        p.Add("AllocationId", AllocationId).Add("SubnetId", SubnetId);
        WriteTags(p);
    }
}
