using System.Collections.Generic;
using TopologyDsl.Resources;

namespace TopologyDsl.CloudFormation;

/// <summary>
/// What generated <c>BuildTemplate()</c> methods call: one method per CloudFormation resource type,
/// taking the logical ID and what is unique to that resource, so that the generated code holds one
/// short line per resource. Everything the generator decides (names, dependencies, which value is a
/// parameter) arrives as an argument; the builder only fills in the shape: a reference to another
/// resource of the stack is given by its logical ID and written as <c>!Ref</c> (or <c>!GetAtt</c>
/// where CloudFormation wants an attribute), and every taggable resource gets a <c>Name</c> tag equal
/// to its logical ID, which the AWS console shows as its name. The result is an ordinary
/// <see cref="CloudFormation.Template"/>, which <see cref="TemplateWriter"/> writes as YAML.
/// </summary>
public sealed class TemplateBuilder
{
    /// <summary>Starts an empty template for the named stack.</summary>
    public TemplateBuilder(string stackName, string? description = null) => Template = new Template(stackName, description);

    /// <summary>The template built so far.</summary>
    public Template Template { get; }

    private readonly Dictionary<string, string> _imports = new(System.StringComparer.Ordinal);

    /// <summary>
    /// Declares that <paramref name="name"/> (a record of another stack, such as <c>Ns.Network.Main</c>)
    /// is imported: wherever a later call takes it as a logical ID, the template gets <c>!ImportValue exportName</c>.
    /// </summary>
    public void Import(string name, string exportName) => _imports[name] = exportName;

    /// <summary>The ID of a record: <c>!Ref</c> in this template, <c>!ImportValue</c> when imported.</summary>
    private Value Id(string name) => _imports.TryGetValue(name, out var export) ? Fn.ImportValue(export) : Fn.Ref(name);

    /// <summary>A security group's ID: <c>!GetAtt name.GroupId</c> in this template; an imported group exports its <c>!Ref</c>, which is the ID for a VPC's group.</summary>
    private Value GroupId(string name) => _imports.TryGetValue(name, out var export) ? Fn.ImportValue(export) : Fn.GetAtt(name, "GroupId");

    /// <summary><c>!Ref name</c>: a parameter's value.</summary>
    public IntrinsicValue Ref(string name) => Fn.Ref(name);

    /// <summary><c>!GetAtt resource.attribute</c>.</summary>
    public IntrinsicValue GetAtt(string logicalId, string attribute) => Fn.GetAtt(logicalId, attribute);

    /// <summary><c>!Sub text</c>.</summary>
    public IntrinsicValue Sub(string text) => Fn.Sub(text);

    /// <summary><c>!Sub [text, {variable: value}]</c>: <c>${variable}</c> in the text is <paramref name="value"/>.</summary>
    public IntrinsicValue Sub(string text, string variable, string value) => Fn.Sub(text, new MapValue().Add(variable, value));

    /// <summary>
    /// <c>!Join ['', [part, ...]]</c>: the parts' text one after the other. The generator writes text that
    /// holds <c>${Name}</c> literally (Name being a parameter or resource of the template) in two parts cut
    /// between the dollar and the brace, which cfn-lint would otherwise take for a forgotten Fn::Sub (E1029).
    /// </summary>
    public IntrinsicValue Join(params string[] parts) => Fn.Join("", System.Array.ConvertAll(parts, p => (Value)new StringValue(p)));

    /// <summary><c>Fn::Base64</c> of a value, as user data must be.</summary>
    public IntrinsicValue Base64(Value value) => Fn.Base64(value);

    /// <summary>A security group rule with a CIDR peer (IPv6 when <paramref name="ipv6"/> is set) or a parameter's value.</summary>
    public IngressRule Rule(string protocol, int fromPort, int toPort, Value cidr, string? description = null, bool ipv6 = false) =>
        new(protocol, fromPort, toPort, cidr, description, ipv6);

    /// <summary>A template parameter.</summary>
    public Parameter Parameter(string name, string type, string? description = null, string? defaultValue = null, bool noEcho = false,
        string[]? allowedValues = null, string? allowedPattern = null, int? minLength = null, int? maxLength = null, string? constraintDescription = null)
    {
        var parameter = new Parameter(name, type)
        {
            Description = description,
            Default = defaultValue,
            NoEcho = noEcho,
            AllowedValues = allowedValues ?? [],
            AllowedPattern = allowedPattern,
            MinLength = minLength,
            MaxLength = maxLength,
            ConstraintDescription = constraintDescription,
        };
        Template.Add(parameter);
        return parameter;
    }

