using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using TopologyDsl.Generators.Tests.Infrastructure;

namespace TopologyDsl.Generators.Tests;

/// <summary>The generator's caching: what re-runs after each kind of edit, and that no model holds compiler objects.</summary>
public class IncrementalTests
{
    private const string Topology = """
        namespace Shop;
        [Stack("shop")]
        public static partial class Shop
        {
            // a comment
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Subnet<Net>("10.0.1.0/24")] public partial record Public;
            [InternetGateway<Net>] public partial record Igw;
            [RouteTable<Net>, Associate<Public>, Route<Igw>("0.0.0.0/0")] public partial record Routes;
            [Instance<Public>("10.0.1.10", PublicIp = true, ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro", UserData = "web.sh")] public partial record Web;
        }
        """;

    // ReadStack (the raw read of a stack class) is left out: it carries the declaration diagnostics,
    // and so their locations, to the generator's second output; ParseStack takes the spec from it.
    private static readonly string[] Steps = [TrackingNames.ParseStack, TrackingNames.ProjectFiles, TrackingNames.Program, TrackingNames.Link, TrackingNames.Assemble, TrackingNames.Render];

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun(params AdditionalText[] files)
    {
        var compilation = TestCompilation.Create(TestCompilation.Prelude + Topology);
        var driver = TestCompilation.CreateDriver(files.Length == 0 ? [new InMemoryAdditionalText("/p/web.sh", "echo hi\n"), new InMemoryAdditionalText("/p/other.txt", "x")] : files);
        return (driver.RunGenerators(compilation), compilation);
    }

