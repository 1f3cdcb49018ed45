using System.Threading.Tasks;
using TopologyDsl.Generators.Tests.Infrastructure;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Generators.Tests;

/// <summary>Intent checked against the reachability model, at the exact attribute: one test per ID with its near miss.</summary>
public class ReachabilityRuleTests
{
    private const string Ami = TestCompilation.AmiParameter;

    /// <summary>The book's two tiers with flow logs, every rule described: quiet as it stands.</summary>
    private const string Tiers = """
        [Parameter] public partial record AdminCidr;
        [SecurityGroup<Net>("Web"), Ingress(Tcp, 80, "0.0.0.0/0", Description = "HTTP"), Ingress(Tcp, 22, nameof(AdminCidr), Description = "SSH")]
        [Egress(Tcp, 443, "0.0.0.0/0", Description = "out"), EgressTo<DbGroup>(Tcp, 3306, Description = "db")WEBSSH]
        public partial record WebGroup;
        [SecurityGroup<Net>("Db"), IngressFrom<WebGroup>(Tcp, 3306, Description = "db")DBSSH, Egress(Tcp, 443, "0.0.0.0/0", Description = "out")]
        public partial record DbGroup;
        [Instance<Public>("10.0.1.10", PublicIp = true, ImageId = nameof(Ami), InstanceType = "t3.micro"), Uses<WebGroup>] public partial record Web;
        [Instance<Private>("10.0.2.10", ImageId = nameof(Ami), InstanceType = "t3.micro"DBEXTRA), Uses<DbGroup>DBVIA] public partial record Db;

        """;

    private static readonly string Network = TestCompilation.TwoTierNetwork.Replace("[Vpc(\"10.0.0.0/16\")]", "[Vpc(\"10.0.0.0/16\", FlowLogs = true)]");

    private static string Stack(string attributes, string body, string? network = null) =>
        "namespace Shop;\n" + attributes + "\n[Stack(\"shop\")]\npublic static partial class Shop\n{\n" + Ami + (network ?? Network) + body + "}\n";

    private static string Body(bool ssh = true, string dbExtra = "", string dbVia = "", string network = "") =>
        network + Tiers
            .Replace("WEBSSH", ssh ? ", EgressTo<DbGroup>(Tcp, 22, Description = \"ssh\")" : "")
            .Replace("DBSSH", ssh ? ", IngressFrom<WebGroup>(Tcp, 22, Description = \"ssh\")" : "")
            .Replace("DBEXTRA", dbExtra)
            .Replace("DBVIA", dbVia);

    private const string Intent = "[Reaches<Shop.Web, Shop.Db>(Tcp, 3306), ReachableFromInternet<Shop.Web>(Tcp, 80), NeverReachableFromInternet<Shop.Db>]";

    [Fact]
    public Task Intent_HeldByTheTwoTiers_IsQuiet() => Markup.VerifyAllAsync(Stack(Intent, Body(dbVia: ", SshVia<Web>")));

    [Fact]
    public Task TDSL230_Egress443Only_ReportedAtTheAssertion() => Markup.VerifyAllAsync(Stack(
        "[{|TDSL230:Reaches<Shop.Web, Shop.Db>(Tcp, 3306)|}, Reaches<Shop.Web, Shop.Db>(Tcp, 22)]",
        Body().Replace(", EgressTo<DbGroup>(Tcp, 3306, Description = \"db\")", "")));

    [Fact]
    public Task TDSL230_OnARecord_AndFromTheInternet() => Markup.VerifyAllAsync(Stack("",
        Body().Replace("public partial record Db;", "[{|TDSL230:ReachableFromInternet<Db>(Tcp, 3306)|}, ReachableFromInternet<Web>(Tcp, 80), {|TDSL230:ReachableFromInternet<Web>(Tcp, 79, ToPort = 80)|}] public partial record Db;")));

    [Fact]
    public Task TDSL230_WrongArguments_AreShapeFindings() => Markup.VerifyAllAsync(Stack(
        "[Reaches<Shop.Web, Shop.Db>(Tcp, {|TDSL008:70000|}), Reaches<Shop.Web, Shop.Db>(Tcp, 3306, ToPort = {|TDSL008:3305|})]", Body()));

    [Fact]
    public Task TDSL231_NeverReachable_ButPublic() => Markup.VerifyAllAsync(Stack(
        "[{|TDSL231:NeverReachableFromInternet<Shop.Web>|}, NeverReachableFromInternet<Shop.Db>]", Body()));

    [Fact]
    public Task TDSL232_SshViaWithoutTheRule() => Markup.VerifyAllAsync(Stack("", Body(ssh: false, dbVia: ", {|TDSL232:SshVia<Web>|}")));

    [Fact]
    public Task TDSL232_JumpHostNobodyCanReach() => Markup.VerifyAllAsync(Stack("",
        Body(dbVia: ", {|TDSL232:SshVia<Web>|}").Replace(", Ingress(Tcp, 22, nameof(AdminCidr), Description = \"SSH\")", "")));

    [Fact]
    public Task TDSL232_NearMiss_SshOpenAlongThePath() => Markup.VerifyAllAsync(Stack("", Body(dbVia: ", SshVia<Web>")));

    private static readonly InMemoryAdditionalText Boot = new("/p/boot.sh", "#!/bin/bash\n# curl is not run here\nset -e\ndnf install -y mariadb105-server\n");

    [Fact]
    public Task TDSL233_BootScriptWithoutWayOut() => Markup.VerifyAllAsync(Stack("",
        Body(dbExtra: ", UserData = {|TDSL233:\"boot.sh\"|}"), Network.Replace(", Route<Nat>(\"0.0.0.0/0\")] public partial record PrivateRoutes", "] public partial record PrivateRoutes")),
        Boot);

