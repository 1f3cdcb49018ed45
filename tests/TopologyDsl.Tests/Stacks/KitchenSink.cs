using TopologyDsl;
using static TopologyDsl.Protocol;

namespace TopologyDsl.Tests.Stacks;

/// <summary>
/// A topology that uses every attribute and option, so that the schema and reference tests see every
/// shape the generator can emit: two VPCs, several zones, ranges, ICMP, UDP, all protocols, literal
/// and parameter settings, several routes in a table, and user data with every kind of substitution.
/// </summary>
[Stack("kitchen-sink", Description = "Every shape TopologyDsl emits")]
[Output("Region", "${AWS::Region}", Description = "Where it runs")]
[Output("Plain", "no substitution here")]
public static partial class KitchenSink
{
    [Parameter(Type = ParameterTypes.ImageId, Description = "An AMI")] public partial record Ami;
    [Parameter(Type = ParameterTypes.Number, Default = "2")] public partial record Count;
    [Parameter(Default = "10.20.0.0/16", AllowedValues = ["10.20.0.0/16", "10.30.0.0/16"])] public partial record Trusted;

    [Vpc("10.0.0.0/16", SecondaryCidrBlocks = ["10.1.0.0/16", "100.64.0.0/16"], FlowLogs = true, FlowLogRetentionDays = 365)] public partial record Main;
    [Subnet<Main>("10.0.0.0/24", Zone = 0, Kind = SubnetKind.Public)] public partial record PublicA;
    [Subnet<Main>("10.0.1.0/24", Zone = 1, Kind = SubnetKind.Public)] public partial record PublicB;
    [Subnet<Main>("100.64.0.0/20", Zone = 1, Kind = SubnetKind.Private)] public partial record Pods;
    [Subnet<Main>("10.0.10.0/23", Zone = 0)] public partial record AppA;
    [Subnet<Main>("10.0.12.0/28", Zone = 2)] public partial record Tiny;
    [InternetGateway<Main>] public partial record Door;
    [NatGateway<PublicA>] public partial record NatA;
    [NatGateway<PublicB>] public partial record NatB;
    [RouteTable<Main>, Associate<PublicA>, Associate<PublicB>, Route<Door>("0.0.0.0/0")] public partial record Edge;
    [RouteTable<Main>, Associate<AppA>, Associate<Pods>, Route<NatA>("0.0.0.0/0"), Route<NatB>("192.168.0.0/16"), Route<NatA>("172.16.0.0/12")] public partial record Inner;

    [SecurityGroup<Main>("edge")]
    [Ingress(Tcp, 443, "0.0.0.0/0", Description = "HTTPS")]
    [Ingress(Tcp, 443, "::/0", Description = "HTTPS over IPv6")]
    [Ingress(Udp, 1000, "10.0.0.0/8", ToPort = 2000, Description = "games")]
    [Ingress(Icmp, 8, nameof(Trusted), Description = "ping")]
    [Ingress(All, 0, "10.0.0.0/16", Description = "the VPC")]
    [Egress(Tcp, 443, "0.0.0.0/0", Description = "HTTPS out"), Egress(Udp, 123, "::/0", Description = "NTP over IPv6"), EgressTo<AppGroup>(Tcp, 8000, ToPort = 8080, Description = "the app")]
    public partial record EdgeGroup;

    [SecurityGroup<Main>("app"), IngressFrom<EdgeGroup>(Tcp, 8000, ToPort = 8080, Description = "from the edge"), IngressFrom<AppGroup>(All, 0, Description = "peers")]
    [EgressTo<AppGroup>(All, 0, Description = "peers")]
    public partial record AppGroup;

    [Secret(Description = "an API token", Length = 64)] public partial record Token;
    [Secret, Policies(DeletionPolicy = RemovalPolicy.RetainExceptOnCreate, UpdateReplacePolicy = RemovalPolicy.Delete)] public partial record Other;

    [Instance<PublicA>("10.0.0.4", PublicIp = true, ImageId = nameof(Ami), InstanceType = "m7g.large", KeyName = "ops", UserData = "Stacks/sink.sh"), Uses<EdgeGroup>]
    [ReadsSecret<Token>, ReadsSecret<Other>]
    public partial record Bastion;

    // The edge group lets out HTTPS and the app's ports only, so ssh -J through the bastion cannot
    // work (TDSL232); the shape is what this stack is for, and its template stays as it was.
#pragma warning disable TDSL232
    [Instance<AppA>("10.0.11.254", ImageId = "ami-0123456789abcdef0", InstanceType = "t3.nano", RootVolumeSize = 30), Uses<AppGroup>, Uses<EdgeGroup>, SshVia<Bastion>(User = "ubuntu")]
    public partial record App;
#pragma warning restore TDSL232

    // Data volumes of every option: a default one, one of another type with its own policies, on a
    // second device; an instance at an address EC2 assigns, with an Elastic IP.
    [DataVolume<App>("/dev/sdf", 10)] public partial record AppData;
    [DataVolume<App>("/dev/xvdg", 500, Type = VolumeType.St1), Policies(DeletionPolicy = RemovalPolicy.Retain, UpdateReplacePolicy = RemovalPolicy.Snapshot)]
    public partial record AppArchive;

    [Instance<PublicB>(ImageId = nameof(Ami), InstanceType = "t3.micro", ElasticIp = true), Uses<EdgeGroup>, Policies(DeletionPolicy = RemovalPolicy.Retain, UpdateReplacePolicy = RemovalPolicy.Retain)]
    public partial record Front;

    [Vpc("192.168.0.0/24", FlowLogs = true)] public partial record Side;
    [Subnet<Side>("192.168.0.0/28")] public partial record SideSubnet;
    [SecurityGroup<Side>("closed"), EgressTo<Closed>(Tcp, 5432, Description = "only to itself")] public partial record Closed;

    // The opt-outs from the secure defaults, silenced the .NET way; the template must still be valid.
#pragma warning disable TDSL405, TDSL406
    [Instance<SideSubnet>("192.168.0.5", ImageId = nameof(Ami), InstanceType = "t3.micro", AllowImdsV1 = true, EncryptRootVolume = false), Uses<Closed>]
    public partial record Lonely;
#pragma warning restore TDSL405, TDSL406
}