    /// <summary>AWS::EC2::VPC, with DNS support and host names on unless turned off.</summary>
    public Vpc Vpc(string id, string cidr, bool dnsSupport = true, bool dnsHostnames = true) =>
        Add(new Vpc(id) { CidrBlock = cidr, EnableDnsSupport = dnsSupport, EnableDnsHostnames = dnsHostnames });

    /// <summary>AWS::EC2::VPCCidrBlock: a secondary block of a VPC.</summary>
    public VpcCidrBlock VpcCidrBlock(string id, string vpc, string cidr) => Add(new VpcCidrBlock(id) { VpcId = Id(vpc), CidrBlock = cidr });

    /// <summary>AWS::EC2::VPCCidrBlock: the /56 IPv6 block Amazon provides to a VPC.</summary>
    public VpcCidrBlock VpcIpv6Block(string id, string vpc) => Add(new VpcCidrBlock(id) { VpcId = Id(vpc), AmazonProvidedIpv6CidrBlock = true });

    /// <summary>AWS::Logs::LogGroup.</summary>
    public LogGroup LogGroup(string id, int retentionInDays, string? deletionPolicy = null, string? updateReplacePolicy = null) =>
        Policy(Add(new LogGroup(id) { RetentionInDays = retentionInDays }), deletionPolicy, updateReplacePolicy);

    /// <summary>AWS::IAM::Role that delivers a VPC's flow logs to a log group.</summary>
    public FlowLogRole FlowLogRole(string id, string logGroup) => Add(new FlowLogRole(id) { LogGroup = logGroup });

    /// <summary>AWS::EC2::FlowLog of a VPC into a log group, delivered by a role.</summary>
    public FlowLog FlowLog(string id, string vpc, string logGroup, string role) =>
        Add(new FlowLog(id) { ResourceId = Id(vpc), LogGroupName = Fn.Ref(logGroup), DeliverLogsPermissionArn = Fn.GetAtt(role, "Arn") });

    /// <summary>
    /// AWS::EC2::Subnet in the availability zone with index <paramref name="zone"/> of the stack's region,
    /// or in the zone named by <paramref name="zoneName"/> (AvailabilityZone) or <paramref name="zoneId"/> (AvailabilityZoneId);
    /// with <paramref name="ipv6Index"/>, also the /64 of that index in the VPC's IPv6 /56 (the VPC must be
    /// of this template), and with <paramref name="assignIpv6"/> its interfaces get an IPv6 address.
    /// </summary>
    public Subnet Subnet(string id, string vpc, string cidr, int zone = 0, string[]? dependsOn = null, string? zoneName = null, string? zoneId = null,
        int? ipv6Index = null, bool assignIpv6 = false) =>
        Add(new Subnet(id)
        {
            VpcId = Id(vpc),
            CidrBlock = cidr,
            AvailabilityZone = zoneId is not null ? null : zoneName is not null ? (Value)zoneName : Fn.Zone(zone),
            AvailabilityZoneId = zoneId,
            Ipv6CidrBlock = ipv6Index is { } index ? Fn.Ipv6Subnet(vpc, index) : null,
            AssignIpv6AddressOnCreation = assignIpv6,
        }, dependsOn);

    /// <summary>AWS::EC2::InternetGateway.</summary>
    public InternetGateway InternetGateway(string id) => Add(new InternetGateway(id));

    /// <summary>AWS::EC2::VPCGatewayAttachment of an internet gateway to a VPC.</summary>
    public VpcGatewayAttachment VpcGatewayAttachment(string id, string vpc, string gateway) =>
        Add(new VpcGatewayAttachment(id) { VpcId = Id(vpc), InternetGatewayId = Id(gateway) });

    /// <summary>AWS::EC2::EIP for use in a VPC.</summary>
    public Eip Eip(string id, string[]? dependsOn = null) => Add(new Eip(id), dependsOn);

