namespace TopologyDsl.Generators.Model;

// The equatable model of a stack: strings, numbers, enums and other specs only. No symbols, syntax
// or locations, so a spec compares equal whenever the generated code would be the same.

/// <summary>A reference from one resource to another, written as a type argument.</summary>
/// <param name="Name">The record's name when it is nested in the stack class, else its full display name.</param>
/// <param name="InStack">Whether the referenced record is nested in this stack's class.</param>
/// <param name="IsError">Whether the C# compiler could not resolve the type (it reports that itself).</param>
/// <param name="Stack">For a record nested in another [Stack] class of the program: that class's key (<see cref="StackSpec.Key"/>); <see cref="Name"/> is then the record's name.</param>
internal sealed record RefSpec(string Name, bool InStack, bool IsError, string? Stack = null)
{
    /// <summary>Whether the record belongs to another stack of the program (imported).</summary>
    public bool IsImport => Stack is not null;

    /// <summary>How messages name the record: its name, qualified by its stack class when imported.</summary>
    public string Display => Stack is null ? Name : StackSpec.ClassOf(Stack) + "." + Name;
}

internal enum ResourceKind
{
    Vpc,
    Subnet,
    InternetGateway,
    NatGateway,
    RouteTable,
    SecurityGroup,
    Instance,
    Parameter,
    Secret,
    VpcPeering,
    TransitGateway,
    TransitGatewayAttachment,
    TransitGatewayRouteTable,
    NetworkAcl,
    EgressOnlyInternetGateway,
    DataVolume,
    GatewayEndpoint,
    InterfaceEndpoint,
    Route,
    TransitGatewayAssociation,
    TransitGatewayPropagation,
}

/// <summary>How the record is declared, so the generator can add a matching partial declaration.</summary>
internal enum TypeKeyword
{
    Record,
    Class,
}

/// <summary>
/// A resource. <see cref="IsPartial"/> says whether the generator may add its partial declaration:
/// every declaration of the type says partial and the type can implement an interface (TDSL001, TDSL011).
/// </summary>
internal abstract record ResourceSpec(string Name, TypeKeyword Keyword, bool IsPartial)
{
    public abstract ResourceKind Kind { get; }

    /// <summary>The record's [Policies] (DeletionPolicy, UpdateReplacePolicy), or null without one.</summary>
    public PolicySpec? Policies { get; init; }

    /// <summary>The record's own [Tag] attributes, in source order (each at <c>{record}/tag[i]</c>).</summary>
    public EquatableArray<TagSpec> Tags { get; init; }

    public ModelPath Path => ModelPath.Resource(Name);
}

internal sealed record VpcSpec(string Name, TypeKeyword Keyword, bool IsPartial, string CidrBlock, EquatableArray<string> SecondaryCidrBlocks,
    bool FlowLogs, int FlowLogRetentionDays, bool DnsSupport = true, bool DnsHostnames = true, bool Ipv6 = false)
    : ResourceSpec(Name, Keyword, IsPartial)
{
    public override ResourceKind Kind => ResourceKind.Vpc;
}

internal enum SubnetKindSpec
{
    Unspecified,
    Public,
    Private,
}

