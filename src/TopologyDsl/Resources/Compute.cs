using System.Collections.Generic;
using TopologyDsl.CloudFormation;

namespace TopologyDsl.Resources;

/// <summary>
/// One rule written inside a security group, inbound or outbound, with a CIDR peer: <c>CidrIp</c>
/// for IPv4 (or a parameter), <c>CidrIpv6</c> when <see cref="Ipv6"/> is set.
/// </summary>
public sealed record IngressRule(string IpProtocol, int FromPort, int ToPort, Value Cidr, string? Description = null, bool Ipv6 = false)
{
    internal MapValue ToMap(bool egress) => Ports.Write(new MapValue().Add("IpProtocol", IpProtocol), IpProtocol, FromPort, ToPort)
        .Add(Ipv6 ? "CidrIpv6" : "CidrIp", Cidr).Add("Description", Description);
}

/// <summary>The port range of a rule: EC2 ignores it for protocol -1 (all traffic), and cfn-lint (W3687) asks to leave it out.</summary>
internal static class Ports
{
    public static MapValue Write(MapValue map, string protocol, int fromPort, int toPort) =>
        protocol == "-1" ? map : map.Add("FromPort", fromPort).Add("ToPort", toPort);
}

/// <summary>AWS::EC2::SecurityGroup.</summary>
public sealed class SecurityGroup(string logicalId) : TaggedResource(logicalId)
{
    /// <inheritdoc />
    public override string Type => CfnTypes.SecurityGroup;

    /// <summary>The group's description (required by EC2; changing it replaces the group).</summary>
    public required string GroupDescription { get; init; }

    /// <summary>The VPC.</summary>
    public required Value VpcId { get; init; }

    /// <summary>Inbound rules from CIDR blocks. Rules from other groups are separate resources (<see cref="SecurityGroupIngress"/>), which keeps groups that refer to each other free of circular dependencies.</summary>
    public List<IngressRule> Ingress { get; } = [];

    /// <summary>Outbound rules to CIDR blocks. When empty, EC2 allows all outbound traffic.</summary>
    public List<IngressRule> Egress { get; } = [];

    /// <inheritdoc />
    protected override void WriteProperties(MapValue p)
    {
        p.Add("GroupDescription", GroupDescription).Add("VpcId", VpcId);
        if (Ingress.Count > 0)
        {
            p.Add("SecurityGroupIngress", new ListValue(Ingress.ConvertAll(r => (Value)r.ToMap(egress: false))));
        }

        if (Egress.Count > 0)
        {
            p.Add("SecurityGroupEgress", new ListValue(Egress.ConvertAll(r => (Value)r.ToMap(egress: true))));
        }

        WriteTags(p);
    }
}

/// <summary>
/// A security group rule that is a resource of its own, because its peer is another security group:
/// the shape AWS::EC2::SecurityGroupIngress and AWS::EC2::SecurityGroupEgress share.
/// </summary>
public abstract class GroupToGroupRule(string logicalId) : Resource(logicalId)
{
    /// <summary>The group the rule belongs to.</summary>
    public required Value GroupId { get; init; }

    /// <summary><c>tcp</c>, <c>udp</c>, <c>icmp</c> or <c>-1</c> (all).</summary>
    public required string IpProtocol { get; init; }

    /// <summary>First port of the range.</summary>
    public required int FromPort { get; init; }

    /// <summary>Last port of the range.</summary>
    public required int ToPort { get; init; }

    /// <summary>What the rule is for.</summary>
    public string? Description { get; init; }

    /// <summary>The property that names the peer group, and its value.</summary>
    protected abstract (string Key, Value Group) Peer { get; }

    /// <inheritdoc />
    protected sealed override void WriteProperties(MapValue p) =>
        Ports.Write(p.Add("GroupId", GroupId).Add("IpProtocol", IpProtocol), IpProtocol, FromPort, ToPort)
         .Add(Peer.Key, Peer.Group).Add("Description", Description);
}

/// <summary>AWS::EC2::SecurityGroupIngress: an inbound rule whose source is another security group.</summary>
public sealed class SecurityGroupIngress(string logicalId) : GroupToGroupRule(logicalId)
{
    /// <inheritdoc />
    public override string Type => CfnTypes.SecurityGroupIngress;

    /// <summary>The source security group.</summary>
    public required Value SourceSecurityGroupId { get; init; }

    /// <inheritdoc />
    protected override (string Key, Value Group) Peer => ("SourceSecurityGroupId", SourceSecurityGroupId);
}

/// <summary>AWS::EC2::SecurityGroupEgress: an outbound rule whose destination is another security group.</summary>
public sealed class SecurityGroupEgress(string logicalId) : GroupToGroupRule(logicalId)
{
    /// <inheritdoc />
    public override string Type => CfnTypes.SecurityGroupEgress;

