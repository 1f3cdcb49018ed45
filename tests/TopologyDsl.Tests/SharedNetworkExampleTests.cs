using System.IO;
using System.Linq;
using Examples.SharedNetwork;
using TopologyDsl.Cli;
using TopologyDsl.CloudFormation;
using TopologyDsl.Resources;
using TopologyDsl.Testing;

namespace TopologyDsl.Tests;

/// <summary>
/// The multi-stack example: a network stack that exports, an application stack that imports, a reporting stack
/// peered with the network's services VPC whose route back is a route record in the network stack's table, their deploy order.
/// </summary>
public class SharedNetworkExampleTests
{
    private static Template[] Program() => [NetworkStack.BuildTemplate(), AppStack.BuildTemplate(), ReportingStack.BuildTemplate()];

    [Fact]
    public void NetworkTemplate_MatchesSnapshot() => Snapshot.Verify(TemplateWriter.Write(NetworkStack.BuildTemplate()), "yaml");

    [Fact]
    public void AppTemplate_MatchesSnapshot() => Snapshot.Verify(TemplateWriter.Write(AppStack.BuildTemplate()), "yaml");

    [Fact]
    public void ReportingTemplate_MatchesSnapshot() => Snapshot.Verify(TemplateWriter.Write(ReportingStack.BuildTemplate()), "yaml");

