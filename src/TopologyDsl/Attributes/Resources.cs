using System;

namespace TopologyDsl;

// Marker interfaces. The generator adds the matching one to each resource record
// (`partial record Network : IVpc`), so the type parameters of the attributes below only accept a
// resource of the right kind: a subnet placed in a subnet is a C# type error before any rule runs.

/// <summary>A resource declared in a stack. Added by the generator; do not implement by hand.</summary>
public interface IResource { }

/// <summary>A VPC (<see cref="VpcAttribute"/>).</summary>
public interface IVpc : IResource { }

/// <summary>A subnet (<see cref="SubnetAttribute{TVpc}"/>).</summary>
public interface ISubnet : IResource { }

/// <summary>Something a route can send traffic to.</summary>
public interface IRouteTarget : IResource { }

/// <summary>An internet gateway (<see cref="InternetGatewayAttribute{TVpc}"/>).</summary>
public interface IInternetGateway : IRouteTarget { }

/// <summary>A NAT gateway (<see cref="NatGatewayAttribute{TSubnet}"/>).</summary>
public interface INatGateway : IRouteTarget { }

/// <summary>A route table (<see cref="RouteTableAttribute{TVpc}"/>).</summary>
public interface IRouteTable : IResource { }

/// <summary>A route declared on its own record (<see cref="RouteAttribute{TRouteTable, TTarget}"/>).</summary>
public interface IRoute : IResource { }

/// <summary>A security group (<see cref="SecurityGroupAttribute{TVpc}"/>).</summary>
public interface ISecurityGroup : IResource { }

/// <summary>An EC2 instance (<see cref="InstanceAttribute{TSubnet}"/>).</summary>
public interface IInstance : IResource { }

/// <summary>A template parameter (<see cref="ParameterAttribute"/>).</summary>
public interface IParameter : IResource { }

/// <summary>A generated secret (<see cref="SecretAttribute"/>).</summary>
public interface ISecret : IResource { }

/// <summary>
/// Marks a static partial class as one CloudFormation stack. Every resource of the stack is a
/// partial record nested in this class; the generator adds <c>BuildTemplate()</c> to it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class StackAttribute(string name) : Attribute
{
    /// <summary>The stack's name: a letter, then letters, digits and hyphens, at most 128. Also the template's file name.</summary>
    public string Name { get; } = name;

    /// <summary>The template's Description.</summary>
    public string? Description { get; set; }
}

/// <summary>
/// A tag. On the [Stack] class, every taggable resource of the stack gets it; on a resource record,
/// the resources made from that record get it (a record's tag wins over a stack's tag with the same
/// key). <c>[Tag("Name", "prod-web")]</c> on a record replaces the Name tag, which is the logical ID
/// otherwise. Keys have 1 to 128 characters and may not begin with <c>aws:</c>; values at most 256.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class TagAttribute(string key, string value) : Attribute
{
    /// <summary>The tag's key, such as <c>CostCenter</c>.</summary>
    public string Key { get; } = key;

    /// <summary>The tag's value (may be empty).</summary>
    public string Value { get; } = value;
}

/// <summary>A VPC with a primary IPv4 block, such as <c>10.0.0.0/16</c> (/16 to /28).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class VpcAttribute(string cidrBlock) : Attribute
{
    /// <summary>The primary IPv4 block.</summary>
    public string CidrBlock { get; } = cidrBlock;

    /// <summary>
    /// More IPv4 blocks for the VPC (AWS::EC2::VPCCidrBlock), for subnets beyond the primary block.
    /// AWS allows five blocks per VPC by default, and restricts which ranges may join the primary's.
    /// </summary>
    public string[]? SecondaryCidrBlocks { get; set; }

    /// <summary>
    /// Records the VPC's traffic in a CloudWatch Logs group: adds AWS::EC2::FlowLog with its log group
    /// and the IAM role that delivers to it (deploy with --capabilities CAPABILITY_IAM).
    /// </summary>
    public bool FlowLogs { get; set; }

    /// <summary>How many days the flow log group keeps records (a CloudWatch Logs retention value; default 30).</summary>
    public int FlowLogRetentionDays { get; set; } = 30;

    /// <summary>Whether the Amazon-provided DNS server answers in the VPC (EnableDnsSupport; on by default). Interface endpoints with private DNS need it.</summary>
    public bool DnsSupport { get; set; } = true;

    /// <summary>Whether instances get DNS host names (EnableDnsHostnames; on by default). Interface endpoints with private DNS need it.</summary>
    public bool DnsHostnames { get; set; } = true;

    /// <summary>
    /// Gives the VPC the /56 IPv6 block Amazon provides (AWS::EC2::VPCCidrBlock with
    /// AmazonProvidedIpv6CidrBlock), from which subnets take a /64 by <see cref="SubnetAttribute{TVpc}.Ipv6Index"/>.
    /// </summary>
    public bool Ipv6 { get; set; }
}