/// <param name="Ipv6Index">The index of the subnet's /64 in the VPC's IPv6 /56, or -1 for none.</param>
/// <param name="AssignIpv6">Whether interfaces created in the subnet get an IPv6 address.</param>
internal sealed record SubnetSpec(string Name, TypeKeyword Keyword, bool IsPartial, RefSpec Vpc, string CidrBlock, int Zone, SubnetKindSpec Exposure,
    int Ipv6Index = -1, bool AssignIpv6 = false)
    : ResourceSpec(Name, Keyword, IsPartial)
{
    public override ResourceKind Kind => ResourceKind.Subnet;

    /// <summary>Whether the subnet has an IPv6 block.</summary>
    public bool HasIpv6 => Ipv6Index >= 0;

    /// <summary>The zone's name (ZoneName), such as <c>ap-northeast-1a</c>, when given instead of the index.</summary>
    public string? ZoneName { get; init; }

    /// <summary>The zone's ID (ZoneId), such as <c>apne1-az1</c>, when given instead of the index.</summary>
    public string? ZoneId { get; init; }

    /// <summary>How the zone is named: by index, name or ID. Zones named in different forms cannot be compared before deploy.</summary>
    public ZoneForm ZoneForm => ZoneId is not null ? ZoneForm.Id : ZoneName is not null ? ZoneForm.Name : ZoneForm.Index;

    /// <summary>The zone as written (<c>0</c>, <c>ap-northeast-1a</c>, <c>apne1-az1</c>): equal for two subnets of one form exactly when they are in the same zone.</summary>
    public string ZoneText => ZoneId ?? ZoneName ?? Invariant.Format(Zone);

    /// <summary>The zone's model path: where the form that names it was written.</summary>
    public ModelPath ZonePath => Path.Child(ZoneForm switch { ZoneForm.Id => "zoneId", ZoneForm.Name => "zoneName", _ => "zone" });

    /// <summary>Whether both subnets are known to be in the same zone (false when their zones are named in different forms).</summary>
    public bool SameZone(SubnetSpec other) => ZoneForm == other.ZoneForm && ZoneText == other.ZoneText;

    /// <summary>Whether both subnets are known to be in different zones (false when their zones are named in different forms).</summary>
    public bool OtherZone(SubnetSpec other) => ZoneForm == other.ZoneForm && ZoneText != other.ZoneText;
}

/// <summary>How a subnet names its availability zone.</summary>
internal enum ZoneForm
{
    /// <summary>An index into the region's zones (<c>!Select [n, !GetAZs '']</c>).</summary>
    Index,

    /// <summary>A zone name (AvailabilityZone), which maps to a different physical zone in each account.</summary>
    Name,

    /// <summary>A zone ID (AvailabilityZoneId), the same physical zone in every account.</summary>
    Id,
}

/// <summary>A tag from a [Tag] attribute on the stack class or a record.</summary>
internal sealed record TagSpec(string Key, string Value);

internal sealed record InternetGatewaySpec(string Name, TypeKeyword Keyword, bool IsPartial, RefSpec Vpc)
    : ResourceSpec(Name, Keyword, IsPartial)
{
    public override ResourceKind Kind => ResourceKind.InternetGateway;
}

internal sealed record NatGatewaySpec(string Name, TypeKeyword Keyword, bool IsPartial, RefSpec Subnet)
    : ResourceSpec(Name, Keyword, IsPartial)
{
    public override ResourceKind Kind => ResourceKind.NatGateway;
}

internal sealed record RouteSpec(string Destination, RefSpec Target);

internal sealed record RouteTableSpec(string Name, TypeKeyword Keyword, bool IsPartial, RefSpec Vpc,
    EquatableArray<RefSpec> Associations, EquatableArray<RouteSpec> Routes)
    : ResourceSpec(Name, Keyword, IsPartial)
{
    public override ResourceKind Kind => ResourceKind.RouteTable;
}

/// <summary>
/// A route declared on its own record ([Route&lt;TRouteTable, TTarget&gt;]), in any stack, against a route
/// table that may be another stack's. Rules see it among the table's routes (<c>StackIndex.RoutesOf</c>),
/// at the record's path: <c>{record}/destination</c>, <c>{record}/target</c>, <c>{record}/routeTable</c>.
/// </summary>
internal sealed record RouteResourceSpec(string Name, TypeKeyword Keyword, bool IsPartial, RefSpec RouteTable, RouteSpec Route)
    : ResourceSpec(Name, Keyword, IsPartial)
{
    public override ResourceKind Kind => ResourceKind.Route;
}

internal enum ProtocolSpec
{
    Tcp,
    Udp,
    Icmp,
    All,
}

/// <summary>
/// A security group rule, inbound or outbound: the peer (the source of inbound traffic, the
/// destination of outbound) is a CIDR block or parameter (<see cref="Peer"/>) or a group (<see cref="PeerGroup"/>).
/// </summary>
internal sealed record RuleSpec(ProtocolSpec Protocol, int Port, int ToPort, string? Peer, RefSpec? PeerGroup, string? Description)
{
    /// <summary>The last port of the range (the first when no range was given).</summary>
    public int LastPort => ToPort == 0 ? Port : ToPort;
}

