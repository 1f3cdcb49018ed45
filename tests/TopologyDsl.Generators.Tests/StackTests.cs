using System.Linq;
using System.Threading.Tasks;
using TopologyDsl.Generators.Tests.Infrastructure;

namespace TopologyDsl.Generators.Tests;

/// <summary>
/// Programs of several stacks: references to records of another stack, the rules that see across
/// stacks (reported in the stack at fault), and the rules about stacks themselves.
/// </summary>
public class StackTests
{
    private const string Ami = TestCompilation.AmiParameter;

    /// <summary>A network stack: one VPC, a public and a private subnet, their routes, a web group and a NAT gateway.</summary>
    private const string Network = """
        [Stack("network")]
        public static partial class Network
        {
            [Vpc("10.0.0.0/16")] public partial record Main;
            [Subnet<Main>("10.0.1.0/24")] public partial record Public;
            [Subnet<Main>("10.0.2.0/24")] public partial record Private;
            [InternetGateway<Main>] public partial record Igw;
            [NatGateway<Public>] public partial record Nat;
            [RouteTable<Main>, Associate<Public>, Route<Igw>("0.0.0.0/0")] public partial record PublicRoutes;
            [RouteTable<Main>, Associate<Private>, Route<Nat>("0.0.0.0/0")] public partial record PrivateRoutes;
            [SecurityGroup<Main>("web"), Ingress(Tcp, 443, "0.0.0.0/0")] public partial record Web;
            [Instance<Public>("10.0.1.10", ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro"), Uses<Web>] public partial record Bastion;
        }

        """;

    private static string App(string body, string name = "app") =>
        "[Stack(\"" + name + "\")]\npublic static partial class App\n{\n" + Ami + body + "}\n";

    private static Task Verify(string source) => Markup.VerifyAsync("namespace Shop;\n" + source);

    [Fact]
    public Task ValidProgram_ImportsFromTheNetworkStack_HasNoDiagnostics() => Verify(Network + App("""
        [Subnet<Network.Main>("10.0.8.0/24")] public partial record AppSubnet;
        [RouteTable<Network.Main>, Associate<AppSubnet>, Route<Network.Nat>("0.0.0.0/0")] public partial record AppRoutes;
        [SecurityGroup<Network.Main>("app"), IngressFrom<Network.Web>(Tcp, 8080)] public partial record AppGroup;
        [Instance<AppSubnet>("10.0.8.10", ImageId = nameof(Ami), InstanceType = "t3.micro"), Uses<AppGroup>, Uses<Network.Web>] public partial record Server;
        [Instance<Network.Private>("10.0.2.20", ImageId = nameof(Ami), InstanceType = "t3.micro"), Uses<AppGroup>] public partial record Worker;
        """));

    [Fact]
    public Task TDSL106_SubnetOutsideAnImportedVpc() => Verify(Network + App("""
        [Subnet<Network.Main>({|TDSL106:"10.1.8.0/24"|})] public partial record Outside;
        [Subnet<Network.Main>("10.0.8.0/24")] public partial record Inside;
        """));

    [Fact]
    public Task TDSL107_SubnetOverlapsASubnetOfTheNetworkStack_ReportedInTheAppStack() => Verify(Network + App("""
        [Subnet<Network.Main>({|TDSL107:"10.0.2.0/25"|})] public partial record Overlapping;
        [Subnet<Network.Main>("10.0.3.0/25")] public partial record Beside;
        """));

    [Fact]
    public Task TDSL110_InstanceTakesTheAddressOfAnInstanceOfTheNetworkStack() => Verify(Network + App("""
        [Instance<Network.Public>({|TDSL110:"10.0.1.10"|}, ImageId = nameof(Ami), InstanceType = "t3.micro"), Uses<Network.Web>] public partial record Twin;
        [Instance<Network.Public>("10.0.1.11", ImageId = nameof(Ami), InstanceType = "t3.micro"), Uses<Network.Web>] public partial record Neighbour;
        """));