/// <summary>What a subnet is meant to be; the analyzer checks that its routing agrees.</summary>
public enum SubnetKind
{
    /// <summary>Not declared.</summary>
    Unspecified,

    /// <summary>Routed to an internet gateway.</summary>
    Public,

    /// <summary>Not routed to an internet gateway (outbound through a NAT gateway at most).</summary>
    Private,
}

/// <summary>A subnet of <typeparamref name="TVpc"/> with an IPv4 block inside the VPC's.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SubnetAttribute<TVpc>(string cidrBlock) : Attribute where TVpc : IVpc
{
    /// <summary>The IPv4 block (/16 to /28).</summary>
    public string CidrBlock { get; } = cidrBlock;

    /// <summary>Which availability zone of the stack's region, counted from 0 (<c>!Select [Zone, !GetAZs '']</c>).</summary>
    public int Zone { get; set; }

    /// <summary>
    /// The availability zone by name, such as <c>ap-northeast-1a</c> (AvailabilityZone), instead of
    /// <see cref="Zone"/>. A zone name stands for a different physical zone in each account and ties
    /// the template to one region (warning TDSL126); prefer <see cref="ZoneId"/>.
    /// </summary>
    public string? ZoneName { get; set; }

    /// <summary>
    /// The availability zone by ID, such as <c>apne1-az1</c> (AvailabilityZoneId), instead of
    /// <see cref="Zone"/>: the same physical zone in every account.
    /// </summary>
    public string? ZoneId { get; set; }

    /// <summary>Whether the subnet is meant to be public or private; a routing that disagrees is a warning.</summary>
    public SubnetKind Kind { get; set; }

    /// <summary>
    /// The subnet's IPv6 /64, by its index (0 to 255) among the 256 of the VPC's /56
    /// (<c>!Select [Ipv6Index, !Cidr [...]]</c>, since the block is known only at deploy time); -1 (the
    /// default) for an IPv4-only subnet. The VPC needs <see cref="VpcAttribute.Ipv6"/>.
    /// </summary>
    public int Ipv6Index { get; set; } = -1;

    /// <summary>Whether network interfaces (instances) created in the subnet get an IPv6 address from its /64.</summary>
    public bool AssignIpv6AddressOnCreation { get; set; }
}

/// <summary>An internet gateway attached to <typeparamref name="TVpc"/>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class InternetGatewayAttribute<TVpc> : Attribute where TVpc : IVpc;

/// <summary>A public NAT gateway in <typeparamref name="TSubnet"/>, with an Elastic IP of its own.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class NatGatewayAttribute<TSubnet> : Attribute where TSubnet : ISubnet;

/// <summary>A route table of <typeparamref name="TVpc"/>. Add <see cref="RouteAttribute{TTarget}"/> and <see cref="AssociateAttribute{TSubnet}"/>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RouteTableAttribute<TVpc> : Attribute where TVpc : IVpc;

/// <summary>Associates the route table (or network ACL) with <typeparamref name="TSubnet"/>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class AssociateAttribute<TSubnet> : Attribute where TSubnet : ISubnet;

/// <summary>A route of the route table: traffic to <see cref="Destination"/> goes to <typeparamref name="TTarget"/>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class RouteAttribute<TTarget>(string destination) : Attribute where TTarget : IRouteTarget
{
    /// <summary>The IPv4 destination, such as <c>0.0.0.0/0</c>, or an IPv6 one such as <c>::/0</c>.</summary>
    public string Destination { get; } = destination;
}

/// <summary>
/// A route of <typeparamref name="TRouteTable"/> declared on its own record (AWS::EC2::Route), in
/// any stack: traffic to <see cref="Destination"/> goes to <typeparamref name="TTarget"/>. The route
/// belongs to the stack that declares it, which imports the table (and the target) from theirs, so
/// a hub's route back to a spoke can live in the spoke's stack:
/// <c>[Route&lt;HubStack.HubRoutes, SpokeToHub&gt;("10.20.0.0/16")] public partial record HubToSpoke;</c>.
/// Every rule of <see cref="RouteAttribute{TTarget}"/> applies, with the table's VPC.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RouteAttribute<TRouteTable, TTarget>(string destination) : Attribute where TRouteTable : IRouteTable where TTarget : IRouteTarget
{
    /// <summary>The IPv4 destination, such as <c>10.20.0.0/16</c>.</summary>
    public string Destination { get; } = destination;
}

/// <summary>The IP protocol of a security group rule.</summary>
public enum Protocol
{
    /// <summary>TCP.</summary>
    Tcp,

