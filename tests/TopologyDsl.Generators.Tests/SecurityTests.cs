using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using TopologyDsl.Generators.Tests.Infrastructure;

namespace TopologyDsl.Generators.Tests;

/// <summary>The security findings: one test per ID with its near miss, the book's literal configuration, and the three ways .NET silences a finding.</summary>
public class SecurityTests
{
    private const string Ami = TestCompilation.AmiParameter;

    /// <summary>A network with flow logs and no instance: quiet on its own.</summary>
    private static readonly string Network = TestCompilation.TwoTierNetwork.Replace("[Vpc(\"10.0.0.0/16\")]", "[Vpc(\"10.0.0.0/16\", FlowLogs = true)]");

    private const string Out = ", Egress(Tcp, 443, \"0.0.0.0/0\", Description = \"out\")";

    private static string Stack(string body) => "namespace Shop;\n[Stack(\"shop\")]\npublic static partial class Shop\n{\n" + Ami + Network + body + "}\n";

    private static string Group(string name, string rules) => $"[SecurityGroup<Net>(\"{name}\"){rules}{Out}] public partial record {name};\n";

    [Fact]
    public Task Quiet_WhenEverythingIsClosedAndDescribed() => Markup.VerifyAllAsync(Stack(
        Group("Web", ", Ingress(Tcp, 443, \"0.0.0.0/0\", Description = \"HTTPS\")")
        + "[Instance<Public>(\"10.0.1.10\", PublicIp = true, ImageId = nameof(Ami), InstanceType = \"t3.micro\"), Uses<Web>] public partial record Server;\n"));

    [Theory]
    [InlineData("Tcp, 22, {|TDSL401:\"0.0.0.0/0\"|}")]
    [InlineData("Tcp, 3389, {|TDSL401:\"::/0\"|}")]
    [InlineData("Tcp, 20, {|TDSL401:\"0.0.0.0/0\"|}, ToPort = 25")]
    [InlineData("Tcp, 22, {|TDSL401:nameof(OpenByDefault)|}")]
    public Task TDSL401_AdminPortOpenToWorld(string rule) => Markup.VerifyAllAsync(Stack(
        "[Parameter(Default = \"0.0.0.0/0\")] public partial record OpenByDefault;\n" + Group("G", $", Ingress({rule}, Description = \"x\")")));

    [Theory]
    [InlineData("Tcp, 22, \"203.0.113.7/32\"")]
    [InlineData("Tcp, 22, nameof(AdminCidr)")]
    [InlineData("Udp, 22, \"10.0.0.0/8\"")]
    [InlineData("Tcp, 443, \"0.0.0.0/0\"")]
    public Task TDSL401_NearMiss(string rule) => Markup.VerifyAllAsync(Stack(
        "[Parameter] public partial record AdminCidr;\n" + Group("G", $", Ingress({rule}, Description = \"x\")")));

    [Theory]
    [InlineData(3306)]
    [InlineData(5432)]
    [InlineData(1433)]
    [InlineData(1521)]
    [InlineData(6379)]
    [InlineData(11211)]
    [InlineData(27017)]
    [InlineData(9200)]
    public Task TDSL402_DatabasePortOpenToWorld(int port) => Markup.VerifyAllAsync(Stack(
        Group("G", $", Ingress(Tcp, {port}, {{|TDSL402:\"0.0.0.0/0\"|}}, Description = \"x\"), Ingress(Tcp, {port}, \"10.0.0.0/16\", Description = \"y\")")));

    [Fact]
    public Task TDSL403_AllPortsOpenToWorld() => Markup.VerifyAllAsync(Stack(Group("G",
        ", Ingress(All, 0, {|TDSL403:\"0.0.0.0/0\"|}, Description = \"a\"), Ingress(Udp, 0, {|TDSL403:\"::/0\"|}, ToPort = 65535, Description = \"b\"), Ingress(All, 0, \"10.0.0.0/8\", Description = \"c\"), Ingress(Icmp, -1, \"0.0.0.0/0\", Description = \"ping\")")));