internal sealed record SecurityGroupSpec(string Name, TypeKeyword Keyword, bool IsPartial, RefSpec Vpc, string Description,
    EquatableArray<RuleSpec> Ingress, EquatableArray<RuleSpec> Egress)
    : ResourceSpec(Name, Keyword, IsPartial)
{
    public override ResourceKind Kind => ResourceKind.SecurityGroup;
}

/// <summary>
/// An instance. <see cref="AssignedIp"/>: no private address was written (the attribute's constructor
/// without one), so EC2 assigns one and <see cref="PrivateIp"/> is empty. <see cref="RootDevice"/>: the
/// root device name the record sets, null for the default (<c>/dev/xvda</c>).
/// </summary>
internal sealed record InstanceSpec(string Name, TypeKeyword Keyword, bool IsPartial, RefSpec Subnet, string PrivateIp,
    bool PublicIp, string? UserData, string? ImageId, string? InstanceType, string? KeyName, int RootVolumeSize,
    EquatableArray<RefSpec> SecurityGroups, RefSpec? SshVia, string SshUser, bool AllowImdsV1, bool EncryptRootVolume,
    EquatableArray<RefSpec> Secrets, int SignalTimeoutMinutes = 0, bool SessionManager = false, bool ElasticIp = false, bool AssignedIp = false,
    string? RootDevice = null)
    : ResourceSpec(Name, Keyword, IsPartial)
{
    public override ResourceKind Kind => ResourceKind.Instance;

    /// <summary>Whether the instance gets a role and instance profile of its own: to read secrets, or for Session Manager.</summary>
    public bool HasRole => Secrets.Count > 0 || SessionManager;
}

/// <summary>The values of RemovalPolicy, as the attribute's enum numbers them.</summary>
internal enum RemovalPolicySpec
{
    Default,
    Delete,
    Retain,
    RetainExceptOnCreate,
    Snapshot,
}

/// <summary>A record's [Policies]: its DeletionPolicy and UpdateReplacePolicy (Default where not set).</summary>
internal sealed record PolicySpec(RemovalPolicySpec Deletion, RemovalPolicySpec UpdateReplace);

/// <summary>The EBS volume types of VolumeType, as the attribute's enum numbers them.</summary>
internal enum VolumeTypeSpec
{
    Gp3,
    Gp2,
    St1,
    Sc1,
    Standard,
}

/// <summary>A data volume of an instance ([DataVolume]).</summary>
internal sealed record DataVolumeSpec(string Name, TypeKeyword Keyword, bool IsPartial, RefSpec Instance, string Device, int Size,
    VolumeTypeSpec Type, bool Encrypted)
    : ResourceSpec(Name, Keyword, IsPartial)
{
    public override ResourceKind Kind => ResourceKind.DataVolume;
}

internal sealed record ParameterSpec(string Name, TypeKeyword Keyword, bool IsPartial, string Type, string? Description,
    string? Default, bool NoEcho, EquatableArray<string> AllowedValues, string? AllowedPattern, int MinLength, int MaxLength,
    string? ConstraintDescription)
    : ResourceSpec(Name, Keyword, IsPartial)
{
    public override ResourceKind Kind => ResourceKind.Parameter;
}

internal sealed record SecretSpec(string Name, TypeKeyword Keyword, bool IsPartial, string? Description, int Length)
    : ResourceSpec(Name, Keyword, IsPartial)
{
    public override ResourceKind Kind => ResourceKind.Secret;
}

internal enum IntentKind
{
    Reaches,
    ReachableFromInternet,
    NeverReachableFromInternet,
}