    /// <summary>UDP.</summary>
    Udp,

    /// <summary>ICMP; the port is the ICMP type, -1 for all.</summary>
    Icmp,

    /// <summary>All protocols and ports.</summary>
    All,
}

/// <summary>A security group in <typeparamref name="TVpc"/>. Add <see cref="IngressAttribute"/> and <see cref="IngressFromAttribute{TSecurityGroup}"/>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SecurityGroupAttribute<TVpc>(string description) : Attribute where TVpc : IVpc
{
    /// <summary>The group's description (changing it replaces the group).</summary>
    public string Description { get; } = description;
}

/// <summary>
/// Allows inbound traffic from <see cref="Source"/>: an IPv4 or IPv6 CIDR block such as <c>0.0.0.0/0</c>, or the
/// name of a parameter of this stack (<c>nameof(AdminCidr)</c>) whose value is one.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class IngressAttribute(Protocol protocol, int port, string source) : Attribute
{
    /// <summary>The protocol.</summary>
    public Protocol Protocol { get; } = protocol;

    /// <summary>The port, or the first port of a range ending at <see cref="ToPort"/>.</summary>
    public int Port { get; } = port;

    /// <summary>A CIDR block or a parameter's name.</summary>
    public string Source { get; } = source;

    /// <summary>The last port of a range; 0 means the range is the one <see cref="Port"/>.</summary>
    public int ToPort { get; set; }

    /// <summary>What the rule is for.</summary>
    public string? Description { get; set; }
}

/// <summary>Allows inbound traffic from the instances of <typeparamref name="TSecurityGroup"/>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class IngressFromAttribute<TSecurityGroup>(Protocol protocol, int port) : Attribute where TSecurityGroup : ISecurityGroup
{
    /// <summary>The protocol.</summary>
    public Protocol Protocol { get; } = protocol;

    /// <summary>The port, or the first port of a range ending at <see cref="ToPort"/>.</summary>
    public int Port { get; } = port;

    /// <summary>The last port of a range; 0 means the range is the one <see cref="Port"/>.</summary>
    public int ToPort { get; set; }

    /// <summary>What the rule is for.</summary>
    public string? Description { get; set; }
}

/// <summary>
/// Allows outbound traffic to <see cref="Destination"/>: an IPv4 or IPv6 CIDR block, or the name of a
/// parameter of this stack. A group with any outbound rule loses EC2's default allow-all rule.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class EgressAttribute(Protocol protocol, int port, string destination) : Attribute
{
    /// <summary>The protocol.</summary>
    public Protocol Protocol { get; } = protocol;

    /// <summary>The port, or the first port of a range ending at <see cref="ToPort"/>.</summary>
    public int Port { get; } = port;

    /// <summary>A CIDR block or a parameter's name.</summary>
    public string Destination { get; } = destination;

    /// <summary>The last port of a range; 0 means the range is the one <see cref="Port"/>.</summary>
    public int ToPort { get; set; }

    /// <summary>What the rule is for.</summary>
    public string? Description { get; set; }
}

/// <summary>Allows outbound traffic to the instances of <typeparamref name="TSecurityGroup"/>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class EgressToAttribute<TSecurityGroup>(Protocol protocol, int port) : Attribute where TSecurityGroup : ISecurityGroup
{
    /// <summary>The protocol.</summary>
    public Protocol Protocol { get; } = protocol;

    /// <summary>The port, or the first port of a range ending at <see cref="ToPort"/>.</summary>
    public int Port { get; } = port;

    /// <summary>The last port of a range; 0 means the range is the one <see cref="Port"/>.</summary>
    public int ToPort { get; set; }

    /// <summary>What the rule is for.</summary>
    public string? Description { get; set; }
}