    /// <summary>AWS::EC2::NatGateway in a subnet, with an Elastic IP.</summary>
    public NatGateway NatGateway(string id, string eip, string subnet) =>
        Add(new NatGateway(id) { AllocationId = Fn.GetAtt(eip, "AllocationId"), SubnetId = Id(subnet) });

    /// <summary>AWS::EC2::RouteTable.</summary>
    public RouteTable RouteTable(string id, string vpc) => Add(new RouteTable(id) { VpcId = Id(vpc) });

    /// <summary>
    /// AWS::EC2::Route through an internet gateway, a NAT gateway, a peering connection, a transit gateway or
    /// an egress-only internet gateway (one of them). A destination with a colon is an IPv6 block.
    /// </summary>
    public Route Route(string id, string table, string destination, string? gateway = null, string? natGateway = null, string? peering = null,
        string? transitGateway = null, string[]? dependsOn = null, string? egressOnlyGateway = null) =>
        Add(new Route(id)
        {
            RouteTableId = Id(table),
            DestinationCidrBlock = destination.Contains(':') ? null : destination,
            DestinationIpv6CidrBlock = destination.Contains(':') ? destination : null,
            GatewayId = gateway is null ? null : Id(gateway),
            EgressOnlyInternetGatewayId = egressOnlyGateway is null ? null : Id(egressOnlyGateway),
            NatGatewayId = natGateway is null ? null : Id(natGateway),
            VpcPeeringConnectionId = peering is null ? null : Id(peering),
            TransitGatewayId = transitGateway is null ? null : Id(transitGateway),
        }, dependsOn);

    /// <summary>
    /// AWS::EC2::VPCPeeringConnection from <paramref name="vpc"/> to <paramref name="peerVpc"/> (a VPC of the
    /// program), or to a VPC given by ID (<paramref name="peerVpcId"/>, with the peer's account, region and accepter role).
    /// </summary>
    public VpcPeeringConnection VpcPeeringConnection(string id, string vpc, string? peerVpc = null, Value? peerVpcId = null, Value? peerOwnerId = null,
        Value? peerRegion = null, Value? peerRoleArn = null) =>
        Add(new VpcPeeringConnection(id)
        {
            VpcId = Id(vpc),
            PeerVpcId = peerVpc is null ? peerVpcId! : Id(peerVpc),
            PeerOwnerId = peerOwnerId,
            PeerRegion = peerRegion,
            PeerRoleArn = peerRoleArn,
        });

    /// <summary>AWS::EC2::TransitGateway.</summary>
    public TransitGateway TransitGateway(string id, string? description = null, long? amazonSideAsn = null, bool defaultRouteTables = true) =>
        Add(new TransitGateway(id) { Description = description, AmazonSideAsn = amazonSideAsn, DefaultRouteTables = defaultRouteTables });

    /// <summary>AWS::EC2::TransitGatewayAttachment of a VPC through its subnets, one per zone.</summary>
    public TransitGatewayAttachment TransitGatewayAttachment(string id, string transitGateway, string vpc, string[] subnets) =>
        Add(new TransitGatewayAttachment(id) { TransitGatewayId = Id(transitGateway), VpcId = Id(vpc), SubnetIds = System.Array.ConvertAll(subnets, Id) });

    /// <summary>AWS::EC2::TransitGatewayRouteTable.</summary>
    public TransitGatewayRouteTable TransitGatewayRouteTable(string id, string transitGateway) =>
        Add(new TransitGatewayRouteTable(id) { TransitGatewayId = Id(transitGateway) });

    /// <summary>AWS::EC2::TransitGatewayRouteTableAssociation (the table may be another stack's: its ID is then imported).</summary>
    public TransitGatewayRouteTableAssociation TransitGatewayRouteTableAssociation(string id, string attachment, string table) =>
        Add(new TransitGatewayRouteTableAssociation(id) { TransitGatewayAttachmentId = Id(attachment), TransitGatewayRouteTableId = Id(table) });

    /// <summary>AWS::EC2::TransitGatewayRouteTablePropagation (the table may be another stack's: its ID is then imported).</summary>
    public TransitGatewayRouteTablePropagation TransitGatewayRouteTablePropagation(string id, string attachment, string table) =>
        Add(new TransitGatewayRouteTablePropagation(id) { TransitGatewayAttachmentId = Id(attachment), TransitGatewayRouteTableId = Id(table) });