    [Fact]
    public Task TDSL206_SubnetOfTheNetworkStackAssociatedAgain() => Verify(Network + App("""
        [Subnet<Network.Main>("10.0.8.0/24")] public partial record AppSubnet;
        [RouteTable<Network.Main>, Associate<{|TDSL206:Network.Private|}>, Associate<AppSubnet>] public partial record AppRoutes;
        """));

    [Fact]
    public Task TDSL205_ImportedGroupOfAnotherVpc() => Verify(Network + App("""
        [Vpc("10.5.0.0/16")] public partial record Own;
        [SecurityGroup<Own>("own"), IngressFrom<{|TDSL205:Network.Web|}>(Tcp, 80)] public partial record OwnGroup;
        [SecurityGroup<Network.Main>("same"), IngressFrom<Network.Web>(Tcp, 80)] public partial record SameVpcGroup;
        """));

    /// <summary>Two application stacks that both use the network stack's VPC, but neither imports from the other: checked at compilation end, reported in the later stack.</summary>
    [Fact]
    public Task SiblingStacks_ConflictsReportedInTheLaterStack() => Verify(Network + App("""
        [Subnet<Network.Main>("10.0.8.0/24")] public partial record AppSubnet;
        [Instance<Network.Public>("10.0.1.50", ImageId = nameof(Ami), InstanceType = "t3.micro"), Uses<Network.Web>] public partial record Server;
        """) + App("""
        [Subnet<Network.Main>({|TDSL107:"10.0.8.128/25"|})] public partial record Overlapping;
        [Subnet<Network.Main>("10.0.9.0/24")] public partial record Beside;
        [Instance<Network.Public>({|TDSL110:"10.0.1.50"|}, ImageId = nameof(Ami), InstanceType = "t3.micro"), Uses<Network.Web>] public partial record Twin;
        [Instance<Network.Public>("10.0.1.51", ImageId = nameof(Ami), InstanceType = "t3.micro"), Uses<Network.Web>] public partial record Free;
        """, "zapp").Replace("class App", "class Zapp"));

    [Fact]
    public Task TDSL227_StacksImportFromEachOther() => Verify("""
        [Stack("network")]
        public static partial class Network
        {
            [Vpc("10.0.0.0/16")] public partial record Main;
            [SecurityGroup<Main>("admin"), IngressFrom<{|TDSL227:App.Web|}>(Tcp, 22)] public partial record Admin;
        }

        """ + App("""
        [SecurityGroup<{|TDSL227:Network.Main|}>("web"), IngressFrom<Network.Admin>(Tcp, 22)] public partial record Web;
        """));

    [Fact]
    public Task TDSL227_NearMiss_ThreeStacksInALine() => Verify(Network + App("""
        [SecurityGroup<Network.Main>("app")] public partial record AppGroup;
        """) + """
        [Stack("monitoring")]
        public static partial class Monitoring
        {
            [SecurityGroup<Network.Main>("probe"), EgressTo<App.AppGroup>(Tcp, 443)] public partial record Probe;
        }
        """);

    [Fact]
    public Task TDSL228_JumpHostOrSecretOfAnotherStack() => Verify("""
        [Stack("network")]
        public static partial class Network
        {
            [Vpc("10.0.0.0/16")] public partial record Main;
            [Subnet<Main>("10.0.1.0/24")] public partial record Public;
            [InternetGateway<Main>] public partial record Igw;
            [RouteTable<Main>, Associate<Public>, Route<Igw>("0.0.0.0/0")] public partial record PublicRoutes;
            [SecurityGroup<Main>("ssh"), Ingress(Tcp, 22, "203.0.113.0/24")] public partial record Ssh;
            [Instance<Public>("10.0.1.10", PublicIp = true, ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro"), Uses<Ssh>] public partial record Bastion;
            [Secret] public partial record Password;
        }

        """ + App("""
        [Instance<Network.Public>("10.0.1.20", ImageId = nameof(Ami), InstanceType = "t3.micro"), Uses<Network.Ssh>, SshVia<{|TDSL228:Network.Bastion|}>, ReadsSecret<{|TDSL228:Network.Password|}>] public partial record Db;
        [Instance<Network.Public>("10.0.1.30", PublicIp = true, ImageId = nameof(Ami), InstanceType = "t3.micro"), Uses<Network.Ssh>] public partial record LocalJump;
        [Secret] public partial record LocalSecret;
        [Instance<Network.Public>("10.0.1.21", ImageId = nameof(Ami), InstanceType = "t3.micro"), Uses<Network.Ssh>, SshVia<LocalJump>, ReadsSecret<LocalSecret>] public partial record Db2;
        """));