/// <summary>
/// An EC2 instance in <typeparamref name="TSubnet"/>, at a fixed private IPv4 address or, without one,
/// at an address EC2 assigns from the subnet (<c>${Name.PrivateIp}</c> reads it either way).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class InstanceAttribute<TSubnet> : Attribute where TSubnet : ISubnet
{
    /// <summary>An instance at an address EC2 assigns from the subnet.</summary>
    public InstanceAttribute() { }

    /// <summary>An instance at a fixed private address.</summary>
    public InstanceAttribute(string privateIp) => PrivateIp = privateIp;

    /// <summary>The private IPv4 address, inside the subnet and not one of the five AWS reserves; null when EC2 assigns one.</summary>
    public string? PrivateIp { get; }

    /// <summary>Whether the instance gets a public IPv4 address (one that changes when it stops and starts).</summary>
    public bool PublicIp { get; set; }

    /// <summary>
    /// Gives the instance an Elastic IP (AWS::EC2::EIP with an AWS::EC2::EIPAssociation): a public
    /// address that survives stop and start, and that the instance keeps until the stack is deleted. It
    /// implies <see cref="PublicIp"/> (the boot script reaches the internet before the Elastic IP is
    /// associated). <c>${Name.PublicIp}</c> in outputs and user data is then the Elastic IP, which
    /// exists before the instance, so even the instance's own boot script may use it.
    /// </summary>
    public bool ElasticIp { get; set; }

    /// <summary>
    /// A script run at first boot, relative to the project and listed as an AdditionalFiles item.
    /// <c>${Name}</c>, <c>${Resource.Attribute}</c> and pseudo parameters such as <c>${AWS::Region}</c> are
    /// substituted by CloudFormation (<c>Fn::Sub</c>); <c>${LogicalId}</c> is this instance's own logical ID
    /// (for <c>cfn-signal --resource</c>); write <c>${!x}</c> for a literal <c>${x}</c>.
    /// </summary>
    public string? UserData { get; set; }

    /// <summary>
    /// Minutes CloudFormation waits for the user data to report success with <c>cfn-signal</c> (a
    /// CreationPolicy with one resource signal) before it fails the instance and rolls the stack back,
    /// so a half-configured server never reports CREATE_COMPLETE. 0 (the default) waits for nothing;
    /// from 1 to 720. Resources that refer to the instance are created only after its signal.
    /// </summary>
    public int SignalTimeoutMinutes { get; set; }

    /// <summary>The AMI: a parameter's name (<c>nameof(ImageId)</c>) or an AMI ID.</summary>
    public string? ImageId { get; set; }

    /// <summary>The instance type: a parameter's name or a type such as <c>t3.micro</c>.</summary>
    public string? InstanceType { get; set; }

    /// <summary>The key pair: a parameter's name or a key pair's name.</summary>
    public string? KeyName { get; set; }

    /// <summary>The root volume's size in GiB, from 1 to 16384; 0 (the default) keeps 8.</summary>
    public int RootVolumeSize { get; set; }

    /// <summary>
    /// The image's root device name, which the root volume's block device mapping must name for its
    /// settings (gp3, <see cref="RootVolumeSize"/>, <see cref="EncryptRootVolume"/>) to reach the root
    /// volume; null (the default) is <c>/dev/xvda</c>, Amazon Linux's. Windows and Canonical's Ubuntu images
    /// boot from <c>/dev/sda1</c>: <c>RootDevice = "/dev/sda1"</c>. Find any image's with
    /// <c>aws ec2 describe-images --image-ids ami-... --query 'Images[].RootDeviceName'</c>.
    /// A wrong name maps an extra empty volume and leaves the real root at the image's defaults.
    /// TDSL414: not a device name; TDSL416: differs from the root device of a public image the record names.
    /// </summary>
    public string? RootDevice { get; set; }

    /// <summary>Opt-out: allows IMDSv1 (metadata without a session token). Off by default; TDSL405 warns when set.</summary>
    public bool AllowImdsV1 { get; set; }

    /// <summary>Opt-out: false leaves the root volume unencrypted. On by default; TDSL406 warns when false.</summary>
    public bool EncryptRootVolume { get; set; } = true;

    /// <summary>
    /// Manages the instance through AWS Systems Manager Session Manager instead of SSH: its instance role
    /// gets the managed policy AmazonSSMManagedInstanceCore (the same role as <c>[ReadsSecret&lt;T&gt;]</c>'s),
    /// and the template an output <c>{Instance}SessionCommand</c> with <c>aws ssm start-session</c>. The
    /// instance needs HTTPS to Systems Manager: a route to the internet, or interface endpoints for
    /// ssm, ssmmessages and ec2messages in its VPC (TDSL244). No inbound port is needed.
    /// </summary>
    public bool SessionManager { get; set; }
}

/// <summary>
/// Lets the instance read <typeparamref name="TSecret"/> (secretsmanager:GetSecretValue on that secret
/// only), through an IAM role and instance profile the generator adds. In user data, <c>${Secret}</c>
/// is the secret's ARN: <c>aws secretsmanager get-secret-value --secret-id '${Secret}'</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class ReadsSecretAttribute<TSecret> : Attribute where TSecret : ISecret;

/// <summary>Attaches <typeparamref name="TSecurityGroup"/> to the instance.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class UsesAttribute<TSecurityGroup> : Attribute where TSecurityGroup : ISecurityGroup;

/// <summary>
/// The instance is reached over SSH through <typeparamref name="TJumpHost"/> (<c>ssh -J</c>): the
/// template gets an output with the command, and the private key never leaves the user's machine.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SshViaAttribute<TJumpHost> : Attribute where TJumpHost : IInstance
{
    /// <summary>The login user on both hosts (<c>ec2-user</c> on Amazon Linux).</summary>
    public string User { get; set; } = "ec2-user";
}

