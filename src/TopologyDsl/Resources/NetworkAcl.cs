using TopologyDsl.CloudFormation;

namespace TopologyDsl.Resources;

/// <summary>AWS::EC2::NetworkAcl: a stateless filter of the subnets associated with it.</summary>
public sealed class NetworkAcl(string logicalId) : TaggedResource(logicalId)
{
    /// <inheritdoc />
    public override string Type => CfnTypes.NetworkAcl;

    /// <summary>The VPC.</summary>
    public required Value VpcId { get; init; }

    /// <inheritdoc />
    protected override void WriteProperties(MapValue p)
    {
        p.Add("VpcId", VpcId);
        WriteTags(p);
    }
}

/// <summary>
/// AWS::EC2::NetworkAclEntry: one numbered rule of a network ACL, inbound or outbound. Protocol is
/// the IP protocol number (6 TCP, 17 UDP, 1 ICMP, 58 ICMPv6, -1 all); TCP and UDP take a port
/// range, ICMP a type and code.
/// </summary>
public sealed class NetworkAclEntry(string logicalId) : Resource(logicalId)
{
    /// <inheritdoc />
    public override string Type => CfnTypes.NetworkAclEntry;

    /// <summary>The network ACL.</summary>
    public required Value NetworkAclId { get; init; }

    /// <summary>The rule number, 1 to 32766; rules are evaluated from the lowest.</summary>
    public required int RuleNumber { get; init; }

    /// <summary>The IP protocol number.</summary>
    public required int Protocol { get; init; }

    /// <summary><c>allow</c> or <c>deny</c>.</summary>
    public required string RuleAction { get; init; }

    /// <summary>Whether the rule is outbound.</summary>
    public bool Egress { get; init; }

    /// <summary>The IPv4 block (or the IPv6 block in <see cref="Ipv6CidrBlock"/>).</summary>
    public Value? CidrBlock { get; init; }

    /// <summary>The IPv6 block.</summary>
    public Value? Ipv6CidrBlock { get; init; }

    /// <summary>The first and last port, for TCP and UDP.</summary>
    public (int From, int To)? PortRange { get; init; }

    /// <summary>The ICMP type and code (-1 for all), for ICMP.</summary>
    public (int Type, int Code)? Icmp { get; init; }

    /// <inheritdoc />
    protected override void WriteProperties(MapValue p)
    {
        p.Add("NetworkAclId", NetworkAclId).Add("RuleNumber", RuleNumber).Add("Protocol", Protocol).Add("RuleAction", RuleAction)
         .Add("Egress", Egress).Add("CidrBlock", CidrBlock).Add("Ipv6CidrBlock", Ipv6CidrBlock);
        if (PortRange is { } ports)
        {
            p.Add("PortRange", new MapValue().Add("From", ports.From).Add("To", ports.To));
        }

        if (Icmp is { } icmp)
        {
            p.Add("Icmp", new MapValue().Add("Code", icmp.Code).Add("Type", icmp.Type));
        }
    }
}

/// <summary>AWS::EC2::SubnetNetworkAclAssociation: replaces the subnet's default network ACL with this one.</summary>
public sealed class SubnetNetworkAclAssociation(string logicalId) : Resource(logicalId)
{
    /// <inheritdoc />
    public override string Type => CfnTypes.SubnetNetworkAclAssociation;

    /// <summary>The subnet.</summary>
    public required Value SubnetId { get; init; }

    /// <summary>The network ACL.</summary>
    public required Value NetworkAclId { get; init; }

    /// <inheritdoc />
    protected override void WriteProperties(MapValue p) => p.Add("SubnetId", SubnetId).Add("NetworkAclId", NetworkAclId);
}

/// <summary>AWS::EC2::EgressOnlyInternetGateway: outbound-only IPv6 access to the internet.</summary>
public sealed class EgressOnlyInternetGateway(string logicalId) : TaggedResource(logicalId)
{
    /// <inheritdoc />
    public override string Type => CfnTypes.EgressOnlyInternetGateway;

    /// <summary>The VPC.</summary>
    public required Value VpcId { get; init; }

    /// <inheritdoc />
    protected override void WriteProperties(MapValue p)
    {
        p.Add("VpcId", VpcId);
        WriteTags(p);
    }
}