/// <summary>
/// An assertion about reachability ([Reaches], [ReachableFromInternet], [NeverReachableFromInternet]),
/// on the stack class or a record: <see cref="From"/> is null for the internet; <see cref="Path"/> is
/// the attribute, where a broken assertion is reported.
/// </summary>
internal sealed record IntentSpec(IntentKind Kind, RefSpec? From, RefSpec To, ProtocolSpec Protocol, int Port, int ToPort, ModelPath Path);

/// <summary>
/// A VPC peering connection. Between two VPCs of the program when <see cref="Peer"/> is set; else to a
/// VPC outside it, named by <see cref="PeerVpcId"/> (a parameter's name or an ID), with the optional
/// account, region, accepter role and known blocks of the peer.
/// </summary>
internal sealed record VpcPeeringSpec(string Name, TypeKeyword Keyword, bool IsPartial, RefSpec Vpc, RefSpec? Peer,
    string? PeerVpcId, string? PeerOwnerId, string? PeerRegion, string? PeerRoleArn, EquatableArray<string> PeerCidrBlocks)
    : ResourceSpec(Name, Keyword, IsPartial)
{
    public override ResourceKind Kind => ResourceKind.VpcPeering;

    /// <summary>Whether the peer is outside the program (given by ID).</summary>
    public bool IsRemote => Peer is null;
}

internal sealed record TransitGatewaySpec(string Name, TypeKeyword Keyword, bool IsPartial, string? Description, long AmazonSideAsn, bool DefaultRouteTables)
    : ResourceSpec(Name, Keyword, IsPartial)
{
    public override ResourceKind Kind => ResourceKind.TransitGateway;
}

internal sealed record TransitGatewayAttachmentSpec(string Name, TypeKeyword Keyword, bool IsPartial, RefSpec TransitGateway, RefSpec Vpc,
    EquatableArray<RefSpec> Subnets)
    : ResourceSpec(Name, Keyword, IsPartial)
{
    public override ResourceKind Kind => ResourceKind.TransitGatewayAttachment;
}

/// <summary>A static route of a transit gateway route table.</summary>
internal sealed record TransitGatewayRouteSpec(string Destination, RefSpec Attachment);

internal sealed record TransitGatewayRouteTableSpec(string Name, TypeKeyword Keyword, bool IsPartial, RefSpec TransitGateway,
    EquatableArray<RefSpec> Associations, EquatableArray<RefSpec> Propagations, EquatableArray<TransitGatewayRouteSpec> Routes)
    : ResourceSpec(Name, Keyword, IsPartial)
{
    public override ResourceKind Kind => ResourceKind.TransitGatewayRouteTable;
}

/// <summary>
/// An association ([AssociateAttachment&lt;TTable, TAttachment&gt;]) or a propagation ([Propagate&lt;TTable, TAttachment&gt;])
/// declared on its own record, in any stack, against a transit gateway route table that may be another stack's.
/// Rules see it among the table's associations or propagations (<c>StackIndex.AssociationsOf</c>,
/// <c>StackIndex.PropagationsOf</c>), at <c>{record}/routeTable</c> and <c>{record}/attachment</c>.
/// </summary>
internal sealed record TransitGatewayEntrySpec(string Name, TypeKeyword Keyword, bool IsPartial, RefSpec RouteTable, RefSpec Attachment, bool Propagates)
    : ResourceSpec(Name, Keyword, IsPartial)
{
    public override ResourceKind Kind => Propagates ? ResourceKind.TransitGatewayPropagation : ResourceKind.TransitGatewayAssociation;
}

internal sealed record EgressOnlyInternetGatewaySpec(string Name, TypeKeyword Keyword, bool IsPartial, RefSpec Vpc)
    : ResourceSpec(Name, Keyword, IsPartial)
{
    public override ResourceKind Kind => ResourceKind.EgressOnlyInternetGateway;
}

/// <summary>
/// A numbered rule of a network ACL: allow or deny <see cref="Protocol"/> on the ports (for ICMP,
/// <see cref="Port"/> is the type and <see cref="IcmpCode"/> the code; -1 for all) from or to <see cref="Cidr"/>.
/// </summary>
internal sealed record AclRuleSpec(int Number, bool Allow, ProtocolSpec Protocol, int Port, int ToPort, string Cidr, int IcmpCode)
{
    /// <summary>The last port of the range (the first when no range was given).</summary>
    public int LastPort => ToPort == 0 ? Port : ToPort;
}