    [Fact]
    public Task TDSL233_BootScriptWithoutHttps() => Markup.VerifyAllAsync(Stack("",
        Body(dbExtra: ", UserData = {|TDSL233:\"boot.sh\"|}").Replace("IngressFrom<WebGroup>(Tcp, 3306, Description = \"db\"), IngressFrom<WebGroup>(Tcp, 22, Description = \"ssh\"), Egress(Tcp, 443,",
            "IngressFrom<WebGroup>(Tcp, 3306, Description = \"db\"), IngressFrom<WebGroup>(Tcp, 22, Description = \"ssh\"), Egress(Tcp, 80,")),
        Boot);

    [Fact]
    public Task TDSL233_NearMiss_NatGatewayAndHttps() => Markup.VerifyAllAsync(Stack("", Body(dbExtra: ", UserData = \"boot.sh\"")), Boot);

    [Fact]
    public Task TDSL234_AddressWithoutConnection() => Markup.VerifyAllAsync(Stack("",
        Body(dbExtra: ", UserData = {|TDSL234:\"boot.sh\"|}").Replace(", IngressFrom<WebGroup>(Tcp, 3306, Description = \"db\")", "")
            .Replace(", IngressFrom<WebGroup>(Tcp, 22, Description = \"ssh\")", "")),
        new InMemoryAdditionalText("/p/boot.sh", "echo ${Web.PrivateIp} > /etc/web\n"));

    [Fact]
    public Task TDSL234_NearMiss_ConnectionEitherWay() => Markup.VerifyAllAsync(Stack("", Body(dbExtra: ", UserData = \"boot.sh\"")),
        new InMemoryAdditionalText("/p/boot.sh", "echo ${Web.PrivateIp} > /etc/web\n"));

    /// <summary>An app in one VPC and a cache in a peered one; the cache's group takes Redis from the app's group (across the peering).</summary>
    private static string Peered(string servicesRoutes) => "namespace Shop;\n"
        + "[Stack(\"shop\")]\n[{|TDSL230:Reaches<Shop.App, Shop.Cache>(Tcp, 6379)|}]\npublic static partial class Shop\n{\n" + Ami + """
        [Vpc("10.0.0.0/16", FlowLogs = true)] public partial record Core;
        [Subnet<Core>("10.0.1.0/24", Kind = SubnetKind.Private)] public partial record CoreA;
        [Vpc("10.1.0.0/16", FlowLogs = true)] public partial record Services;
        [Subnet<Services>("10.1.1.0/24", Kind = SubnetKind.Private)] public partial record ServicesA;
        [VpcPeering<Core, Services>] public partial record CoreToServices;
        [RouteTable<Core>, Associate<CoreA>, Route<{|TDSL235:CoreToServices|}>("10.1.0.0/16")] public partial record CoreRoutes;
        [RouteTable<Services>, Associate<ServicesA>SERVICES] public partial record ServicesRoutes;
        [SecurityGroup<Core>("App"), EgressTo<CacheGroup>(Tcp, 6379, Description = "redis")] public partial record AppGroup;
        [SecurityGroup<Services>("Cache"), IngressFrom<AppGroup>(Tcp, 6379, Description = "redis"), Egress(Tcp, 443, "10.1.0.0/16", Description = "in")]
        public partial record CacheGroup;
        [Instance<CoreA>("10.0.1.10", ImageId = nameof(Ami), InstanceType = "t3.micro"), Uses<AppGroup>] public partial record App;
        [Instance<ServicesA>("10.1.1.10", ImageId = nameof(Ami), InstanceType = "t3.micro"), Uses<CacheGroup>] public partial record Cache;
        }
        """.Replace("SERVICES", servicesRoutes);

    [Fact]
    public Task TDSL230_PeeringWithoutTheReturnRoute() => Markup.VerifyAllAsync(Peered(""));

    [Fact]
    public Task TDSL230_NearMiss_PeeringRoutedBothWays() =>
        Markup.VerifyAllAsync(Peered(", Route<CoreToServices>(\"10.0.0.0/16\")").Replace("{|TDSL230:", "").Replace(")|}]", ")]")
            .Replace("{|TDSL235:CoreToServices|}", "CoreToServices"));

    /// <summary>Addresses EC2 assigns: any address of the subnet may be the one, so the routes must cover the subnets' whole blocks.</summary>
    [Fact]
    public Task TDSL230_NearMiss_PeeringWithAssignedAddresses() =>
        Markup.VerifyAllAsync(Peered(", Route<CoreToServices>(\"10.0.1.0/24\")").Replace("{|TDSL230:", "").Replace(")|}]", ")]")
            .Replace("{|TDSL235:CoreToServices|}", "CoreToServices").Replace("(\"10.0.1.10\", ", "(").Replace("(\"10.1.1.10\", ", "("));

    [Fact]
    public Task TDSL230_AssignedAddress_ReturnRouteCoversHalfTheSubnet() =>
        Markup.VerifyAllAsync(Peered(", Route<CoreToServices>(\"10.0.1.0/25\")").Replace("{|TDSL235:CoreToServices|}", "CoreToServices")
            .Replace("(\"10.0.1.10\", ", "("));

    [Theory]
    [InlineData("dnf install -y httpd", "dnf")]
    [InlineData("X=$(aws secretsmanager get-secret-value)", "aws")]
    [InlineData("cd /tmp && curl -fsSL -o a https://example.com/a", "curl")]
    [InlineData("sudo apt-get install -y nginx", "apt-get")]
    [InlineData("# wget is commented out\necho awsome", null)]
    [InlineData("systemctl enable --now httpd", null)]
    public void NetworkCommands_AreFoundOutsideComments(string script, string? command) =>
        Assert.Equal(command, ReachabilityRules.FirstNetworkCommand(script));
}