    [Fact]
    public Task TDSL404_DatabaseTierExposed() => Markup.VerifyAllAsync(Stack(
        Group("Db", ", Ingress(Tcp, 5432, \"10.0.0.0/16\", Description = \"app\")")
        + "[Instance<Public>(\"10.0.1.10\", PublicIp = {|TDSL404:true|}, ImageId = nameof(Ami), InstanceType = \"t3.micro\"), Uses<Db>] public partial record A;\n"
        + "[Instance<{|TDSL404:Public|}>(\"10.0.1.11\", ImageId = nameof(Ami), InstanceType = \"t3.micro\"), Uses<Db>] public partial record B;\n"
        + "[Instance<Private>(\"10.0.2.10\", ImageId = nameof(Ami), InstanceType = \"t3.micro\"), Uses<Db>] public partial record C;\n"));

    [Fact]
    public Task TDSL405_ImdsV1Allowed() => Markup.VerifyAllAsync(Stack(Group("G", "")
        + "[Instance<Private>(\"10.0.2.10\", ImageId = nameof(Ami), InstanceType = \"t3.micro\", AllowImdsV1 = {|TDSL405:true|}), Uses<G>] public partial record A;\n"
        + "[Instance<Private>(\"10.0.2.11\", ImageId = nameof(Ami), InstanceType = \"t3.micro\", AllowImdsV1 = false), Uses<G>] public partial record B;\n"));

    [Fact]
    public Task TDSL406_RootVolumeUnencrypted() => Markup.VerifyAllAsync(Stack(Group("G", "")
        + "[Instance<Private>(\"10.0.2.10\", ImageId = nameof(Ami), InstanceType = \"t3.micro\", EncryptRootVolume = {|TDSL406:false|}), Uses<G>] public partial record A;\n"
        + "[Instance<Private>(\"10.0.2.11\", ImageId = nameof(Ami), InstanceType = \"t3.micro\", EncryptRootVolume = true), Uses<G>] public partial record B;\n"));

    [Fact]
    public Task TDSL407_RuleWithoutDescription() => Markup.VerifyAllAsync(Stack(
        "[SecurityGroup<Net>(\"g\"), {|TDSL407:Ingress(Tcp, 443, \"10.0.0.0/8\")|}, Ingress(Tcp, 80, \"10.0.0.0/8\", Description = \"x\"), {|TDSL407:EgressTo<G>(Tcp, 5432)|}] public partial record G;\n"));

    [Fact]
    public Task TDSL408_UnrestrictedEgress() => Markup.VerifyAllAsync(Stack(
        "[{|TDSL408:SecurityGroup<Net>(\"open\")|}] public partial record Open;\n"
        + "[SecurityGroup<Net>(\"all\"), Egress(All, 0, {|TDSL408:\"0.0.0.0/0\"|}, Description = \"everything\")] public partial record Everything;\n"
        + "[SecurityGroup<Net>(\"narrow\"), Egress(Tcp, 443, \"0.0.0.0/0\", Description = \"https\"), Egress(All, 0, \"10.0.0.0/16\", Description = \"vpc\")] public partial record Narrow;\n"));

    [Fact]
    public Task TDSL409_VpcWithoutFlowLogs() => Markup.VerifyAllAsync(Stack(
        "[{|TDSL409:Vpc(\"10.1.0.0/16\")|}] public partial record Quiet;\n[Vpc(\"10.2.0.0/16\", FlowLogs = true)] public partial record Logged;\n"));

    [Fact]
    public Task TDSL410_InstanceWithoutSecurityGroup() => Markup.VerifyAllAsync(Stack(Group("G", "")
        + "[{|TDSL410:Instance<Private>(\"10.0.2.10\", ImageId = nameof(Ami), InstanceType = \"t3.micro\")|}] public partial record A;\n"
        + "[Instance<Private>(\"10.0.2.11\", ImageId = nameof(Ami), InstanceType = \"t3.micro\"), Uses<G>] public partial record B;\n"));

    [Fact]
    public Task TDSL411_NoEchoParameterInUserData() => Markup.VerifyAllAsync(Stack(Group("G", "")
        + "[Parameter(NoEcho = true)] public partial record Password;\n[Parameter] public partial record Name;\n"
        + "[Instance<Private>(\"10.0.2.10\", ImageId = nameof(Ami), InstanceType = \"t3.micro\", UserData = {|TDSL411:\"leak.sh\"|}), Uses<G>] public partial record A;\n"
        + "[Instance<Private>(\"10.0.2.11\", ImageId = nameof(Ami), InstanceType = \"t3.micro\", UserData = \"fine.sh\"), Uses<G>] public partial record B;\n"),
        new InMemoryAdditionalText("/p/leak.sh", "echo ${Password}\n"), new InMemoryAdditionalText("/p/fine.sh", "echo ${Name}\n"));