    /// <summary>The destination security group.</summary>
    public required Value DestinationSecurityGroupId { get; init; }

    /// <inheritdoc />
    protected override (string Key, Value Group) Peer => ("DestinationSecurityGroupId", DestinationSecurityGroupId);
}

/// <summary>AWS::EC2::Instance with one network interface in a subnet.</summary>
public sealed class Instance(string logicalId) : TaggedResource(logicalId)
{
    /// <inheritdoc />
    public override string Type => CfnTypes.Instance;

    /// <summary>The AMI.</summary>
    public required Value ImageId { get; init; }

    /// <summary>The instance type.</summary>
    public required Value InstanceType { get; init; }

    /// <summary>The key pair for SSH.</summary>
    public Value? KeyName { get; init; }

    /// <summary>The subnet of the primary network interface.</summary>
    public required Value SubnetId { get; init; }

    /// <summary>The fixed private IPv4 address, or null for one that EC2 assigns from the subnet.</summary>
    public Value? PrivateIpAddress { get; init; }

    /// <summary>
    /// Data volumes attached at launch (the instance's <c>Volumes</c> property: device name and volume),
    /// so that a boot script finds them; an AWS::EC2::VolumeAttachment would be created only after the
    /// instance, which with a CreationPolicy is after its boot script has ended.
    /// </summary>
    public List<(string Device, Value VolumeId)> Volumes { get; } = [];

    /// <summary>Whether the primary interface gets a public IPv4 address.</summary>
    public bool AssociatePublicIpAddress { get; init; }

    /// <summary>The security groups of the primary interface.</summary>
    public List<Value> SecurityGroupIds { get; } = [];

    /// <summary>Whether the instance metadata service demands session tokens (IMDSv2). On by default.</summary>
    public bool RequireImdsV2 { get; init; } = true;

    /// <summary>Whether the root volume is encrypted. On by default.</summary>
    public bool EncryptRootVolume { get; init; } = true;

    /// <summary>The root device name unless set: <c>/dev/xvda</c>, Amazon Linux's.</summary>
    public const string DefaultRootDeviceName = "/dev/xvda";