    [Fact]
    public Task TDSL307_ExportNameTooLong() => Verify(
        "[Stack(\"" + new string('n', 128) + "\")]\npublic static partial class Network\n{\n    [Vpc(\"10.0.0.0/16\")] public partial record " + new string('V', 127) + ";\n"
        + "    [Vpc(\"10.1.0.0/16\")] public partial record " + new string('W', 126) + ";\n}\n"
        + App("[Subnet<{|TDSL307:Network." + new string('V', 127) + "|}>(\"10.0.8.0/24\")] public partial record A;\n"
            + "[Subnet<Network." + new string('W', 126) + ">(\"10.1.8.0/24\")] public partial record B;\n"));

    [Fact]
    public Task TDSL308_TwoStacksWithOneName() => Verify(Network + """
        [Stack({|TDSL308:"network"|})]
        public static partial class Other
        {
            [Vpc("10.0.0.0/16")] public partial record Main;
        }
        [Stack("network-copy")]
        public static partial class Renamed
        {
            [Vpc("10.0.0.0/16")] public partial record Main;
        }
        """);

    [Fact]
    public Task TDSL309_TwoExportsWithOneName() => Verify(Network.Replace("[Stack(\"network\")]", "[Stack(\"network\"), Output(\"MainId\", \"${Main}\", Export = \"shared-vpc\")]") + """
        [Stack("old"), Output("VpcId", "${Vpc}", Export = {|TDSL309:"shared-vpc"|}), Output("OtherId", "${Vpc}", Export = "old-vpc")]
        public static partial class Old
        {
            [Vpc("10.9.0.0/16")] public partial record Vpc;
        }
        """);

    [Fact]
    public Task TDSL309_AnExportOfYoursTakesTheNameOfAGeneratedOne() => Verify(Network + App("""
        [Subnet<Network.Main>("10.0.8.0/24")] public partial record AppSubnet;
        """).Replace("[Stack(\"app\")]", "[Stack(\"app\"), Output(\"Taken\", \"${AppSubnet}\", Export = {|TDSL309:\"network-Main\"|})]"));
    [Fact]
    public Task TDSL148_Ipv6SubnetOfTheNetworkStacksVpc() => Verify(Network.Replace("[Vpc(\"10.0.0.0/16\")]", "[Vpc(\"10.0.0.0/16\", Ipv6 = true)]") + App("""
        [Subnet<Network.Main>("10.0.8.0/24", Ipv6Index = {|TDSL148:8|})] public partial record Dual;
        [Subnet<Network.Main>("10.0.9.0/24")] public partial record V4Only;
        """));

    [Fact]
    public Task TDSL250_AnAppStackAclOnASubnetTheNetworkStacksAclFilters() => Verify(
        Network.Replace("[SecurityGroup<Main>", "[NetworkAcl<Main>, Associate<Private>] public partial record PrivateAcl;\n    [SecurityGroup<Main>") + App("""
        [NetworkAcl<Network.Main>, Associate<{|TDSL250:Network.Private|}>] public partial record Again;
        [NetworkAcl<Network.Main>, Associate<Network.Public>] public partial record PublicAcl;
        """));
}
