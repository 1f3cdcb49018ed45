using System;
using System.Diagnostics;
using System.IO;
using TopologyDsl.CloudFormation;

namespace TopologyDsl.Tests;

/// <summary>A theory that runs only where cfn-lint is on the PATH (pip install cfn-lint), and says so when skipped.</summary>
public sealed class CfnLintTheoryAttribute : TheoryAttribute
{
    public CfnLintTheoryAttribute()
    {
        if (!CfnLintTests.Available.Value)
        {
            Skip = "cfn-lint is not installed (pip install cfn-lint)";
        }
    }
}

/// <summary>Every template the tests build, as cfn-lint (AWS's linter for templates) reads it: no error, warning or informational finding.</summary>
public class CfnLintTests
{
    public static readonly Lazy<bool> Available = new(() => Run("--version", out _) == 0);

    private static int Run(string arguments, out string output)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("cfn-lint", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            output = "";
            return -1;
        }
    }

    [CfnLintTheory]
    [MemberData(nameof(TemplateContractTests.Stacks), MemberType = typeof(TemplateContractTests))]
    public void Template_IsCfnLintClean(string stack)
    {
        var file = Path.Combine(Path.GetTempPath(), "topologydsl-" + Guid.NewGuid().ToString("N") + ".yaml");
        try
        {
            File.WriteAllText(file, TemplateWriter.Write(TemplateContractTests.Build(stack)));
            var exit = Run("--info \"" + file + "\"", out var output);
            Assert.True(exit == 0, $"cfn-lint found problems in {stack}:\n{output}");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