    private static IncrementalStepRunReason[] Reasons(GeneratorDriver driver, string step) =>
        driver.GetRunResult().Results[0].TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    private static void AllCachedOrUnchanged(GeneratorDriver driver, params string[] steps)
    {
        foreach (var step in steps)
        {
            Assert.All(Reasons(driver, step), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {r}"));
        }
    }

    [Fact]
    public void SameCompilation_EveryStepCached()
    {
        var (driver, compilation) = FirstRun();
        driver = driver.RunGenerators(compilation);
        foreach (var step in Steps)
        {
            Assert.All(Reasons(driver, step), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        }
    }

    [Fact]
    public void UnrelatedFileAdded_OutputNotRebuilt()
    {
        var (driver, compilation) = FirstRun();
        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }", TestCompilation.ParseOptions)));
        AllCachedOrUnchanged(driver, Steps);
    }

    [Fact]
    public void CommentEdited_ParseRerunsButNothingDownstream()
    {
        var (driver, compilation) = FirstRun();
        var tree = compilation.SyntaxTrees.Single();
        var edited = tree.WithChangedText(tree.GetText().Replace(tree.GetText().ToString().IndexOf("a comment", StringComparison.Ordinal), 9, "another remark"));
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, edited));
        Assert.All(Reasons(driver, TrackingNames.ReadStack), r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));
        AllCachedOrUnchanged(driver, TrackingNames.ParseStack, TrackingNames.Assemble, TrackingNames.Render);
    }

    [Fact]
    public void CidrChanged_OutputRebuilt()
    {
        var (driver, compilation) = FirstRun();
        var tree = compilation.SyntaxTrees.Single();
        var text = tree.GetText().ToString();
        var edited = tree.WithChangedText(tree.GetText().Replace(text.IndexOf("10.0.0.0/16", StringComparison.Ordinal), 11, "10.0.0.0/17"));
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, edited));
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(driver, TrackingNames.ParseStack));
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(driver, TrackingNames.Render));
    }

    [Fact]
    public void CommittedTemplateAddedOrRewritten_NoStepAfterTheFilesReruns()
    {
        // The analyzer reads templates/<stack>.yaml (TDSL333); the generator leaves it out before
        // reading any text, so synth writing it (or the build adding it) re-runs nothing.
        var web = new InMemoryAdditionalText("/p/web.sh", "echo hi\n");
        var template = new InMemoryAdditionalText("/p/templates/shop.yaml", "Resources: {}\n");
        var (driver, compilation) = FirstRun(web);

        driver = driver.AddAdditionalTexts([template]).RunGenerators(compilation);
        AllCachedOrUnchanged(driver, TrackingNames.ProjectFiles, TrackingNames.Assemble, TrackingNames.Render);

        driver = driver.ReplaceAdditionalText(template, new InMemoryAdditionalText("/p/templates/shop.yaml", "Resources:\n  Net: {}\n")).RunGenerators(compilation);
        AllCachedOrUnchanged(driver, TrackingNames.ProjectFiles, TrackingNames.Assemble, TrackingNames.Render);

        driver = driver.RunGenerators(compilation);
        foreach (var step in Steps)
        {
            Assert.All(Reasons(driver, step), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        }
    }

    [Fact]
    public void UnusedAdditionalFileEdited_OutputNotRebuilt_UsedFileEdited_OutputRebuilt()
    {
        var web = new InMemoryAdditionalText("/p/web.sh", "echo hi\n");
        var other = new InMemoryAdditionalText("/p/other.txt", "x");
        var (driver, compilation) = FirstRun(web, other);

        driver = driver.ReplaceAdditionalText(other, new InMemoryAdditionalText("/p/other.txt", "y")).RunGenerators(compilation);
        AllCachedOrUnchanged(driver, TrackingNames.Assemble, TrackingNames.Render);

        driver = driver.ReplaceAdditionalText(web, new InMemoryAdditionalText("/p/web.sh", "echo changed\n")).RunGenerators(compilation);
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(driver, TrackingNames.Render));
    }

    /// <summary>Three stacks: the application imports from the network; monitoring stands alone.</summary>
    private const string Program = """
        namespace Shop;
        [Stack("network")]
        public static partial class Network
        {
            [Vpc("10.0.0.0/16")] public partial record Main;
            [Subnet<Main>("10.0.1.0/24")] public partial record Public;
        }
        [Stack("app")]
        public static partial class App
        {
            [Subnet<Network.Main>("10.0.8.0/24")] public partial record AppSubnet;
        }
        [Stack("monitoring")]
        public static partial class Monitoring
        {
            [Vpc("10.9.0.0/16")] public partial record Probe;
        }
        """;

    /// <summary>After the edit, the reason of each stack's validated input (Assemble) and of its rendered file (Render), by hint name.</summary>
    private static (Dictionary<string, IncrementalStepRunReason> Assembled, Dictionary<string, IncrementalStepRunReason> Rendered) Reasons(string edited, string baseline = Program)
    {
        var compilation = TestCompilation.Create(TestCompilation.Prelude + baseline);
        var driver = TestCompilation.CreateDriver().RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.Single();
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(TestCompilation.Prelude + edited))));
        var steps = driver.GetRunResult().Results[0].TrackedSteps;
        return (
            steps[TrackingNames.Assemble].SelectMany(s => s.Outputs).ToDictionary(o => ((Emit.RenderInput)o.Value).Stack.HintName, o => o.Reason),
            steps[TrackingNames.Render].SelectMany(s => s.Outputs).ToDictionary(o => ((Emit.GeneratedFile)o.Value).HintName, o => o.Reason));
    }

    private static void Cached(Dictionary<string, IncrementalStepRunReason> reasons, string hint) =>
        Assert.True(reasons[hint] is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, hint + ": " + reasons[hint]);

    private static void Modified(Dictionary<string, IncrementalStepRunReason> reasons, string hint) =>
        Assert.True(reasons[hint] == IncrementalStepRunReason.Modified, hint + ": " + reasons[hint]);

    [Fact]
    public void StandaloneStackEdited_OtherStacksNotRevalidatedNorRendered()
    {
        var (assembled, rendered) = Reasons(Program.Replace("10.9.0.0/16", "10.8.0.0/16"));
        Modified(rendered, "Shop.Monitoring.g.cs");
        Cached(assembled, "Shop.Network.g.cs");
        Cached(assembled, "Shop.App.g.cs");
        Cached(rendered, "Shop.Network.g.cs");
        Cached(rendered, "Shop.App.g.cs");
    }

    [Fact]
    public void ExportingStackEdited_ImportingStackRevalidated_OthersCached()
    {
        var (assembled, rendered) = Reasons(Program.Replace("10.0.1.0/24", "10.0.2.0/24"));
        Modified(rendered, "Shop.Network.g.cs");
        Modified(assembled, "Shop.App.g.cs");     // its subnet is checked against the network's again
        Cached(rendered, "Shop.App.g.cs");        // and its code, which imports the VPC by name, is the same
        Cached(assembled, "Shop.Monitoring.g.cs");
        Cached(rendered, "Shop.Monitoring.g.cs");
    }

    [Fact]
    public void StackTagAdded_OnlyThatStackRendered()
    {
        var (assembled, rendered) = Reasons(Program.Replace("[Stack(\"monitoring\")]", "[Stack(\"monitoring\"), Tag(\"CostCenter\", \"42\")]"));
        Modified(rendered, "Shop.Monitoring.g.cs");
        Cached(assembled, "Shop.Network.g.cs");
        Cached(rendered, "Shop.Network.g.cs");
        Cached(assembled, "Shop.App.g.cs");
        Cached(rendered, "Shop.App.g.cs");
    }

    [Fact]
    public void ExportingStackTagged_ImportingStacksCodeCached()
    {
        var (_, rendered) = Reasons(Program.Replace("[Vpc(\"10.0.0.0/16\")]", "[Vpc(\"10.0.0.0/16\"), Tag(\"Name\", \"core\")]"));
        Modified(rendered, "Shop.Network.g.cs");
        Cached(rendered, "Shop.App.g.cs");        // the tag is the network stack's: the application's template is the same
        Cached(rendered, "Shop.Monitoring.g.cs");
    }

    [Fact]
    public void ImportingStackEdited_SameImports_ExportingStackCached()
    {
        var (assembled, rendered) = Reasons(Program.Replace("10.0.8.0/24", "10.0.9.0/24"));
        Modified(rendered, "Shop.App.g.cs");
        Cached(assembled, "Shop.Network.g.cs");
        Cached(rendered, "Shop.Network.g.cs");
        Cached(assembled, "Shop.Monitoring.g.cs");
    }

    [Fact]
    public void ImportingStackImportsAnotherRecord_ExportingStackRendersTheNewExport()
    {
        var (_, rendered) = Reasons(Program.Replace("[Subnet<Network.Main>(\"10.0.8.0/24\")] public partial record AppSubnet;",
            "[Subnet<Network.Main>(\"10.0.8.0/24\")] public partial record AppSubnet;\n    [NatGateway<Network.Public>] public partial record Nat;"));
        Modified(rendered, "Shop.Network.g.cs");
        Modified(rendered, "Shop.App.g.cs");
        Cached(rendered, "Shop.Monitoring.g.cs");
    }

    /// <summary><see cref="Program"/> with a route table in the network stack and, in the application stack, a route record into it.</summary>
    private static readonly string RoutedProgram = Program
        .Replace("[Subnet<Main>(\"10.0.1.0/24\")] public partial record Public;",
            "[Subnet<Main>(\"10.0.1.0/24\")] public partial record Public;\n    [InternetGateway<Main>] public partial record Igw;\n    [RouteTable<Main>, Associate<Public>] public partial record PublicRoutes;")
        .Replace("public partial record AppSubnet;", "public partial record AppSubnet;\n    [Route<Network.PublicRoutes, Network.Igw>(\"0.0.0.0/0\")] public partial record PublicOut;");

    /// <summary>
    /// The table's stack sees the route records others declare in its tables (its reachability and overview count
    /// them), so editing one revalidates and renders it too: its overview lists the route.
    /// </summary>
    [Fact]
    public void RouteRecordEdited_TheDeclaringStackAndTheTablesStackRendered_OthersCached()
    {
        var (assembled, rendered) = Reasons(RoutedProgram.Replace("\"0.0.0.0/0\"", "\"0.0.0.0/1\""), RoutedProgram);
        Modified(rendered, "Shop.App.g.cs");
        Modified(assembled, "Shop.Network.g.cs");
        Modified(rendered, "Shop.Network.g.cs");
        Cached(assembled, "Shop.Monitoring.g.cs");
        Cached(rendered, "Shop.Monitoring.g.cs");
    }

    /// <summary>An edit to a stack that neither imports from the table's stack nor routes into its tables leaves both cached.</summary>
    [Fact]
    public void UnrelatedStackEdited_TheStackRoutedIntoAndTheRoutingStackCached()
    {
        var (assembled, rendered) = Reasons(RoutedProgram.Replace("10.9.0.0/16", "10.8.0.0/16"), RoutedProgram);
        Modified(rendered, "Shop.Monitoring.g.cs");
        Cached(assembled, "Shop.Network.g.cs");
        Cached(rendered, "Shop.Network.g.cs");
        Cached(assembled, "Shop.App.g.cs");
        Cached(rendered, "Shop.App.g.cs");
    }

    /// <summary>
    /// An edit to the routing stack away from its route record (a subnet's block) still revalidates the table's stack,
    /// whose reachability sees the routing stack's instances and routes; its output stays the same, so it is not rendered again.
    /// </summary>
    [Fact]
    public void RoutingStackEditedElsewhere_TheStackRoutedIntoRevalidated_ItsCodeCached()
    {
        var (assembled, rendered) = Reasons(RoutedProgram.Replace("10.0.8.0/24", "10.0.9.0/24"), RoutedProgram);
        Modified(rendered, "Shop.App.g.cs");
        Modified(assembled, "Shop.Network.g.cs");
        Cached(rendered, "Shop.Network.g.cs");
        Cached(assembled, "Shop.Monitoring.g.cs");
    }

    [Fact]
    public void RouteRecordAdded_TheTablesStackRendersTheTablesExport()
    {
        var (_, rendered) = Reasons(RoutedProgram, RoutedProgram.Replace("[Route<Network.PublicRoutes, Network.Igw>(\"0.0.0.0/0\")] public partial record PublicOut;", ""));
        Modified(rendered, "Shop.Network.g.cs");
        Modified(rendered, "Shop.App.g.cs");
        Cached(rendered, "Shop.Monitoring.g.cs");
    }

    [Fact]
    public void NoStepOutputHoldsCompilerObjects()
    {
        var (driver, _) = FirstRun();
        foreach (var step in Steps)
        {
            foreach (var output in driver.GetRunResult().Results[0].TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                AssertNoCompilerObjects(output.Value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static void AssertNoCompilerObjects(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(value is ISymbol or SyntaxNode or Compilation or Location or SemanticModel or SyntaxTree,
            $"{path} holds a {value.GetType().Name}, which would keep a compilation alive and defeat caching");

        if (value is IEnumerable sequence)
        {
            var i = 0;
            foreach (var item in sequence)
            {
                AssertNoCompilerObjects(item, $"{path}[{i++}]", seen);
            }
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoCompilerObjects(field.GetValue(value), path + "." + field.Name, seen);
        }
    }
}
