using System;
using System.IO;
using TopologyDsl.CloudFormation;
using TopologyDsl.Testing;
using TopologyDsl.Tests.Infrastructure;

namespace TopologyDsl.Tests;

/// <summary>
/// The topologies the template tests build beyond the examples (which <see cref="CfnLintTests"/>
/// lints as committed): every shape the generator emits, and every connection between VPCs, clean
/// under cfn-lint's default rules.
/// </summary>
public sealed class TestStackLintTests
{
    [SkippableTheory]
    [InlineData("kitchen-sink")]
    [InlineData("connections")]
    [InlineData("tagged")]
    [InlineData("filters")]
    [InlineData("peered-hub")]
    [InlineData("peered-spoke")]
    [InlineData("transit-hub")]
    [InlineData("transit-spoke-a")]
    [InlineData("transit-spoke-b")]
    [InlineData("literals")]
    [InlineData("signals")]
    public void Template_IsCfnLintClean(string stack)
    {
        var cfnLint = Tool.Find("cfn-lint");
        Skip.If(cfnLint is null, "cfn-lint is not on PATH (pip install cfn-lint)");
        var file = Path.Combine(Path.GetTempPath(), "topologydsl-lint-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(file, TemplateWriter.Write(TemplateContractTests.Build(stack)));
        try
        {
            var run = Tool.Run(cfnLint, ["--", file]);
            Assert.True(run.Exit == 0 && run.Out.Trim().Length == 0, $"cfn-lint {stack}: {run}");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