/// <summary>The parameter types CloudFormation offers that a network topology uses most.</summary>
public static class ParameterTypes
{
    /// <summary>A string.</summary>
    public const string String = "String";

    /// <summary>A number.</summary>
    public const string Number = "Number";

    /// <summary>The name of an EC2 key pair in the stack's region (checked by CloudFormation).</summary>
    public const string KeyPairName = "AWS::EC2::KeyPair::KeyName";

    /// <summary>An AMI ID read from an SSM parameter, such as the public Amazon Linux 2023 one.</summary>
    public const string ImageIdFromSsm = "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>";

    /// <summary>An AMI ID.</summary>
    public const string ImageId = "AWS::EC2::Image::Id";
}

/// <summary>
/// A password that AWS Secrets Manager generates and keeps (AWS::SecretsManager::Secret): no one types
/// it, and it never appears in the template, the parameters or the instances' user data.
/// Letters and digits only, so that scripts and SQL can use it without quoting.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SecretAttribute : Attribute
{
    /// <summary>What the secret is for.</summary>
    public string? Description { get; set; }

    /// <summary>The password's length (default 32).</summary>
    public int Length { get; set; } = 32;
}

/// <summary>A template parameter; the record's name is the parameter's name.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ParameterAttribute : Attribute
{
    /// <summary>The parameter type (see <see cref="ParameterTypes"/>); default String.</summary>
    public string Type { get; set; } = ParameterTypes.String;

    /// <summary>What the value is for.</summary>
    public string? Description { get; set; }

    /// <summary>The value used when none is given.</summary>
    public string? Default { get; set; }

    /// <summary>Whether CloudFormation masks the value (passwords).</summary>
    public bool NoEcho { get; set; }

    /// <summary>The only values allowed.</summary>
    public string[]? AllowedValues { get; set; }

    /// <summary>A regular expression the value must match.</summary>
    public string? AllowedPattern { get; set; }

    /// <summary>Minimum length; 0 for none.</summary>
    public int MinLength { get; set; }

    /// <summary>Maximum length; 0 for none.</summary>
    public int MaxLength { get; set; }

    /// <summary>What CloudFormation says when a constraint fails.</summary>
    public string? ConstraintDescription { get; set; }
}

/// <summary>
/// A template output, declared on the stack class. <see cref="Value"/> is substituted by
/// CloudFormation (<c>Fn::Sub</c>): <c>http://${WebServer.PublicIp}/</c>; <c>${!x}</c> is a literal
/// <c>${x}</c>. A value that names nothing is written as plain text.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class OutputAttribute(string name, string value) : Attribute
{
    /// <summary>The output's name.</summary>
    public string Name { get; } = name;

    /// <summary>The value, with <c>${...}</c> references.</summary>
    public string Value { get; } = value;

    /// <summary>What the output is.</summary>
    public string? Description { get; set; }

    /// <summary>
    /// Exports the value under this name, for stacks outside the program to import with
    /// <c>Fn::ImportValue</c> (unique in the account and region). Stacks of the program refer to
    /// records directly and need no export of yours.
    /// </summary>
    public string? Export { get; set; }
}

/// <summary>A VPC peering connection (<see cref="VpcPeeringAttribute{TVpc, TPeerVpc}"/>, <see cref="VpcPeeringAttribute{TVpc}"/>).</summary>
public interface IVpcPeering : IRouteTarget { }

/// <summary>
/// A peering connection between two VPCs of the program, in the same account and region
/// (AWS::EC2::VPCPeeringConnection, accepted automatically). Route to it with
/// <c>[Route&lt;Peering&gt;("10.1.0.0/16")]</c> from route tables of either VPC; security group rules may name
/// groups of the other VPC. The two VPCs may belong to different stacks of the program.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class VpcPeeringAttribute<TVpc, TPeerVpc> : Attribute where TVpc : IVpc where TPeerVpc : IVpc;

