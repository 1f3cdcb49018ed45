using System.Linq;
using TopologyDsl.Testing;
using TopologyDsl.Tests.Infrastructure;

namespace TopologyDsl.Tests;

/// <summary>Every example's committed template is clean under cfn-lint's default rules (errors and warnings).</summary>
public sealed class CfnLintTests
{
    public static TheoryData<string> Templates => new(Tool.ExampleTemplates());

    [Fact]
    public void EveryExampleCommitsATemplate() =>
        Assert.Contains("examples/WordPress/templates/wordpress.yaml", Tool.ExampleTemplates());

    [SkippableTheory]
    [MemberData(nameof(Templates))]
    public void ExampleTemplate_IsCfnLintClean(string template)
    {
        var cfnLint = Tool.Find("cfn-lint");
        Skip.If(cfnLint is null, "cfn-lint is not on PATH (pip install cfn-lint)");
        var run = Tool.Run(cfnLint, ["--", template], Repo.Root);
        Assert.True(run.Exit == 0 && run.Out.Trim().Length == 0, $"cfn-lint {template}: {run}");
    }
}
