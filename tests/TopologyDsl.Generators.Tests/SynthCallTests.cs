using System.Linq;
using System.Threading.Tasks;
using TopologyDsl.Generators.Tests.Infrastructure;

namespace TopologyDsl.Generators.Tests;

/// <summary>TDSL020: a call of SynthCommand.Run must pass every stack of the program its stacks import from.</summary>
public class SynthCallTests
{
    /// <summary>A network stack, an app stack importing its subnet, and a tools stack importing the app's group (so the network only through it).</summary>
    private const string Stacks = """
        namespace Shop;

        [Stack("shop-net")]
        public static partial class Network
        {
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Subnet<Net>("10.0.1.0/24")] public partial record Private;
        }

        [Stack("shop-app")]
        public static partial class App
        {
            [SecurityGroup<Network.Net>("app")] public partial record AppAccess;
        }

        [Stack("shop-tools")]
        public static partial class Tools
        {
            [SecurityGroup<Network.Net>("tools"), IngressFrom<App.AppAccess>(Tcp, 22)] public partial record ToolsAccess;
        }

        public static class Program
        {

        """;

    private static string Program(string body) => Stacks + body + "\n}\n";

    [Fact]
    public Task TDSL020_ImportedStackNotPassed() => Markup.VerifyAsync(Program(
        "public static int Main(string[] args) => TopologyDsl.Cli.SynthCommand.Run{|TDSL020:(args, App.BuildTemplate())|};"));

    /// <summary>
    /// The stacks a passed stack imports through another are reported too, once each, with the stack that imports them
    /// (here Edge imports only App's subnet, and App Network's VPC).
    /// </summary>
    [Fact]
    public async Task TDSL020_ThroughAnotherStack_ReportedOnceWithItsImporter()
    {
        var source = Program("""
            public static int Main(string[] args) => TopologyDsl.Cli.SynthCommand.Run(args, Edge.BuildTemplate());
            }

            [Stack("shop-edge")]
            public static partial class Edge
            {
                [NatGateway<App.Outside>] public partial record Nat;
            """).Replace("[SecurityGroup<Network.Net>(\"app\")] public partial record AppAccess;",
                "[SecurityGroup<Network.Net>(\"app\")] public partial record AppAccess;\n    [Subnet<Network.Net>(\"10.0.9.0/24\")] public partial record Outside;");
        var diagnostics = await TestCompilation.DiagnosticsAsync(TestCompilation.Prelude + source);
        Assert.Equal(
        [
            "Stack 'shop-app' imports from stack 'shop-net' (Network), which this call does not pass: synth writes no template for it, checks none, and leaves it out of the deploy order",
            "Stack 'shop-edge' imports from stack 'shop-app' (App), which this call does not pass: synth writes no template for it, checks none, and leaves it out of the deploy order",
        ], diagnostics.Where(d => d.Id == "TDSL020").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).Order(System.StringComparer.Ordinal));
    }

    /// <summary>Near misses: every stack passed (in any order, or as a collection expression), or the templates passed some way the check cannot read.</summary>
    [Theory]
    [InlineData("public static int Main(string[] args) => TopologyDsl.Cli.SynthCommand.Run(args, App.BuildTemplate(), Network.BuildTemplate());")]
    [InlineData("public static int Main(string[] args) => TopologyDsl.Cli.SynthCommand.Run(args, [Network.BuildTemplate(), Tools.BuildTemplate(), App.BuildTemplate()]);")]
    [InlineData("public static int Main(string[] args) => TopologyDsl.Cli.SynthCommand.Run(args, Network.BuildTemplate());")]
    [InlineData("public static int Main(string[] args) { var templates = new[] { App.BuildTemplate() }; return TopologyDsl.Cli.SynthCommand.Run(args, templates); }")]
    public Task TDSL020_EveryImportPassedOrUnreadable_NoDiagnostic(string main) => Markup.VerifyAsync(Program(main));
}