/// <summary>
/// A peering connection from <typeparamref name="TVpc"/> to a VPC outside the program: another
/// account, another region, or a VPC not declared here. Name the peer with parameters of the stack.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class VpcPeeringAttribute<TVpc> : Attribute where TVpc : IVpc
{
    /// <summary>The peer VPC's ID: a parameter's name (<c>nameof(PeerVpcId)</c>), or an ID such as <c>vpc-0123456789abcdef0</c>. Required.</summary>
    public string? PeerVpcId { get; set; }

    /// <summary>The peer's AWS account: a parameter's name or a 12-digit account ID. Omit for this account.</summary>
    public string? PeerOwnerId { get; set; }

    /// <summary>The peer's region, such as <c>eu-west-1</c> (or a parameter's name). Omit for this region.</summary>
    public string? PeerRegion { get; set; }

    /// <summary>
    /// The ARN of a role in the peer account that may accept the connection (a parameter's name or an
    /// ARN). Required with <see cref="PeerOwnerId"/>: CloudFormation assumes it to accept the request.
    /// </summary>
    public string? PeerRoleArn { get; set; }

    /// <summary>The peer VPC's IPv4 blocks, when known: the analyzer then checks overlaps and route destinations against them.</summary>
    public string[]? PeerCidrBlocks { get; set; }
}

/// <summary>A transit gateway (<see cref="TransitGatewayAttribute"/>).</summary>
public interface ITransitGateway : IRouteTarget { }

/// <summary>A VPC attachment of a transit gateway (<see cref="TransitGatewayAttachmentAttribute{TTransitGateway, TVpc}"/>).</summary>
public interface ITransitGatewayAttachment : IResource { }

/// <summary>A transit gateway route table (<see cref="TransitGatewayRouteTableAttribute{TTransitGateway}"/>).</summary>
public interface ITransitGatewayRouteTable : IResource { }

/// <summary>
/// A transit gateway (AWS::EC2::TransitGateway): a regional router between the VPCs attached to it.
/// VPC route tables send traffic to it with <c>[Route&lt;Tgw&gt;("10.0.0.0/8")]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TransitGatewayAttribute : Attribute
{
    /// <summary>What the transit gateway is for.</summary>
    public string? Description { get; set; }

    /// <summary>The private ASN of the Amazon side of a BGP session: 64512-65534 or 4200000000-4294967294; 0 for AWS's default (64512).</summary>
    public long AmazonSideAsn { get; set; }

    /// <summary>
    /// Whether attachments are associated with, and propagate to, the transit gateway's default route
    /// table (true, AWS's default). Set false to route with <see cref="TransitGatewayRouteTableAttribute{TTransitGateway}"/>.
    /// </summary>
    public bool DefaultRouteTables { get; set; } = true;
}

/// <summary>
/// Attaches <typeparamref name="TVpc"/> to <typeparamref name="TTransitGateway"/>
/// (AWS::EC2::TransitGatewayAttachment) through the subnets named by <see cref="AttachmentSubnetAttribute{TSubnet}"/>,
/// at most one per availability zone.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TransitGatewayAttachmentAttribute<TTransitGateway, TVpc> : Attribute where TTransitGateway : ITransitGateway where TVpc : IVpc;

/// <summary>A subnet the transit gateway attachment places its network interface in (one per availability zone).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class AttachmentSubnetAttribute<TSubnet> : Attribute where TSubnet : ISubnet;

/// <summary>
/// A route table of <typeparamref name="TTransitGateway"/> (AWS::EC2::TransitGatewayRouteTable). Add
/// <see cref="AssociateAttachmentAttribute{TAttachment}"/>, <see cref="PropagateAttribute{TAttachment}"/> and
/// <see cref="TransitGatewayRouteAttribute{TAttachment}"/>; a stack that imports the table associates and
/// propagates its own attachments with <see cref="AssociateAttachmentAttribute{TTransitGatewayRouteTable, TAttachment}"/>
/// and <see cref="PropagateAttribute{TTransitGatewayRouteTable, TAttachment}"/> records.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TransitGatewayRouteTableAttribute<TTransitGateway> : Attribute where TTransitGateway : ITransitGateway;

/// <summary>Associates an attachment with the transit gateway route table: traffic from that attachment is routed by this table (one table per attachment).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class AssociateAttachmentAttribute<TAttachment> : Attribute where TAttachment : ITransitGatewayAttachment;

/// <summary>Propagates an attachment's VPC blocks into the transit gateway route table as routes.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class PropagateAttribute<TAttachment> : Attribute where TAttachment : ITransitGatewayAttachment;

/// <summary>An association of a transit gateway attachment declared on its own record (<see cref="AssociateAttachmentAttribute{TTransitGatewayRouteTable, TAttachment}"/>).</summary>
public interface ITransitGatewayAssociation : IResource { }

/// <summary>A propagation of a transit gateway attachment declared on its own record (<see cref="PropagateAttribute{TTransitGatewayRouteTable, TAttachment}"/>).</summary>
public interface ITransitGatewayPropagation : IResource { }