/// <summary>A network ACL: its VPC, the subnets it filters, and its inbound and outbound rules in declaration order.</summary>
internal sealed record NetworkAclSpec(string Name, TypeKeyword Keyword, bool IsPartial, RefSpec Vpc, EquatableArray<RefSpec> Associations,
    EquatableArray<AclRuleSpec> Ingress, EquatableArray<AclRuleSpec> Egress)
    : ResourceSpec(Name, Keyword, IsPartial)
{
    public override ResourceKind Kind => ResourceKind.NetworkAcl;
}

/// <summary>A gateway endpoint (S3, DynamoDB) of a VPC and the route tables it adds its route to.</summary>
internal sealed record GatewayEndpointSpec(string Name, TypeKeyword Keyword, bool IsPartial, RefSpec Vpc, string Service, EquatableArray<RefSpec> RouteTables)
    : ResourceSpec(Name, Keyword, IsPartial)
{
    public override ResourceKind Kind => ResourceKind.GatewayEndpoint;
}

/// <summary>An interface endpoint of a VPC: its service, a network interface per subnet, its security groups and whether it takes over the service's DNS name.</summary>
internal sealed record InterfaceEndpointSpec(string Name, TypeKeyword Keyword, bool IsPartial, RefSpec Vpc, string Service, bool PrivateDns,
    EquatableArray<RefSpec> Subnets, EquatableArray<RefSpec> SecurityGroups)
    : ResourceSpec(Name, Keyword, IsPartial)
{
    public override ResourceKind Kind => ResourceKind.InterfaceEndpoint;
}

internal sealed record OutputSpec(string Name, string Value, string? Description, string? Export = null);

/// <summary>One stack: a top-level partial class marked [Stack] and the resource records nested in it.</summary>
internal sealed record StackSpec(
    string Namespace,
    string ClassName,
    bool IsStatic,
    bool IsPartial,
    string StackName,
    string? Description,
    EquatableArray<ResourceSpec> Resources,
    EquatableArray<OutputSpec> Outputs,
    EquatableArray<Finding> ParseFindings,
    EquatableArray<IntentSpec> Intents = default,
    EquatableArray<TagSpec> Tags = default)
{
    /// <summary>What identifies the stack class in the program, and what references to its records name: <c>{Namespace}.{Class}</c>.</summary>
    public string Key => KeyOf(Namespace, ClassName);

    public static string KeyOf(string ns, string className) => ns.Length == 0 ? className : ns + "." + className;

    /// <summary>The class name of a key.</summary>
    public static string ClassOf(string key) => key.Substring(key.LastIndexOf('.') + 1);

    /// <summary>The generated file's hint name, <c>{Namespace}.{Class}.g.cs</c> (without the verbatim prefix of a keyword namespace, which a file name cannot hold).</summary>
    public string HintName => (Namespace.Length == 0 ? "" : Namespace.Replace("@", "") + ".") + ClassName + ".g.cs";
}

/// <summary>A file passed to the compiler as an AdditionalFiles item: its path with '/' separators, and its text.</summary>
internal sealed record ProjectFile(string Path, string Text);

/// <summary>
/// A stack with what it needs of the rest of the program: the stacks it imports from (directly or
/// through them), the records of its own that other stacks import (to export), the stacks that declare
/// route records in the route tables its paths take or associate its subnets with tables of their own, with what they import (<see cref="Routing"/>: its reachability and
/// overview count those routes), and the findings of the rules that need every stack. Equal whenever the
/// stack's output would be, so an edit to a stack it has nothing to do with leaves it cached.
/// </summary>
internal sealed record LinkedStack(StackSpec Stack, EquatableArray<StackSpec> Imported, EquatableArray<string> Exports, EquatableArray<Finding> ProgramFindings,
    EquatableArray<string> SilencedIds = default, EquatableArray<StackSpec> Routing = default);