    [Fact]
    public void CommittedTemplates_AreUpToDate()
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = SynthCommand.Run(["synth", "--check"], Program(), output, errors, Repo.PathOf("examples", "SharedNetwork", "templates"));
        Assert.True(exit == 0, "examples/SharedNetwork/templates is stale; run 'dotnet run --project examples/SharedNetwork -- synth' and commit it.\n" + errors);
    }

    /// <summary>
    /// README's pasted <c>synth --check</c> output (a stale app stack: its committed InstanceType default
    /// was t3.small) is what synth prints: standard output, then the summary on standard error.
    /// </summary>
    [Fact]
    public void Readme_CheckOfAStaleAppStack_IsWhatSynthPrints() =>
        AssertCheckIsQuoted("shared-app.yaml", committed =>
        {
            var at = committed.IndexOf("Default: t3.micro", System.StringComparison.Ordinal);
            Assert.True(at >= 0, "the app template's InstanceType default is no longer t3.micro");
            return committed.Substring(0, at) + "Default: t3.small" + committed.Substring(at + "Default: t3.micro".Length);
        }, "examples/SharedNetwork/templates/", "$ dotnet run --project examples/SharedNetwork -- synth --check\n",
            "README no longer quotes the SharedNetwork example's synth --check");

    /// <summary>
    /// README's pasted change report of an imported export (the committed network template gives AppA
    /// 10.0.12.0/24, the code 10.0.10.0/24: AppA is replaced, and the app stack imports its ID) is what
    /// <c>synth --check</c> prints, run in the example's folder.
    /// </summary>
    [Fact]
    public void Readme_CheckOfAReplacedImportedSubnet_IsWhatSynthPrints() =>
        AssertCheckIsQuoted("shared-network.yaml", committed =>
        {
            const string Block = "      CidrBlock: 10.0.10.0/24\n";
            Assert.True(committed.Split(Block).Length == 2, "the network template no longer gives one subnet (AppA) 10.0.10.0/24");
            return committed.Replace(Block, "      CidrBlock: 10.0.12.0/24\n");
        }, "templates/", "$ cd examples/SharedNetwork && dotnet run -- synth --check\n",
            "README no longer quotes the SharedNetwork example's synth --check in the example's folder");

    /// <summary>
    /// Runs <c>synth --check</c> against a copy of the committed templates with <paramref name="file"/> edited, and
    /// asserts that what it prints (the folder shown as <paramref name="shownAs"/>) is the README's quote after <paramref name="command"/>.
    /// </summary>
    private static void AssertCheckIsQuoted(string file, System.Func<string, string> edit, string shownAs, string command, string missing)
    {
        var folder = Path.Combine(Path.GetTempPath(), "topologydsl-" + System.Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var committed in Directory.GetFiles(Repo.PathOf("examples", "SharedNetwork", "templates")))
            {
                File.Copy(committed, Path.Combine(folder, Path.GetFileName(committed)));
            }

            var edited = Path.Combine(folder, file);
            File.WriteAllText(edited, edit(File.ReadAllText(edited)));

            var output = new StringWriter { NewLine = "\n" };
            var errors = new StringWriter { NewLine = "\n" };
            Assert.Equal(SynthCommand.Failed, SynthCommand.Run(["synth", "--check", "--out", folder], Program(), output, errors, folder));
            var shown = Path.GetRelativePath(System.Environment.CurrentDirectory, folder);
            var printed = (output.ToString() + errors.ToString()).Replace(shown + Path.DirectorySeparatorChar, shownAs);

            var readme = File.ReadAllText(Repo.PathOf("README.md")).ReplaceLineEndings("\n");
            var start = readme.IndexOf(command, System.StringComparison.Ordinal);
            Assert.True(start >= 0, missing);
            start += command.Length;
            Assert.Equal(readme.Substring(start, readme.IndexOf("```", start, System.StringComparison.Ordinal) - start), printed);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void NetworkStack_ExportsExactlyWhatTheOthersImport()
    {
        var exports = NetworkStack.BuildTemplate().Outputs.Where(o => o.Export is not null).Select(o => o.Export!).ToList();
        Assert.Equal(["shared-network-AppA", "shared-network-Core", "shared-network-Services", "shared-network-ServicesA", "shared-network-ServicesRoutes"], exports);
        Assert.Equal(exports.Order(), DeployOrder.Imports(AppStack.BuildTemplate()).Concat(DeployOrder.Imports(ReportingStack.BuildTemplate()))
            .Where(e => e.StartsWith("shared-network-", System.StringComparison.Ordinal)).Distinct().Order());
        Assert.Equal(["shared-app-CacheAccess", "shared-network-Services", "shared-network-ServicesRoutes"], DeployOrder.Imports(ReportingStack.BuildTemplate()).Order());
        Assert.Empty(DeployOrder.Imports(NetworkStack.BuildTemplate()));
    }

    /// <summary>The reporting stack's route record is a route into the network stack's imported table; the network stack holds no route to the reporting VPC.</summary>
    [Fact]
    public void RouteRecord_TheServicesVpcsRouteBack_IsTheReportingStacksRoute()
    {
        var route = ReportingStack.BuildTemplate().Resources.OfType<Route>().Single(r => r.LogicalId == "ServicesToReporting");
        Assert.Equal("10.2.0.0/16", route.DestinationCidrBlock?.ToString());
        Assert.DoesNotContain(NetworkStack.BuildTemplate().Resources.OfType<Route>(), r => r.DestinationCidrBlock?.ToString() == "10.2.0.0/16");
        Assert.Contains("| ReportingStack.ServicesToReporting | ServicesRoutes | 10.2.0.0/16 | ReportingStack.ReportingToServices |", NetworkStack.BuildTemplate().Overview!);
        Assert.Contains("| ReportingStack.ReportServer | CacheServer | TCP 6379 | peering 'ReportingStack.ReportingToServices' |", AppStack.BuildTemplate().Overview!);
    }

    [Fact]
    public void DeployOrder_NetworkFirst_WhicheverOrderTheyAreGiven()
    {
        Assert.Equal(["shared-network", "shared-app", "shared-reporting"], DeployOrder.Sort(Program()).Select(t => t.StackName));
        Assert.Equal(["shared-network", "shared-app", "shared-reporting"], DeployOrder.Sort(Program().Reverse().ToArray()).Select(t => t.StackName));
    }

    [Fact]
    public void Peering_RoutesBothWays_AndTheCacheTakesOnlyTheAppGroup()
    {
        var network = NetworkStack.BuildTemplate();
        Assert.Equal("AWS::EC2::VPCPeeringConnection", network.Resources.Single(r => r.LogicalId == "CoreToServices").Type);
        Assert.Equal(["AppRoutesToCoreToServices", "ServicesRoutesToCoreToServices"],
            network.Resources.OfType<Route>().Where(r => r.VpcPeeringConnectionId is not null).Select(r => r.LogicalId));
        var rule = AppStack.BuildTemplate().Resources.OfType<SecurityGroupIngress>().Single();
        Assert.Equal("CacheAccessFromAppAccessTcp6379", rule.LogicalId);
    }

    [Fact]
    public void SynthCheck_ChecksEveryStack_AndPrintsTheDeployOrder()
    {
        var output = new StringWriter();
        var exit = SynthCommand.Run(["synth", "--check"], Program().Reverse().ToArray(), output, new StringWriter(), Repo.PathOf("examples", "SharedNetwork", "templates"));
        Assert.Equal(0, exit);
        Assert.Contains("shared-network.yaml: up to date", output.ToString());
        Assert.Contains("shared-app.yaml: up to date", output.ToString());
        Assert.Contains("shared-reporting.yaml: up to date", output.ToString());
        Assert.EndsWith("deploy order: shared-network, shared-app, shared-reporting\n", output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Synth_TwoStacksWithOneName_WritesNothing_TDSL308()
    {
        var folder = Path.Combine(Path.GetTempPath(), "topologydsl-" + System.Guid.NewGuid().ToString("N"));
        var errors = new StringWriter();
        var exit = SynthCommand.Run(["synth"], [NetworkStack.BuildTemplate(), new Template("shared-network")], new StringWriter(), errors, folder);
        Assert.Equal(SynthCommand.Failed, exit);
        Assert.Contains("TDSL308", errors.ToString());
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void Templates_FitInlineDeployment() =>
        Assert.All(Program(), t => Assert.True(TemplateWriter.ByteCount(TemplateWriter.Write(t)) < Template.MaxInlineBytes));
}