/// <summary>
/// Associates <typeparamref name="TAttachment"/> with <typeparamref name="TTransitGatewayRouteTable"/> on its own
/// record (AWS::EC2::TransitGatewayRouteTableAssociation), in any stack: the association belongs to the stack that
/// declares it, which imports the table from its stack, so a spoke associates its own attachment with a hub's table:
/// <c>[AssociateAttachment&lt;HubStack.SpokeTable, SpokeAttach&gt;] public partial record SpokeAssociation;</c>.
/// Every rule of <see cref="AssociateAttachmentAttribute{TAttachment}"/> applies (one table per attachment).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AssociateAttachmentAttribute<TTransitGatewayRouteTable, TAttachment> : Attribute
    where TTransitGatewayRouteTable : ITransitGatewayRouteTable where TAttachment : ITransitGatewayAttachment;

/// <summary>
/// Propagates <typeparamref name="TAttachment"/>'s VPC blocks into <typeparamref name="TTransitGatewayRouteTable"/> on
/// its own record (AWS::EC2::TransitGatewayRouteTablePropagation), in any stack, like
/// <see cref="AssociateAttachmentAttribute{TTransitGatewayRouteTable, TAttachment}"/>:
/// <c>[Propagate&lt;HubStack.SpokeTable, SpokeAttach&gt;] public partial record SpokePropagation;</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PropagateAttribute<TTransitGatewayRouteTable, TAttachment> : Attribute
    where TTransitGatewayRouteTable : ITransitGatewayRouteTable where TAttachment : ITransitGatewayAttachment;

/// <summary>A static route of the transit gateway route table: traffic to <see cref="Destination"/> goes to the attachment.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class TransitGatewayRouteAttribute<TAttachment>(string destination) : Attribute where TAttachment : ITransitGatewayAttachment
{
    /// <summary>The IPv4 destination.</summary>
    public string Destination { get; } = destination;
}

/// <summary>What CloudFormation does with a resource's data when it is removed or replaced (DeletionPolicy, UpdateReplacePolicy).</summary>
public enum RemovalPolicy
{
    /// <summary>The resource kind's default: Retain for secrets and log groups, Snapshot for data volumes, Delete for the rest.</summary>
    Default,

    /// <summary>Delete it (CloudFormation's own default).</summary>
    Delete,

    /// <summary>Keep it, outside the stack, with its data (it goes on costing).</summary>
    Retain,

    /// <summary>Keep it, unless it was being created in the deployment that rolls back (DeletionPolicy only).</summary>
    RetainExceptOnCreate,

    /// <summary>Take a snapshot, then delete it: data volumes (and RDS, ElastiCache, Neptune, DocumentDB, Redshift) only.</summary>
    Snapshot,
}

/// <summary>
/// Sets the DeletionPolicy and UpdateReplacePolicy of the resource that holds the record's data: a
/// secret, an instance, a data volume, or a VPC's flow log group. Unset, each keeps its kind's safe
/// default (<see cref="RemovalPolicy.Default"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PoliciesAttribute : Attribute
{
    /// <summary>What happens when the resource is removed from the template or the stack is deleted.</summary>
    public RemovalPolicy DeletionPolicy { get; set; }

    /// <summary>What happens to the old resource when an update replaces it (not <see cref="RemovalPolicy.RetainExceptOnCreate"/>).</summary>
    public RemovalPolicy UpdateReplacePolicy { get; set; }
}

/// <summary>A data volume (<see cref="DataVolumeAttribute{TInstance}"/>).</summary>
public interface IDataVolume : IResource { }

/// <summary>EBS volume types a data volume can have (those that need no provisioned IOPS).</summary>
public enum VolumeType
{
    /// <summary>General purpose SSD, 3,000 IOPS included: 1 to 65,536 GiB.</summary>
    Gp3,

    /// <summary>General purpose SSD of the previous generation: 1 to 16,384 GiB.</summary>
    Gp2,

    /// <summary>Throughput-optimized HDD: 125 to 16,384 GiB.</summary>
    St1,

    /// <summary>Cold HDD: 125 to 16,384 GiB.</summary>
    Sc1,

    /// <summary>Magnetic, previous generation: 1 to 1,024 GiB.</summary>
    Standard,
}

/// <summary>
/// An EBS data volume of <typeparamref name="TInstance"/> (AWS::EC2::Volume, attached through the
/// instance's Volumes property), in the availability zone of the instance's subnet, encrypted, and
/// kept as a snapshot when it is removed or replaced. It lives apart from the instance: replacing the
/// instance keeps it. On Nitro instances the device shows up as an NVMe disk, with
/// <see cref="Device"/> as a symbolic link to it on Amazon Linux.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class DataVolumeAttribute<TInstance>(string device, int size) : Attribute where TInstance : IInstance
{
    /// <summary>The device name: <c>/dev/sdf</c> to <c>/dev/sdp</c> (the range the EC2 User Guide recommends for EBS volumes) or <c>/dev/xvdf</c> to <c>/dev/xvdp</c>.</summary>
    public string Device { get; } = device;

    /// <summary>The size in GiB, within the range of <see cref="Type"/>.</summary>
    public int Size { get; } = size;

    /// <summary>The EBS volume type (gp3 unless set).</summary>
    public VolumeType Type { get; set; }

    /// <summary>Opt-out: false leaves the volume unencrypted. On by default; TDSL412 warns when false.</summary>
    public bool Encrypted { get; set; } = true;
}