    /// <summary>
    /// The book's topology as the console steps build it: SSH and MariaDB open to the world, no
    /// outbound restrictions, no flow logs, IMDSv1 and unencrypted volumes (the console's defaults
    /// then), rules without descriptions. Exactly these findings, each on its argument.
    /// </summary>
    [Fact]
    public Task BooksLiteralConfiguration_RaisesExactlyTheExpectedFindings() => Markup.VerifyAllAsync(BookSource);

    private const string BookSource = """
        namespace Book;
        [Stack("book")]
        public static partial class Book
        {
            [Parameter(Type = ParameterTypes.ImageIdFromSsm, Default = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64")] public partial record Ami;
            [{|TDSL409:Vpc("10.0.0.0/16")|}] public partial record Vpc;
            [Subnet<Vpc>("10.0.1.0/24")] public partial record PublicSubnet;
            [Subnet<Vpc>("10.0.2.0/24")] public partial record PrivateSubnet;
            [InternetGateway<Vpc>] public partial record Igw;
            [NatGateway<PublicSubnet>] public partial record Nat;
            [RouteTable<Vpc>, Associate<PublicSubnet>, Route<Igw>("0.0.0.0/0")] public partial record PublicRoutes;
            [RouteTable<Vpc>, Associate<PrivateSubnet>, Route<Nat>("0.0.0.0/0")] public partial record PrivateRoutes;
            [{|TDSL408:SecurityGroup<Vpc>("WEB-SG")|}, {|TDSL407:Ingress(Tcp, 22, {|TDSL401:"0.0.0.0/0"|})|}, {|TDSL407:Ingress(Tcp, 80, "0.0.0.0/0")|}]
            public partial record WebSg;
            [{|TDSL408:SecurityGroup<Vpc>("DB-SG")|}, {|TDSL407:Ingress(Tcp, 22, {|TDSL401:"0.0.0.0/0"|})|}, {|TDSL407:Ingress(Tcp, 3306, {|TDSL402:"0.0.0.0/0"|})|}, {|TDSL407:Ingress(Icmp, -1, "0.0.0.0/0")|}]
            public partial record DbSg;
            [Instance<PublicSubnet>("10.0.1.10", PublicIp = true, ImageId = nameof(Ami), InstanceType = "t2.micro", AllowImdsV1 = {|TDSL405:true|}, EncryptRootVolume = {|TDSL406:false|}), Uses<WebSg>]
            public partial record WebServer;
            [Instance<PrivateSubnet>("10.0.2.10", ImageId = nameof(Ami), InstanceType = "t2.micro", AllowImdsV1 = {|TDSL405:true|}, EncryptRootVolume = {|TDSL406:false|}), Uses<DbSg>]
            public partial record DbServer;
        }
        """;

    /// <summary>The same configuration's findings as a user reads them, reviewed as a snapshot.</summary>
    [Fact]
    public async Task BooksLiteralConfiguration_Listing()
    {
        var (source, _) = Markup.Parse(TestCompilation.Prelude + BookSource);
        var diagnostics = await TestCompilation.DiagnosticsAsync(source);
        TopologyDsl.Testing.Snapshot.Verify(DiagnosticListing.Render(source, diagnostics), "txt");
    }