    /// <summary>
    /// The forms of a root device name (TDSL414): <c>/dev/sd[a-z]</c>, <c>/dev/sd[a-z]1</c> or <c>/dev/xvd[a-z]</c>, of the
    /// device names the Amazon EC2 User Guide lists ("Device names for volumes on Amazon EC2 instances").
    /// </summary>
    internal static readonly System.Text.RegularExpressions.Regex RootDeviceForm =
        new("^/dev/(sd[a-z]1?|xvd[a-z])$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private readonly string _rootDeviceName = DefaultRootDeviceName;

    /// <summary>
    /// The image's root device name, which the root volume's block device mapping names: <c>/dev/xvda</c> (the default)
    /// for Amazon Linux, <c>/dev/sda1</c> for Ubuntu and Windows. Another name would map an extra empty volume and leave
    /// the image's root volume at the image's defaults.
    /// </summary>
    public string RootDeviceName
    {
        get => _rootDeviceName;
        init => _rootDeviceName = value is not null && RootDeviceForm.IsMatch(value) ? value
            : throw new TopologyException("TDSL414", $"RootDevice of instance '{LogicalId}' is '{value}'; a root device name is /dev/sd[a-z], /dev/sd[a-z]1 or /dev/xvd[a-z], such as /dev/xvda or /dev/sda1");
    }

    /// <summary>The root volume's size in GiB unless set: 8, Amazon Linux's own.</summary>
    public const int DefaultRootVolumeSize = 8;

    /// <summary>The root volume's size in GiB.</summary>
    public int RootVolumeSize { get; init; } = DefaultRootVolumeSize;

    /// <summary>
    /// The user data script: <c>Fn::Base64: !Sub ...</c>, or <c>!Base64</c> of the text Fn::Sub would produce
    /// when it substitutes nothing (<c>Fn::Base64: !Join</c> of its pieces when that text holds <c>${Name}</c> of the template).
    /// </summary>
    public Value? UserData { get; init; }

    /// <summary>CloudFormation's limit on a resource signal's timeout: 12 hours (CreationPolicy, AWS CloudFormation User Guide).</summary>
    public const int MaxSignalTimeoutMinutes = 720;

    private readonly int _signalTimeoutMinutes;

    /// <summary>
    /// Minutes CloudFormation waits for one success signal from the instance (<c>cfn-signal</c> in its
    /// user data) before it fails the instance and rolls the stack back; 0, the default, waits for none
    /// and marks the instance created as soon as it runs. From 1 to 720 (12 hours).
    /// </summary>
    public int SignalTimeoutMinutes
    {
        get => _signalTimeoutMinutes;
        init => _signalTimeoutMinutes = value is >= 0 and <= MaxSignalTimeoutMinutes ? value
            : throw new TopologyException("TDSL008", $"SignalTimeoutMinutes of instance '{LogicalId}' is {value}; it must be from 1 to {MaxSignalTimeoutMinutes} minutes, or 0 for no signal");
    }

    /// <summary>The timeout as an ISO 8601 duration, as CreationPolicy takes it: PT15M, PT1H, PT1H30M.</summary>
    internal static string Duration(int minutes) =>
        "PT" + (minutes >= 60 ? (minutes / 60).ToString(System.Globalization.CultureInfo.InvariantCulture) + "H" : "")
        + (minutes % 60 != 0 ? (minutes % 60).ToString(System.Globalization.CultureInfo.InvariantCulture) + "M" : "");

    /// <inheritdoc />
    public override MapValue? CreationPolicy() => SignalTimeoutMinutes == 0 ? null
        : new MapValue().Add("ResourceSignal", new MapValue().Add("Count", 1).Add("Timeout", Duration(SignalTimeoutMinutes)));

    /// <summary>The instance profile, whose role the instance's software acts as.</summary>
    public Value? IamInstanceProfile { get; init; }

    /// <inheritdoc />
    protected override void WriteProperties(MapValue p)
    {
        p.Add("ImageId", ImageId).Add("InstanceType", InstanceType).Add("KeyName", KeyName).Add("IamInstanceProfile", IamInstanceProfile);
        var nic = new MapValue()
            .Add("DeviceIndex", "0")
            .Add("SubnetId", SubnetId)
            .Add("PrivateIpAddress", PrivateIpAddress)
            .Add("AssociatePublicIpAddress", AssociatePublicIpAddress)
            .Add("GroupSet", SecurityGroupIds.Count > 0 ? new ListValue(SecurityGroupIds) : null)
            .Add("DeleteOnTermination", true);
        p.Add("NetworkInterfaces", new ListValue(nic));
        p.Add("BlockDeviceMappings", new ListValue(new MapValue()
            .Add("DeviceName", RootDeviceName)
            .Add("Ebs", new MapValue().Add("VolumeType", "gp3").Add("VolumeSize", RootVolumeSize).Add("Encrypted", EncryptRootVolume).Add("DeleteOnTermination", true))));
        if (Volumes.Count > 0)
        {
            p.Add("Volumes", new ListValue(Volumes.ConvertAll(v => (Value)new MapValue().Add("Device", v.Device).Add("VolumeId", v.VolumeId))));
        }

        p.Add("MetadataOptions", new MapValue().Add("HttpTokens", RequireImdsV2 ? "required" : "optional").Add("HttpEndpoint", "enabled"));
        p.Add("UserData", UserData);
        WriteTags(p);
    }
}

/// <summary>AWS::EC2::Volume: an encrypted EBS data volume in one availability zone, kept as a snapshot when it is removed or replaced.</summary>
public sealed class Volume(string logicalId) : TaggedResource(logicalId)
{
    /// <inheritdoc />
    public override string Type => CfnTypes.Volume;

    /// <summary>Snapshot: a volume removed from the template, deleted with its stack or replaced leaves a snapshot of its data.</summary>
    protected override string? DefaultPolicy => "Snapshot";

    /// <summary>The availability zone, which must be the instance's (or <see cref="AvailabilityZoneId"/>).</summary>
    public Value? AvailabilityZone { get; init; }

    /// <summary>The availability zone's ID, such as <c>use1-az1</c>, instead of <see cref="AvailabilityZone"/>.</summary>
    public string? AvailabilityZoneId { get; init; }

    /// <summary>The size in GiB.</summary>
    public required int Size { get; init; }

    /// <summary>The EBS volume type: gp3 (the default), gp2, st1, sc1 or standard.</summary>
    public string VolumeType { get; init; } = "gp3";

    /// <summary>Whether the volume is encrypted (with the account's default EBS key). On by default.</summary>
    public bool Encrypted { get; init; } = true;

    /// <inheritdoc />
    protected override void WriteProperties(MapValue p)
    {
        p.Add("AvailabilityZone", AvailabilityZone).Add("AvailabilityZoneId", AvailabilityZoneId is null ? null : (Value)AvailabilityZoneId).Add("Size", Size).Add("VolumeType", VolumeType).Add("Encrypted", Encrypted);
        WriteTags(p);
    }
}

/// <summary>AWS::EC2::EIPAssociation: an Elastic IP given to an instance.</summary>
public sealed class EipAssociation(string logicalId) : Resource(logicalId)
{
    /// <inheritdoc />
    public override string Type => CfnTypes.EipAssociation;

    /// <summary>The Elastic IP's allocation ID.</summary>
    public required Value AllocationId { get; init; }

    /// <summary>The instance.</summary>
    public required Value InstanceId { get; init; }

    /// <inheritdoc />
    protected override void WriteProperties(MapValue p) => p.Add("AllocationId", AllocationId).Add("InstanceId", InstanceId);
}