/// <summary>An egress-only internet gateway (<see cref="EgressOnlyInternetGatewayAttribute{TVpc}"/>).</summary>
public interface IEgressOnlyInternetGateway : IRouteTarget { }

/// <summary>
/// An egress-only internet gateway of <typeparamref name="TVpc"/> (AWS::EC2::EgressOnlyInternetGateway):
/// IPv6 connections out to the internet, none in. Route to it with <c>[Route&lt;Eigw&gt;("::/0")]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EgressOnlyInternetGatewayAttribute<TVpc> : Attribute where TVpc : IVpc;

/// <summary>A network ACL (<see cref="NetworkAclAttribute{TVpc}"/>).</summary>
public interface INetworkAcl : IResource { }

/// <summary>
/// A network ACL of <typeparamref name="TVpc"/> (AWS::EC2::NetworkAcl): a stateless filter at the
/// edge of the subnets named by <see cref="AssociateAttribute{TSubnet}"/>. Add numbered rules with
/// <see cref="AclIngressAttribute"/> and <see cref="AclEgressAttribute"/>; traffic no rule allows is
/// denied. Being stateless, it needs a rule for the replies too (the ephemeral ports 1024-65535).
/// Subnets without an ACL of their own keep the VPC's default ACL, which allows everything.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class NetworkAclAttribute<TVpc> : Attribute where TVpc : IVpc;

/// <summary>What a network ACL rule does with the traffic it matches.</summary>
public enum AclAction
{
    /// <summary>Lets the traffic through.</summary>
    Allow,

    /// <summary>Drops the traffic.</summary>
    Deny,
}

/// <summary>
/// An inbound rule of a network ACL: traffic from <see cref="Cidr"/> (an IPv4 or IPv6 block) on
/// <see cref="Protocol"/> and <see cref="Port"/> is allowed or denied. Rules are evaluated from the lowest
/// <see cref="RuleNumber"/>; the first that matches decides.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class AclIngressAttribute(int ruleNumber, AclAction action, Protocol protocol, int port, string cidr) : Attribute
{
    /// <summary>The rule number, 1 to 32766, unique among the ACL's inbound rules.</summary>
    public int RuleNumber { get; } = ruleNumber;

    /// <summary>Allow or deny.</summary>
    public AclAction Action { get; } = action;

    /// <summary>The protocol.</summary>
    public Protocol Protocol { get; } = protocol;

    /// <summary>The port, or the first port of a range ending at <see cref="ToPort"/>; for ICMP the type (-1 for all); ignored for all protocols.</summary>
    public int Port { get; } = port;

    /// <summary>The source block, such as <c>0.0.0.0/0</c> or <c>::/0</c>.</summary>
    public string Cidr { get; } = cidr;

    /// <summary>The last port of a range; 0 means the range is the one <see cref="Port"/>.</summary>
    public int ToPort { get; set; }

    /// <summary>For ICMP, the code (-1, the default, for all).</summary>
    public int IcmpCode { get; set; } = -1;
}

/// <summary>An outbound rule of a network ACL: traffic to <see cref="Cidr"/>; otherwise as <see cref="AclIngressAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class AclEgressAttribute(int ruleNumber, AclAction action, Protocol protocol, int port, string cidr) : Attribute
{
    /// <summary>The rule number, 1 to 32766, unique among the ACL's outbound rules.</summary>
    public int RuleNumber { get; } = ruleNumber;

    /// <summary>Allow or deny.</summary>
    public AclAction Action { get; } = action;

    /// <summary>The protocol.</summary>
    public Protocol Protocol { get; } = protocol;

    /// <summary>The port, or the first port of a range ending at <see cref="ToPort"/>; for ICMP the type (-1 for all); ignored for all protocols.</summary>
    public int Port { get; } = port;

    /// <summary>The destination block, such as <c>0.0.0.0/0</c> or <c>::/0</c>.</summary>
    public string Cidr { get; } = cidr;

    /// <summary>The last port of a range; 0 means the range is the one <see cref="Port"/>.</summary>
    public int ToPort { get; set; }

    /// <summary>For ICMP, the code (-1, the default, for all).</summary>
    public int IcmpCode { get; set; } = -1;
}
