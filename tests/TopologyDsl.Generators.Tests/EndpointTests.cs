using System.Linq;
using System.Threading.Tasks;
using TopologyDsl.Generators.Tests.Infrastructure;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Generators.Tests;

/// <summary>VPC endpoints and Session Manager: one test per rule at the exact argument, each with its near miss in the same source.</summary>
public class EndpointTests
{
    private const string Ami = TestCompilation.AmiParameter;

    /// <summary>
    /// Application subnets in two zones and a database subnet, none routed to the internet; the three
    /// Session Manager endpoints and an S3 gateway endpoint serve the application tier.
    /// </summary>
    private const string Isolated = """
        [Vpc("10.0.0.0/16", FlowLogs = true)] public partial record Net;
        [Subnet<Net>("10.0.1.0/24", Zone = 0, Kind = SubnetKind.Private)] public partial record AppA;
        [Subnet<Net>("10.0.2.0/24", Zone = 1, Kind = SubnetKind.Private)] public partial record AppB;
        [Subnet<Net>("10.0.3.0/24", Zone = 0, Kind = SubnetKind.Private)] public partial record DbA;
        [RouteTable<Net>, Associate<AppA>, Associate<AppB>] public partial record AppRoutes;
        [RouteTable<Net>, Associate<DbA>] public partial record DbRoutes;
        [SecurityGroup<Net>("app"), Egress(Tcp, 443, "0.0.0.0/0", Description = "AWS APIs")] public partial record AppAccess;
        [SecurityGroup<Net>("endpoints"), IngressFrom<AppAccess>(Tcp, 443, Description = "AWS APIs"), Egress(Tcp, 443, "10.0.0.0/16", Description = "none needed")] public partial record EndpointAccess;
        [InterfaceEndpoint<Net>(EndpointServices.Ssm), EndpointSubnet<AppA>, EndpointSubnet<AppB>, Uses<EndpointAccess>] public partial record Ssm;
        [InterfaceEndpoint<Net>(EndpointServices.SsmMessages), EndpointSubnet<AppA>, EndpointSubnet<AppB>, Uses<EndpointAccess>] public partial record SsmMessages;
        [InterfaceEndpoint<Net>(EndpointServices.Ec2Messages), EndpointSubnet<AppA>, EndpointSubnet<AppB>, Uses<EndpointAccess>] public partial record Ec2Messages;
        [GatewayEndpoint<Net>(EndpointServices.S3), EndpointRouteTable<AppRoutes>] public partial record S3;

        """;

    private const string App = """
        [Instance<AppA>("10.0.1.10", ImageId = nameof(Ami), InstanceType = "t3.micro"APPEXTRA), Uses<AppAccess>] public partial record App;

        """;

    private static string Stack(string body) => "namespace Shop;\n[Stack(\"shop\")]\npublic static partial class Shop\n{\n" + Ami + body + "}\n";

    private static string Tiers(string appExtra = ", SessionManager = true", string more = "") => Stack(Isolated + App.Replace("APPEXTRA", appExtra) + more);

    private static InMemoryAdditionalText Script(string text) => new("/p/boot.sh", "#!/bin/bash\nset -euo pipefail\n" + text);

    [Fact]
    public Task Endpoints_IsolatedTiers_AreQuiet() => Markup.VerifyAllAsync(Tiers(", SessionManager = true, UserData = \"boot.sh\""),
        Script("dnf install -y nginx\naws --region eu-west-1 s3 cp s3://example-bucket/site.tar.gz /tmp/site.tar.gz\naws ssm get-parameter --name /site/x\n"));

    [Fact]
    public Task TDSL240_ServiceNameWithRegionOrOfNoGateway() => Markup.VerifyAsync(Stack(Isolated + """
        [InterfaceEndpoint<Net>({|TDSL240:"com.amazonaws.eu-west-1.logs"|}), EndpointSubnet<AppA>] public partial record Logs;
        [InterfaceEndpoint<Net>({|TDSL240:"Kms"|}), EndpointSubnet<AppA>] public partial record Kms;
        [InterfaceEndpoint<Net>({|TDSL240:"com.amazonaws.${AWS::Region}.sts"|}), EndpointSubnet<AppA>] public partial record Sts;
        [GatewayEndpoint<Net>({|TDSL240:"sqs"|}), EndpointRouteTable<DbRoutes>] public partial record Queue;
        [InterfaceEndpoint<Net>(EndpointServices.EcrDkr), EndpointSubnet<AppA>] public partial record Registry;
        [GatewayEndpoint<Net>(EndpointServices.DynamoDb), EndpointRouteTable<DbRoutes>] public partial record Tables;
        """));