    /// <summary>AWS::EC2::TransitGatewayRoute: a static route to an attachment.</summary>
    public TransitGatewayRoute TransitGatewayRoute(string id, string table, string destination, string attachment) =>
        Add(new TransitGatewayRoute(id) { TransitGatewayRouteTableId = Id(table), DestinationCidrBlock = destination, TransitGatewayAttachmentId = Id(attachment) });

    /// <summary>AWS::EC2::EgressOnlyInternetGateway of a VPC.</summary>
    public EgressOnlyInternetGateway EgressOnlyInternetGateway(string id, string vpc) => Add(new EgressOnlyInternetGateway(id) { VpcId = Id(vpc) });

    /// <summary>AWS::EC2::NetworkAcl of a VPC.</summary>
    public NetworkAcl NetworkAcl(string id, string vpc) => Add(new NetworkAcl(id) { VpcId = Id(vpc) });

    /// <summary>
    /// AWS::EC2::NetworkAclEntry: rule <paramref name="number"/> of <paramref name="acl"/>. <paramref name="protocol"/>
    /// is <c>tcp</c>, <c>udp</c>, <c>icmp</c> or <c>all</c>; for TCP and UDP the ports are a range, for ICMP
    /// <paramref name="fromPort"/> is the type and <paramref name="icmpCode"/> the code (-1 for all). A block with a
    /// colon is IPv6 (and ICMP over it is ICMPv6, protocol 58).
    /// </summary>
    public NetworkAclEntry NetworkAclEntry(string id, string acl, int number, bool allow, string protocol, int fromPort, int toPort, string cidr,
        bool egress = false, int icmpCode = -1)
    {
        var ipv6 = cidr.Contains(':');
        var protocolNumber = protocol switch
        {
            "tcp" => 6,
            "udp" => 17,
            "icmp" => ipv6 ? 58 : 1,
            _ => -1,
        };
        return Add(new NetworkAclEntry(id)
        {
            NetworkAclId = Fn.Ref(acl),
            RuleNumber = number,
            Protocol = protocolNumber,
            RuleAction = allow ? "allow" : "deny",
            Egress = egress,
            CidrBlock = ipv6 ? null : cidr,
            Ipv6CidrBlock = ipv6 ? cidr : null,
            PortRange = protocolNumber is 6 or 17 ? (fromPort, toPort) : null,
            Icmp = protocolNumber is 1 or 58 ? (fromPort, icmpCode) : null,
        });
    }

    /// <summary>AWS::EC2::SubnetNetworkAclAssociation.</summary>
    public SubnetNetworkAclAssociation SubnetNetworkAclAssociation(string id, string subnet, string acl, string[]? dependsOn = null) =>
        Add(new SubnetNetworkAclAssociation(id) { SubnetId = Id(subnet), NetworkAclId = Fn.Ref(acl) }, dependsOn);

    /// <summary>The endpoint service name of <paramref name="service"/> in the stack's region: <c>!Sub com.amazonaws.${AWS::Region}.service</c>.</summary>
    public static IntrinsicValue EndpointService(string service) => Fn.Sub("com.amazonaws.${AWS::Region}." + service);

    /// <summary>AWS::EC2::VPCEndpoint of type Gateway (S3, DynamoDB), routed from the given route tables.</summary>
    public VpcEndpoint GatewayEndpoint(string id, string vpc, string service, string[] routeTables) =>
        Add(new VpcEndpoint(id)
        {
            VpcEndpointType = "Gateway",
            ServiceName = EndpointService(service),
            VpcId = Id(vpc),
            RouteTableIds = System.Array.ConvertAll(routeTables, Id),
        });

    /// <summary>AWS::EC2::VPCEndpoint of type Interface: a network interface in each subnet, behind the security groups.</summary>
    public VpcEndpoint InterfaceEndpoint(string id, string vpc, string service, string[] subnets, string[]? groups = null, bool privateDns = true) =>
        Add(new VpcEndpoint(id)
        {
            VpcEndpointType = "Interface",
            ServiceName = EndpointService(service),
            VpcId = Id(vpc),
            SubnetIds = System.Array.ConvertAll(subnets, Id),
            SecurityGroupIds = System.Array.ConvertAll(groups ?? [], GroupId),
            PrivateDnsEnabled = privateDns,
        });