    private const string OpenSsh = """
        namespace Shop;
        [Stack("shop")]
        public static partial class Shop
        {
            [Vpc("10.0.0.0/16", FlowLogs = true)] public partial record Net;
        SUPPRESS
            [SecurityGroup<Net>("web"), Ingress(Tcp, 22, "0.0.0.0/0", Description = "SSH"), Egress(Tcp, 443, "0.0.0.0/0", Description = "out")]
            public partial record Web;
        RESTORE
        }
        """;

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source, string? editorConfig = null)
    {
        var compilation = TestCompilation.Create(TestCompilation.Prelude + source);
        var run = TestCompilation.RunGenerator(compilation);
        var output = run.Output;
        if (editorConfig is not null)
        {
            var config = AnalyzerConfig.Parse(editorConfig, "/src/.editorconfig");
            var set = AnalyzerConfigSet.Create(ImmutableArray.Create(config));
            var provider = new EditorConfigOptions(set);
            output = output.WithOptions(output.Options.WithSyntaxTreeOptionsProvider(provider));
        }

        return await output.WithAnalyzers([new TopologyAnalyzer()]).GetAnalyzerDiagnosticsAsync();
    }

    [Fact]
    public async Task Unsuppressed_TheFindingIsThere() =>
        Assert.Contains(await AnalyzeAsync(OpenSsh.Replace("SUPPRESS", "").Replace("RESTORE", "")), d => d.Id == "TDSL401");

    [Fact]
    public async Task PragmaWarningDisable_SilencesTheFinding() =>
        Assert.DoesNotContain(await AnalyzeAsync(OpenSsh.Replace("SUPPRESS", "#pragma warning disable TDSL401 // SSH from anywhere on purpose").Replace("RESTORE", "#pragma warning restore TDSL401")),
            d => d.Id == "TDSL401");

    [Fact]
    public async Task SuppressMessageAttribute_SilencesTheFinding() =>
        Assert.DoesNotContain(await AnalyzeAsync(OpenSsh.Replace("SUPPRESS",
            "[System.Diagnostics.CodeAnalysis.SuppressMessage(\"TopologyDsl.Security\", \"TDSL401\", Justification = \"A honeypot\")]").Replace("RESTORE", "")),
            d => d.Id == "TDSL401");

    [Fact]
    public async Task EditorConfigSeverity_SilencesTheFinding() =>
        Assert.DoesNotContain(await AnalyzeAsync(OpenSsh.Replace("SUPPRESS", "").Replace("RESTORE", ""), "root = true\n[*.cs]\ndotnet_diagnostic.TDSL401.severity = none\n"),
            d => d.Id == "TDSL401" && d.Severity != DiagnosticSeverity.Hidden);

    [Fact]
    public async Task EditorConfigSeverity_CanRaiseAWarningToAnError()
    {
        var diagnostics = await AnalyzeAsync(OpenSsh.Replace("SUPPRESS", "").Replace("RESTORE", ""), "root = true\n[*.cs]\ndotnet_diagnostic.TDSL401.severity = error\n");
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(diagnostics, d => d.Id == "TDSL401").Severity);
    }

    /// <summary>Hands the compiler the per-file severities an .editorconfig sets, as the build does.</summary>
    private sealed class EditorConfigOptions(AnalyzerConfigSet set) : SyntaxTreeOptionsProvider
    {
        private ImmutableDictionary<string, ReportDiagnostic> For(SyntaxTree tree) => set.GetOptionsForSourcePath("/src/" + tree.FilePath).TreeOptions;

        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            For(tree).TryGetValue(diagnosticId, out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = default;
            return false;
        }
    }

    // ---- TDSL425: a group that nothing uses (a program-wide rule, reported at compilation end) ----

    /// <summary>
    /// The control of the near misses: a group nothing uses, reported. TDSL425 counts only in tests that
    /// mark it (Markup), so each near miss marks this one and shows that its own group is not reported.
    /// </summary>
    private const string Spare = "[SecurityGroup<Net>(\"spare\")" + Out + "] public partial record {|TDSL425:Spare|};\n";

    private const string Server = "[Instance<Private>(\"10.0.2.10\", ImageId = nameof(Ami), InstanceType = \"t3.micro\"), Uses<App>] public partial record Server;\n";

    [Fact]
    public Task TDSL425_GroupNothingUses_AtTheRecordName() => Markup.VerifyAllAsync(Stack(
        Group("App", ", Ingress(Tcp, 8080, \"10.0.0.0/16\", Description = \"HTTP\")") + Server
        + "[SecurityGroup<Net>(\"old\"), Ingress(Tcp, 80, \"10.0.0.0/16\", Description = \"HTTP\")" + Out + "] public partial record {|TDSL425:OldApp|};\n"
        // A group whose only reference is its own rule is still empty.
        + "[SecurityGroup<Net>(\"peers\"), IngressFrom<Peers>(Tcp, 7000, Description = \"gossip\")" + Out + "] public partial record {|TDSL425:Peers|};\n"));

    [Fact]
    public Task TDSL425_Near_UsedByAnInstance() => Markup.VerifyAllAsync(Stack(
        Group("App", ", Ingress(Tcp, 8080, \"10.0.0.0/16\", Description = \"HTTP\")") + Server + Spare));

    [Fact]
    public Task TDSL425_Near_UsedByAnInterfaceEndpoint() => Markup.VerifyAllAsync(Stack(
        Group("App", ", Ingress(Tcp, 8080, \"10.0.0.0/16\", Description = \"HTTP\")") + Server
        + Group("Endpoints", ", IngressFrom<App>(Tcp, 443, Description = \"AWS APIs\")")
        + "[InterfaceEndpoint<Net>(EndpointServices.Ssm), EndpointSubnet<Private>, Uses<Endpoints>] public partial record Ssm;\n" + Spare));

    [Fact]
    public Task TDSL425_Near_NamedByARuleOfAnotherGroup_AsSourceOrDestination() => Markup.VerifyAllAsync(Stack(
        Group("App", ", Ingress(Tcp, 8080, \"10.0.0.0/16\", Description = \"HTTP\"), IngressFrom<Admins>(Tcp, 22, Description = \"SSH\"), EgressTo<Cache>(Tcp, 6379, Description = \"Redis\")") + Server
        + Group("Admins", "")
        + Group("Cache", ", Ingress(Tcp, 6379, \"10.0.2.0/24\", Description = \"Redis\")") + Spare));

    [Fact]
    public Task TDSL425_Near_NamedByAnOutput() => Markup.VerifyAllAsync(
        Stack(Group("Shared", ", Ingress(Tcp, 443, \"10.0.0.0/16\", Description = \"HTTPS\")") + Spare)
            .Replace("[Stack(\"shop\")]", "[Stack(\"shop\"), Output(\"SharedGroupId\", \"${Shared}\", Export = \"shop-shared-group\")]"));

    /// <summary>A group whose ID only a boot script of its stack uses, as <c>${G}</c> or <c>${G.GroupId}</c>, is used.</summary>
    [Fact]
    public Task TDSL425_Near_NamedByABootScript() => Markup.VerifyAllAsync(Stack(
        Group("App", ", Ingress(Tcp, 8080, \"10.0.0.0/16\", Description = \"HTTP\")")
        + Group("Web", ", Ingress(Tcp, 443, \"10.0.0.0/16\", Description = \"HTTPS\")") + Group("Tools", "")
        + Server.Replace("InstanceType = \"t3.micro\")", "InstanceType = \"t3.micro\", UserData = \"boot.sh\")") + Spare),
        new InMemoryAdditionalText("/p/boot.sh", "#!/bin/sh\necho ${Web} ${Tools.GroupId}\n"));

    /// <summary>
    /// The literal form <c>${!G}</c> and the bare name are not substitutions: the group stays unused. (The
    /// pseudo parameter gives the Fn::Sub a variable; with literal forms only it would be a Sub without
    /// variables, which cfn-lint reports as W1020, and the corpus test lints this topology.)
    /// </summary>
    [Fact]
    public Task TDSL425_BootScriptWithOnlyTheLiteralFormOrTheBareName_Reported() => Markup.VerifyAllAsync(Stack(
        Group("App", ", Ingress(Tcp, 8080, \"10.0.0.0/16\", Description = \"HTTP\")")
        + Server.Replace("InstanceType = \"t3.micro\")", "InstanceType = \"t3.micro\", UserData = \"boot.sh\")")
        + "[SecurityGroup<Net>(\"old\")" + Out + "] public partial record {|TDSL425:OldApp|};\n"),
        new InMemoryAdditionalText("/p/boot.sh", "#!/bin/sh\necho ${!OldApp} OldApp ${AWS::Region}\n"));

    /// <summary>A network stack (clean of advice) whose groups only the application stack uses, and one that no stack uses.</summary>
    [Fact]
    public Task TDSL425_UsedFromAnotherStack_NotReported_UnusedEverywhere_Reported() => Markup.VerifyAllAsync("""
        namespace Shop;
        [Stack("network")]
        public static partial class NetworkStack
        {
        """ + Network + Group("Web", ", Ingress(Tcp, 443, \"0.0.0.0/0\", Description = \"HTTPS\")") + Group("Admins", "")
        + Spare + """
        }

        [Stack("app")]
        public static partial class AppStack
        {
        """ + Ami + """
            [SecurityGroup<NetworkStack.Net>("app"), IngressFrom<NetworkStack.Admins>(Tcp, 22, Description = "SSH"), Egress(Tcp, 443, "0.0.0.0/0", Description = "out")] public partial record App;
            [Instance<NetworkStack.Public>("10.0.1.10", PublicIp = true, ImageId = nameof(Ami), InstanceType = "t3.micro"), Uses<NetworkStack.Web>, Uses<App>] public partial record Server;
        }

        """);
}