    [Theory]
    [InlineData("ssm", false, null)]
    [InlineData("ecr.api", false, null)]
    [InlineData("s3", true, null)]
    [InlineData("dynamodb", true, null)]
    [InlineData("", false, "is empty")]
    [InlineData("com.amazonaws.us-east-1.ssm", false, "hard-codes region us-east-1")]
    [InlineData("ssm.eu-central-2", false, "hard-codes region eu-central-2")]
    [InlineData("com.amazonaws.ssm", false, "is a whole endpoint service name")]
    [InlineData("${Service}", false, "substitutes a value")]
    [InlineData("ecr..api", false, "is not a service's short name")]
    [InlineData("ssm", true, "has no gateway endpoint")]
    public void ServiceName_Problem(string service, bool gateway, string? problem)
    {
        var found = EndpointRules.Problem(service, gateway);
        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.StartsWith(problem, found);
        }
    }

    [Theory]
    [InlineData("com.amazonaws.eu-west-1.ssm", false, "ssm")]
    [InlineData("com.amazonaws.${AWS::Region}.ecr.dkr", false, "ecr.dkr")]
    [InlineData("ssm.us-gov-west-1", false, "ssm")]
    [InlineData("Kms", false, "kms")]
    [InlineData("com.amazonaws.eu-west-1.s3", true, "s3")]
    [InlineData("com.amazonaws.eu-west-1.sqs", true, null)]
    [InlineData("ecr..api", false, null)]
    public void ServiceName_Suggestion(string service, bool gateway, string? suggestion) =>
        Assert.Equal(suggestion, EndpointRules.Suggest(service, gateway));

    [Fact]
    public Task TDSL241_TwoSubnetsInOneZone() => Markup.VerifyAsync(Stack(Isolated + """
        [InterfaceEndpoint<Net>(EndpointServices.Logs), EndpointSubnet<AppA>, EndpointSubnet<{|TDSL241:DbA|}>] public partial record Logs;
        [InterfaceEndpoint<Net>(EndpointServices.Kms), EndpointSubnet<DbA>, EndpointSubnet<AppB>] public partial record Kms;
        """));

    [Fact]
    public Task TDSL242_PrivateDnsInAVpcWithoutHostNames() => Markup.VerifyAsync(Stack(Isolated + """
        [Vpc("10.1.0.0/16", DnsHostnames = false)] public partial record Legacy;
        [Subnet<Legacy>("10.1.1.0/24")] public partial record LegacyA;
        [InterfaceEndpoint<{|TDSL242:Legacy|}>(EndpointServices.Logs), EndpointSubnet<LegacyA>] public partial record LegacyLogs;
        [InterfaceEndpoint<Legacy>(EndpointServices.Kms, PrivateDns = false), EndpointSubnet<LegacyA>] public partial record LegacyKms;
        """));

    [Fact]
    public Task TDSL243_EndpointGroupClosedToTheInstanceThatReadsASecret() => Markup.VerifyAllAsync(Tiers(more: """
        [Secret] public partial record DbPassword;
        [SecurityGroup<Net>("closed"), Egress(Tcp, 443, "10.0.0.0/16", Description = "none needed")] public partial record Closed;
        [InterfaceEndpoint<Net>(EndpointServices.SecretsManager), EndpointSubnet<AppA>, Uses<{|TDSL243:Closed|}>] public partial record Secrets;
        [InterfaceEndpoint<Net>(EndpointServices.Logs), EndpointSubnet<AppA>, Uses<Closed>] public partial record Logs;
        """).Replace("public partial record App;", "[ReadsSecret<DbPassword>] public partial record App;"));

    [Fact]
    public Task TDSL243_NearMiss_GroupAdmitsTheReader() => Markup.VerifyAllAsync(Tiers(more: """
        [Secret] public partial record DbPassword;
        [InterfaceEndpoint<Net>(EndpointServices.SecretsManager), EndpointSubnet<AppA>, Uses<EndpointAccess>] public partial record Secrets;
        """).Replace("public partial record App;", "[ReadsSecret<DbPassword>] public partial record App;"));

    [Fact]
    public Task TDSL244_SessionManagerWithNoWayToSystemsManager() => Markup.VerifyAsync(Stack("""
        [Vpc("10.0.0.0/16")] public partial record Net;
        [Subnet<Net>("10.0.1.0/24")] public partial record Public;
        [Subnet<Net>("10.0.2.0/24")] public partial record Private;
        [Subnet<Net>("10.0.3.0/24")] public partial record Isolated;
        [InternetGateway<Net>] public partial record Igw;
        [NatGateway<Public>] public partial record Nat;
        [RouteTable<Net>, Associate<Public>, Route<Igw>("0.0.0.0/0")] public partial record PublicRoutes;
        [RouteTable<Net>, Associate<Private>, Route<Nat>("0.0.0.0/0")] public partial record PrivateRoutes;
        [RouteTable<Net>, Associate<Isolated>] public partial record IsolatedRoutes;
        [InterfaceEndpoint<Net>(EndpointServices.Ssm), EndpointSubnet<Isolated>] public partial record Ssm;
        [Instance<Isolated>("10.0.3.10", ImageId = nameof(Ami), InstanceType = "t3.micro", SessionManager = {|TDSL244:true|})] public partial record Cut;
        [Instance<Private>("10.0.2.10", ImageId = nameof(Ami), InstanceType = "t3.micro", SessionManager = true)] public partial record ThroughNat;
        """));

    [Fact]
    public async Task TDSL244_EndpointsWithPrivateDnsOff_TheMessageSaysSo()
    {
        var diagnostics = await TestCompilation.DiagnosticsAsync(TestCompilation.Prelude + Stack("""
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Subnet<Net>("10.0.3.0/24")] public partial record Isolated;
            [RouteTable<Net>, Associate<Isolated>] public partial record IsolatedRoutes;
            [InterfaceEndpoint<Net>(EndpointServices.Ssm, PrivateDns = false), EndpointSubnet<Isolated>] public partial record Ssm;
            [InterfaceEndpoint<Net>(EndpointServices.SsmMessages, PrivateDns = false), EndpointSubnet<Isolated>] public partial record Messages;
            [Instance<Isolated>("10.0.3.10", ImageId = nameof(Ami), InstanceType = "t3.micro", SessionManager = true)] public partial record Cut;
            """));
        var message = Assert.Single(diagnostics, d => d.Id == "TDSL244").GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("Instance 'Cut' uses Session Manager but can never register with Systems Manager: subnet 'Isolated' has no route toward the internet (IPv4), "
            + "and VPC 'Net' has no interface endpoint for ec2messages, and has its endpoints for ssm and ssmmessages with private DNS off, "
            + "so the agent, which calls the services by their public names, does not use them", message);
    }

    [Fact]
    public Task TDSL245_TwoEndpointsOfOneService() => Markup.VerifyAsync(Stack(Isolated + """
        [GatewayEndpoint<Net>(EndpointServices.S3), EndpointRouteTable<DbRoutes>, EndpointRouteTable<{|TDSL245:AppRoutes|}>] public partial record MoreS3;
        [InterfaceEndpoint<Net>({|TDSL245:EndpointServices.Ssm|}), EndpointSubnet<AppA>] public partial record SsmAgain;
        [InterfaceEndpoint<Net>(EndpointServices.Ssm, PrivateDns = false), EndpointSubnet<AppA>] public partial record SsmByName;
        [GatewayEndpoint<Net>(EndpointServices.DynamoDb), EndpointRouteTable<AppRoutes>] public partial record Tables;
        """));

    [Fact]
    public Task TDSL205_EndpointWiredToAnotherVpc() => Markup.VerifyAsync(Stack(Isolated + """
        [Vpc("10.1.0.0/16")] public partial record Other;
        [Subnet<Other>("10.1.1.0/24")] public partial record OtherA;
        [RouteTable<Other>, Associate<OtherA>] public partial record OtherRoutes;
        [SecurityGroup<Other>("other")] public partial record OtherAccess;
        [GatewayEndpoint<Net>(EndpointServices.DynamoDb), EndpointRouteTable<AppRoutes>, EndpointRouteTable<{|TDSL205:OtherRoutes|}>] public partial record Tables;
        [InterfaceEndpoint<Net>(EndpointServices.Logs), EndpointSubnet<AppA>, EndpointSubnet<{|TDSL205:OtherA|}>, Uses<EndpointAccess>, Uses<{|TDSL205:OtherAccess|}>] public partial record Logs;
        [InterfaceEndpoint<Other>(EndpointServices.Logs), EndpointSubnet<OtherA>, Uses<OtherAccess>] public partial record OtherLogs;
        """));

    [Fact]
    public Task TDSL310_FiftyOneInterfaceEndpointsInOneVpc()
    {
        // The isolated tiers hold three (Session Manager's); 48 more make 51.
        var services = Enumerable.Range(0, 48).Select(i => "svc" + i).ToList();
        var endpoints = string.Concat(services.Select((s, i) =>
            "[InterfaceEndpoint<Net>(\"" + s + "\"), EndpointSubnet<AppA>] public partial record " + (i == 47 ? "{|TDSL310:E" + i + "|}" : "E" + i) + ";\n"));
        var other = "[Vpc(\"10.1.0.0/16\")] public partial record Other;\n[Subnet<Other>(\"10.1.1.0/24\")] public partial record OtherA;\n"
            + string.Concat(Enumerable.Range(0, 50).Select(i => "[InterfaceEndpoint<Other>(\"svc" + i + "\"), EndpointSubnet<OtherA>] public partial record O" + i + ";\n"));
        return Markup.VerifyAsync(Stack(Isolated + endpoints + other));
    }

    [Fact]
    public Task TDSL311_TwentyOneGatewayEndpoints()
    {
        // The isolated tiers hold one (S3); twenty more, each on a route table of its own.
        var tables = string.Concat(Enumerable.Range(0, 20).Select(i => "[RouteTable<Net>] public partial record T" + i + ";\n"));
        var endpoints = string.Concat(Enumerable.Range(0, 20).Select(i =>
            "[GatewayEndpoint<Net>(EndpointServices.DynamoDb), EndpointRouteTable<T" + i + ">] public partial record " + (i == 19 ? "{|TDSL311:G" + i + "|}" : "G" + i) + ";\n"));
        return Markup.VerifyAsync(Stack(Isolated + tables + endpoints));
    }

    [Fact]
    public Task TDSL311_NearMiss_QuotaRaisedByBuildProperty()
    {
        var tables = string.Concat(Enumerable.Range(0, 20).Select(i => "[RouteTable<Net>] public partial record T" + i + ";\n"));
        var endpoints = string.Concat(Enumerable.Range(0, 20).Select(i =>
            "[GatewayEndpoint<Net>(EndpointServices.DynamoDb), EndpointRouteTable<T" + i + ">] public partial record G" + i + ";\n"));
        return Markup.VerifyAsync(Stack(Isolated + tables + endpoints), new BuildPropertiesProvider(("TopologyDslGatewayEndpointsPerRegion", "25")));
    }

    [Fact]
    public Task TDSL311_NearMiss_TwentyGatewayEndpoints()
    {
        var tables = string.Concat(Enumerable.Range(0, 19).Select(i => "[RouteTable<Net>] public partial record T" + i + ";\n"));
        var endpoints = string.Concat(Enumerable.Range(0, 19).Select(i =>
            "[GatewayEndpoint<Net>(EndpointServices.DynamoDb), EndpointRouteTable<T" + i + ">] public partial record G" + i + ";\n"));
        return Markup.VerifyAsync(Stack(Isolated + tables + endpoints));
    }

    [Fact]
    public Task TDSL329_InterfaceEndpointWithSixGroups() => Markup.VerifyAsync(Stack(Isolated
        + string.Concat(Enumerable.Range(1, 6).Select(i => "[SecurityGroup<Net>(\"g" + i + "\")] public partial record G" + i + ";\n")) + """
        [InterfaceEndpoint<Net>(EndpointServices.Logs), EndpointSubnet<AppA>, Uses<G1>, Uses<G2>, Uses<G3>, Uses<G4>, Uses<G5>, {|TDSL329:Uses<G6>|}] public partial record Logs;
        [InterfaceEndpoint<Net>(EndpointServices.Kms), EndpointSubnet<AppA>, Uses<G1>, Uses<G2>, Uses<G3>, Uses<G4>, Uses<G5>] public partial record Kms;
        """));

    [Fact]
    public Task TDSL329_NearMiss_EndpointQuotaRaisedByBuildProperty() => Markup.VerifyAsync(Stack(Isolated
        + string.Concat(Enumerable.Range(1, 6).Select(i => "[SecurityGroup<Net>(\"g" + i + "\")] public partial record G" + i + ";\n")) + """
        [InterfaceEndpoint<Net>(EndpointServices.Logs), EndpointSubnet<AppA>, Uses<G1>, Uses<G2>, Uses<G3>, Uses<G4>, Uses<G5>, Uses<G6>] public partial record Logs;
        """), new BuildPropertiesProvider(("TopologyDslSecurityGroupsPerInterface", "6")));

    [Fact]
    public async Task TDSL329_MessageNamesTheInterfaceEndpoint()
    {
        var diagnostics = await TestCompilation.DiagnosticsAsync(TestCompilation.Prelude + Stack(Isolated
            + string.Concat(Enumerable.Range(1, 6).Select(i => "[SecurityGroup<Net>(\"g" + i + "\")] public partial record G" + i + ";\n"))
            + "[InterfaceEndpoint<Net>(EndpointServices.Logs), EndpointSubnet<AppA>, Uses<G1>, Uses<G2>, Uses<G3>, Uses<G4>, Uses<G5>, Uses<G6>] public partial record Logs;\n"));
        var message = Assert.Single(diagnostics, d => d.Id == "TDSL329").GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("Interface endpoint 'Logs' uses 6 security groups; a network interface takes at most 5", message);
    }

    // ---- Endpoints of one stack, users in another ----

    /// <summary>
    /// A network stack with isolated application subnets and the Session Manager endpoints, whose
    /// group admits HTTPS from ADMITTED only (a block, since it cannot name another stack's group).
    /// </summary>
    private const string NetworkStack = """
        [Stack("network")]
        public static partial class Network
        {
            [Vpc("10.0.0.0/16", FlowLogs = true)] public partial record Net;
            [Subnet<Net>("10.0.1.0/24", Zone = 0, Kind = SubnetKind.Private)] public partial record AppA;
            [Subnet<Net>("10.0.2.0/24", Zone = 1, Kind = SubnetKind.Private)] public partial record AppB;
            [RouteTable<Net>, Associate<AppA>, Associate<AppB>] public partial record AppRoutes;
            [SecurityGroup<Net>("endpoints"), Ingress(Tcp, 443, "ADMITTED", Description = "AWS APIs"), Egress(Tcp, 443, "10.0.0.0/16", Description = "none needed")] public partial record EndpointAccess;
            [InterfaceEndpoint<Net>(EndpointServices.Ssm), EndpointSubnet<AppA>, EndpointSubnet<AppB>, Uses<EndpointAccess>] public partial record Ssm;
            [InterfaceEndpoint<Net>(EndpointServices.SsmMessages), EndpointSubnet<AppA>, EndpointSubnet<AppB>, Uses<EndpointAccess>] public partial record SsmMessages;
            [InterfaceEndpoint<Net>(EndpointServices.Ec2Messages), EndpointSubnet<AppA>, EndpointSubnet<AppB>, Uses<EndpointAccess>] public partial record Ec2Messages;
            MORE
        }

        """;

    private static string Network(string admitted = "10.0.0.0/16", string more = "") => NetworkStack.Replace("ADMITTED", admitted).Replace("MORE", more);

    private static string AppStack(string body) =>
        "[Stack(\"app\")]\npublic static partial class App\n{\n" + Ami
        + "[SecurityGroup<Network.Net>(\"app\"), Egress(Tcp, 443, \"0.0.0.0/0\", Description = \"AWS APIs\")] public partial record AppAccess;\n" + body + "}\n";

    private static Task VerifyProgram(string source, params Microsoft.CodeAnalysis.AdditionalText[] files) => Markup.VerifyAsync("namespace Shop;\n" + source, files);

    /// <summary>The network stack's endpoints admit AppA only; the app stack's instance in AppB uses them for Session Manager: one finding per endpoint, at the instance.</summary>
    [Fact]
    public Task TDSL243_ImportedEndpointsRefuseTheAppStacksSessionManagerInstance() => VerifyProgram(Network("10.0.1.0/24") + AppStack("""
        [Instance<Network.AppA>("10.0.1.10", ImageId = nameof(Ami), InstanceType = "t3.micro", SessionManager = true), Uses<AppAccess>] public partial record Inside;
        [Instance<Network.AppB>("10.0.2.10", ImageId = nameof(Ami), InstanceType = "t3.micro", SessionManager = {|TDSL243:{|TDSL243:{|TDSL243:true|}|}|}), Uses<AppAccess>] public partial record Outside;
        """));

    [Fact]
    public async Task TDSL243_ImportedEndpoint_TheMessageNamesItWithItsStack()
    {
        var diagnostics = await TestCompilation.DiagnosticsAsync(TestCompilation.Prelude + "namespace Shop;\n" + Network("10.0.1.0/24") + AppStack("""
            [Instance<Network.AppB>("10.0.2.10", ImageId = nameof(Ami), InstanceType = "t3.micro", SessionManager = true), Uses<AppAccess>] public partial record Outside;
            """));
        var messages = diagnostics.Where(d => d.Id == "TDSL243").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).Order(System.StringComparer.Ordinal).ToArray();
        Assert.Equal(
            [
                "Interface endpoint 'Network.Ec2Messages' (ec2messages) cannot be reached on TCP 443 by 'Outside', which uses it (Session Manager): "
                    + "security group 'Network.EndpointAccess' of endpoint 'Network.Ec2Messages' lets in no TCP 443 from 'Outside'",
                "Interface endpoint 'Network.Ssm' (ssm) cannot be reached on TCP 443 by 'Outside', which uses it (Session Manager): "
                    + "security group 'Network.EndpointAccess' of endpoint 'Network.Ssm' lets in no TCP 443 from 'Outside'",
                "Interface endpoint 'Network.SsmMessages' (ssmmessages) cannot be reached on TCP 443 by 'Outside', which uses it (Session Manager): "
                    + "security group 'Network.EndpointAccess' of endpoint 'Network.SsmMessages' lets in no TCP 443 from 'Outside'",
            ],
            messages);
    }

    /// <summary>A boot script's AWS CLI call through an imported endpoint: reported at the instance's UserData; the network stack, which cannot see the app stack, stays quiet.</summary>
    [Fact]
    public Task TDSL243_ImportedEndpointRefusesTheAppStacksBootScript() => VerifyProgram(Network(more: """
        [SecurityGroup<Net>("logs"), Ingress(Tcp, 443, "10.0.1.0/24", Description = "logs from AppA"), Egress(Tcp, 443, "10.0.0.0/16", Description = "none needed")] public partial record LogsAccess;
        [InterfaceEndpoint<Net>(EndpointServices.Logs), EndpointSubnet<AppA>, Uses<LogsAccess>] public partial record Logs;
        """) + AppStack("""
        [Instance<Network.AppB>("10.0.2.10", ImageId = nameof(Ami), InstanceType = "t3.micro", UserData = {|TDSL243:"boot.sh"|}), Uses<AppAccess>] public partial record Outside;
        [Instance<Network.AppA>("10.0.1.10", ImageId = nameof(Ami), InstanceType = "t3.micro", UserData = "boot.sh"), Uses<AppAccess>] public partial record Inside;
        """), Script("aws logs describe-log-groups\n"));

    [Fact]
    public Task TDSL243_NearMiss_ImportedEndpointsAdmitTheVpc() => VerifyProgram(Network("10.0.0.0/16") + AppStack("""
        [Instance<Network.AppB>("10.0.2.10", ImageId = nameof(Ami), InstanceType = "t3.micro", SessionManager = true), Uses<AppAccess>] public partial record Outside;
        """));

    [Fact]
    public Task TDSL243_NearMiss_AppStackDoesNotCallTheImportedEndpoints() => VerifyProgram(Network("10.0.1.0/24") + AppStack("""
        [Instance<Network.AppB>("10.0.2.10", ImageId = nameof(Ami), InstanceType = "t3.micro", UserData = "boot.sh"), Uses<AppAccess>] public partial record Outside;
        """), Script("aws s3 ls\n"));

    /// <summary>
    /// The other direction: the app stack adds an endpoint with private DNS to the network stack's VPC,
    /// which then answers for the network stack's instances too; its group admits only the app's group,
    /// so the network stack's instance, whose boot script calls the service, is refused. Reported at the
    /// app stack's endpoint, which the network stack cannot see.
    /// </summary>
    [Fact]
    public Task TDSL243_AppStacksEndpointRefusesTheNetworkStacksInstance() => VerifyProgram(Network(more: """
        [SecurityGroup<Net>("ops"), Egress(Tcp, 443, "0.0.0.0/0", Description = "AWS APIs")] public partial record OpsAccess;
        [Instance<AppA>("10.0.1.20", ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro", UserData = "boot.sh"), Uses<OpsAccess>] public partial record Ops;
        """) + AppStack("""
        [SecurityGroup<Network.Net>("logs"), IngressFrom<AppAccess>(Tcp, 443, Description = "logs from the app"), Egress(Tcp, 443, "10.0.0.0/16", Description = "none needed")] public partial record LogsAccess;
        [InterfaceEndpoint<Network.Net>(EndpointServices.Logs), EndpointSubnet<Network.AppA>, Uses<{|TDSL243:LogsAccess|}>] public partial record Logs;
        [Instance<Network.AppA>("10.0.1.10", ImageId = nameof(Ami), InstanceType = "t3.micro", UserData = "boot.sh"), Uses<AppAccess>] public partial record Server;
        """), Script("aws logs describe-log-groups\n"));

    [Fact]
    public Task TDSL243_NearMiss_AppStacksEndpointAdmitsTheNetworkStacksInstance() => VerifyProgram(Network(more: """
        [SecurityGroup<Net>("ops"), Egress(Tcp, 443, "0.0.0.0/0", Description = "AWS APIs")] public partial record OpsAccess;
        [Instance<AppA>("10.0.1.20", ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro", UserData = "boot.sh"), Uses<OpsAccess>] public partial record Ops;
        """) + AppStack("""
        [SecurityGroup<Network.Net>("logs"), IngressFrom<AppAccess>(Tcp, 443, Description = "logs from the app"), Ingress(Tcp, 443, "10.0.1.0/24", Description = "logs from AppA"), Egress(Tcp, 443, "10.0.0.0/16", Description = "none needed")] public partial record LogsAccess;
        [InterfaceEndpoint<Network.Net>(EndpointServices.Logs), EndpointSubnet<Network.AppA>, Uses<LogsAccess>] public partial record Logs;
        [Instance<Network.AppA>("10.0.1.10", ImageId = nameof(Ami), InstanceType = "t3.micro", UserData = "boot.sh"), Uses<AppAccess>] public partial record Server;
        """), Script("aws logs describe-log-groups\n"));

    /// <summary>TDSL244 counts the endpoints the network stack declares: with all three the app's isolated instance registers (no TDSL244); without ec2messages it cannot.</summary>
    [Fact]
    public Task TDSL244_ImportedEndpointsMissingOne() => VerifyProgram(Network().Replace(
            "[InterfaceEndpoint<Net>(EndpointServices.Ec2Messages), EndpointSubnet<AppA>, EndpointSubnet<AppB>, Uses<EndpointAccess>] public partial record Ec2Messages;", "")
        + AppStack("""
        [Instance<Network.AppB>("10.0.2.10", ImageId = nameof(Ami), InstanceType = "t3.micro", SessionManager = {|TDSL244:true|}), Uses<AppAccess>] public partial record Outside;
        """));

    [Fact]
    public async Task TDSL244_ImportedEndpointsMissingOne_TheMessageNamesIt()
    {
        var diagnostics = await TestCompilation.DiagnosticsAsync(TestCompilation.Prelude + "namespace Shop;\n" + Network().Replace(
                "[InterfaceEndpoint<Net>(EndpointServices.Ec2Messages), EndpointSubnet<AppA>, EndpointSubnet<AppB>, Uses<EndpointAccess>] public partial record Ec2Messages;", "")
            + AppStack("""
            [Instance<Network.AppB>("10.0.2.10", ImageId = nameof(Ami), InstanceType = "t3.micro", SessionManager = true), Uses<AppAccess>] public partial record Outside;
            """));
        var message = Assert.Single(diagnostics, d => d.Id == "TDSL244").GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("Instance 'Outside' uses Session Manager but can never register with Systems Manager: subnet 'Network.AppB' has no route toward the internet (IPv4), "
            + "and VPC 'Network.Net' has no interface endpoint for ec2messages", message);
    }

    [Fact]
    public Task TDSL415_SessionManagerWithSshOpen() => Markup.VerifyAllAsync(Tiers(", SessionManager = {|TDSL415:true|}")
        .Replace("[SecurityGroup<Net>(\"app\"), ", "[SecurityGroup<Net>(\"app\"), IngressFrom<EndpointAccess>(Tcp, 22, Description = \"ssh\"), "));

    [Fact]
    public Task TDSL415_NearMiss_OtherPortsOpen() => Markup.VerifyAllAsync(Tiers()
        .Replace("[SecurityGroup<Net>(\"app\"), ", "[SecurityGroup<Net>(\"app\"), IngressFrom<EndpointAccess>(Tcp, 8080, Description = \"app\"), "));

    [Fact]
    public Task TDSL233_IsolatedScript_EndpointsServeOnlyTheirServices() => Markup.VerifyAllAsync(
        Tiers(", UserData = {|TDSL233:\"boot.sh\"|}"),
        Script("dnf install -y nginx\naws s3 cp s3://example-bucket/a /tmp/a\naws secretsmanager get-secret-value --secret-id x\n"));

    [Fact]
    public Task TDSL233_DnfWithTheS3EndpointOnAnotherTable() => Markup.VerifyAllAsync(
        Stack(Isolated + "[Instance<DbA>(\"10.0.3.10\", ImageId = nameof(Ami), InstanceType = \"t3.micro\", UserData = {|TDSL233:\"boot.sh\"|}), Uses<AppAccess>] public partial record Db;\n"),
        Script("dnf install -y mariadb105-server\n"));

    [Fact]
    public Task TDSL233_NearMiss_CurlThroughNothingButEndpointsIsReported_NotDnf() => Markup.VerifyAllAsync(
        Tiers(", UserData = {|TDSL233:\"boot.sh\"|}"),
        Script("dnf install -y nginx\ncurl -fsSL -o /tmp/x https://example.com/x\n"));

    [Theory]
    [InlineData("dnf install -y httpd", "dnf", "s3")]
    [InlineData("aws s3 cp s3://b/k /tmp/k", "aws", "s3")]
    [InlineData("aws --region eu-west-1 --output text secretsmanager get-secret-value", "aws", "secretsmanager")]
    [InlineData("aws ecr get-login-password | docker login", "aws", "ecr.api")]
    [InlineData("X=$(aws logs describe-log-groups)", "aws", "logs")]
    [InlineData("curl -fsSL https://example.com/", "curl", null)]
    [InlineData("yum install -y httpd", "yum", null)]
    public void NetworkCommands_NameTheServiceAnEndpointCouldServe(string line, string command, string? service) =>
        Assert.Equal([(command, service)], ReachabilityRules.NetworkCommands(line).ToArray());
}