    /// <summary>AWS::EC2::SubnetRouteTableAssociation.</summary>
    public SubnetRouteTableAssociation SubnetRouteTableAssociation(string id, string subnet, string table) =>
        Add(new SubnetRouteTableAssociation(id) { SubnetId = Id(subnet), RouteTableId = Fn.Ref(table) });

    /// <summary>AWS::EC2::SecurityGroup with its rules to and from CIDR blocks.</summary>
    public SecurityGroup SecurityGroup(string id, string description, string vpc, IngressRule[]? ingress = null, IngressRule[]? egress = null)
    {
        var group = new SecurityGroup(id) { GroupDescription = description, VpcId = Id(vpc) };
        group.Ingress.AddRange(ingress ?? []);
        group.Egress.AddRange(egress ?? []);
        return Add(group);
    }

    /// <summary>AWS::EC2::SecurityGroupIngress: an inbound rule of <paramref name="group"/> from <paramref name="source"/>.</summary>
    public SecurityGroupIngress SecurityGroupIngress(string id, string group, string protocol, int fromPort, int toPort, string source, string? description = null,
        string[]? dependsOn = null) =>
        Add(new SecurityGroupIngress(id)
        {
            GroupId = GroupId(group),
            IpProtocol = protocol,
            FromPort = fromPort,
            ToPort = toPort,
            SourceSecurityGroupId = GroupId(source),
            Description = description,
        }, dependsOn);

    /// <summary>AWS::EC2::SecurityGroupEgress: an outbound rule of <paramref name="group"/> to <paramref name="destination"/>.</summary>
    public SecurityGroupEgress SecurityGroupEgress(string id, string group, string protocol, int fromPort, int toPort, string destination, string? description = null,
        string[]? dependsOn = null) =>
        Add(new SecurityGroupEgress(id)
        {
            GroupId = GroupId(group),
            IpProtocol = protocol,
            FromPort = fromPort,
            ToPort = toPort,
            DestinationSecurityGroupId = GroupId(destination),
            Description = description,
        }, dependsOn);

    /// <summary>AWS::SecretsManager::Secret holding a generated password (kept on removal and replacement unless a policy says otherwise).</summary>
    public Secret Secret(string id, int length, string? description = null, string? deletionPolicy = null, string? updateReplacePolicy = null) =>
        Policy(Add(new Secret(id) { Description = description, Length = length }), deletionPolicy, updateReplacePolicy);

    /// <summary>
    /// AWS::EC2::Volume in the availability zone with index <paramref name="zone"/> of the stack's region,
    /// or the one named by <paramref name="zoneName"/> or <paramref name="zoneId"/> (its instance's subnet's,
    /// written as the subnet is), kept as a snapshot on removal and replacement unless a policy says otherwise.
    /// </summary>
    public Volume Volume(string id, int zone, int size, string volumeType = "gp3", bool encrypted = true, string? deletionPolicy = null,
        string? updateReplacePolicy = null, string? zoneName = null, string? zoneId = null) =>
        Policy(Add(new Volume(id)
        {
            AvailabilityZone = zoneId is not null ? null : zoneName is not null ? (Value)zoneName : Fn.Zone(zone),
            AvailabilityZoneId = zoneId,
            Size = size,
            VolumeType = volumeType,
            Encrypted = encrypted,
        }), deletionPolicy, updateReplacePolicy);

    /// <summary>AWS::EC2::EIPAssociation of an Elastic IP (<c>!GetAtt eip.AllocationId</c>) with an instance.</summary>
    public EipAssociation EipAssociation(string id, string eip, string instance) =>
        Add(new EipAssociation(id) { AllocationId = Fn.GetAtt(eip, "AllocationId"), InstanceId = Fn.Ref(instance) });

    /// <summary>Sets the policies that are given; the resource's defaults stay for the others.</summary>
    private static T Policy<T>(T resource, string? deletionPolicy, string? updateReplacePolicy) where T : Resource
    {
        if (deletionPolicy is not null)
        {
            resource.DeletionPolicy = deletionPolicy;
        }

        if (updateReplacePolicy is not null)
        {
            resource.UpdateReplacePolicy = updateReplacePolicy;
        }

        return resource;
    }

