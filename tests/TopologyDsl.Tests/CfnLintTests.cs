using System;
using System.IO;
using System.Linq;
using TopologyDsl.CloudFormation;
using TopologyDsl.Resources;
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

    private static string WithUserData(Value userData)
    {
        var template = new Template("boot");
        template.Add(new Vpc("Net") { CidrBlock = "10.0.0.0/16" });
        template.Add(new Subnet("Sub") { VpcId = Fn.Ref("Net"), CidrBlock = "10.0.1.0/24" });
        template.Add(new Instance("Box") { ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro", SubnetId = Fn.Ref("Sub"), UserData = userData });
        return TemplateWriter.Write(template);
    }

    private static ToolRun Lint(string yaml)
    {
        var cfnLint = Tool.Find("cfn-lint");
        Skip.If(cfnLint is null, "cfn-lint is not on PATH (pip install cfn-lint)");
        var file = Path.Combine(Path.GetTempPath(), "topologydsl-lint-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(file, yaml);
        try
        {
            return Tool.Run(cfnLint, ["--", file]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [SkippableFact]
    public void UserDataWithoutSubstitutions_IsPlainBase64_AndLintsClean()
    {
        // What the generator emits for a script without ${...}.
        var yaml = WithUserData(Fn.Base64(new StringValue("#!/bin/bash\necho $HOME\n")));
        Assert.Contains("      UserData: !Base64 |\n        #!/bin/bash\n        echo $HOME\n", yaml);
        var run = Lint(yaml);
        Assert.True(run.Exit == 0 && run.Out.Trim().Length == 0, run.ToString());
    }

    [SkippableFact]
    public void SubWithoutSubstitutions_IsWhatCfnLintReportsAsW1020()
    {
        var run = Lint(WithUserData(Fn.Base64(Fn.Sub("#!/bin/bash\necho $HOME\n"))));
        Assert.Contains("W1020", run.Out);
    }
}