    /// <summary>
    /// AWS::IAM::Role for instances that may read the listed secrets and nothing else; with
    /// <paramref name="sessionManager"/>, also the managed policy AmazonSSMManagedInstanceCore.
    /// </summary>
    public InstanceRole InstanceRole(string id, string[]? secrets = null, bool sessionManager = false)
    {
        var role = new InstanceRole(id) { SessionManager = sessionManager };
        role.Secrets.AddRange(secrets ?? []);
        return Add(role);
    }

    /// <summary>AWS::IAM::InstanceProfile carrying a role.</summary>
    public InstanceProfile InstanceProfile(string id, string role) => Add(new InstanceProfile(id) { Role = Fn.Ref(role) });

    /// <summary>
    /// AWS::EC2::Instance in a subnet, at a fixed private address or (without <paramref name="privateIp"/>)
    /// one EC2 assigns. <paramref name="groups"/> are the logical IDs of its security groups,
    /// <paramref name="profile"/> that of its instance profile; <paramref name="volumes"/> lists its data
    /// volumes in pairs, device name then the volume's logical ID (<c>["/dev/sdf", "DbData"]</c>).
    /// </summary>
    public Instance Instance(string id, Value imageId, Value instanceType, string subnet, string? privateIp = null, Value? keyName = null,
        string? profile = null, bool publicIp = false, string[]? groups = null, int rootVolumeSize = Resources.Instance.DefaultRootVolumeSize, bool requireImdsV2 = true,
        bool encryptRootVolume = true, Value? userData = null, string[]? dependsOn = null, int signalTimeoutMinutes = 0, string[]? volumes = null,
        string? deletionPolicy = null, string? updateReplacePolicy = null, string rootDevice = Resources.Instance.DefaultRootDeviceName)
    {
        var instance = new Instance(id)
        {
            RootDeviceName = rootDevice,
            ImageId = imageId,
            InstanceType = instanceType,
            KeyName = keyName,
            IamInstanceProfile = profile is null ? null : Fn.Ref(profile),
            SubnetId = Id(subnet),
            PrivateIpAddress = privateIp is null ? null : (Value)privateIp,
            AssociatePublicIpAddress = publicIp,
            RequireImdsV2 = requireImdsV2,
            EncryptRootVolume = encryptRootVolume,
            UserData = userData,
            RootVolumeSize = rootVolumeSize,
            SignalTimeoutMinutes = signalTimeoutMinutes,
        };
        foreach (var group in groups ?? [])
        {
            instance.SecurityGroupIds.Add(GroupId(group));
        }

        // Device and volume, in pairs.
        for (var i = 0; i + 1 < (volumes?.Length ?? 0); i += 2)
        {
            instance.Volumes.Add((volumes![i], Fn.Ref(volumes[i + 1])));
        }

        return Policy(Add(instance, dependsOn), deletionPolicy, updateReplacePolicy);
    }

    /// <summary>A tag, for <see cref="Tags"/>.</summary>
    public Tag Tag(string key, Value value) => new(key, value);

    /// <summary>
    /// Sets the tags of the resource <paramref name="id"/> (added before) to exactly <paramref name="tags"/>,
    /// in that order, in place of the Name tag every taggable resource gets.
    /// </summary>
    public void Tags(string id, Tag[] tags)
    {
        foreach (var resource in Template.Resources)
        {
            if (resource.LogicalId == id)
            {
                if (resource is not TaggedResource tagged)
                {
                    throw new System.ArgumentException($"{id} ({resource.Type}) takes no tags", nameof(id));
                }

                tagged.Tags.Clear();
                tagged.Tags.AddRange(tags);
                return;
            }
        }

        throw new System.ArgumentException($"no resource {id} to tag", nameof(id));
    }

    /// <summary>A template output; with <paramref name="export"/>, exported under that name.</summary>
    public Output Output(string name, Value value, string? description = null, string? export = null)
    {
        var output = new Output(name, value, description, export);
        Template.Add(output);
        return output;
    }

    private T Add<T>(T resource, string[]? dependsOn = null) where T : Resource
    {
        if (dependsOn is not null)
        {
            resource.DependsOn.AddRange(dependsOn);
        }

        if (resource is TaggedResource tagged)
        {
            tagged.Tags.Add(Resources.Tag.Name(resource.LogicalId));
        }

        Template.Add(resource);
        return resource;
    }
}
