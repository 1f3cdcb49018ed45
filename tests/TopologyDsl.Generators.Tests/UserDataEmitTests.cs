using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using TopologyDsl.Generators.Tests.Infrastructure;

namespace TopologyDsl.Generators.Tests;

/// <summary>
/// User data, outputs and tag values are wrapped in Fn::Sub only when they substitute something
/// (cfn-lint W1020 otherwise), and literal <c>${Name}</c> of the template is joined from two pieces (E1029).
/// Each case also runs the analyzer, which offers its template to the cfn-lint corpus.
/// </summary>
public sealed class UserDataEmitTests
{
    private const string Source = TestCompilation.Prelude + """
        namespace Shop;
        [Stack("shop")]
        /*outputs*/
        public static partial class ShopStack
        {
            [Vpc("10.0.0.0/16", FlowLogs = true)] public partial record Net;
            /*tags*/[Subnet<Net>("10.0.1.0/24")] public partial record Private;
            [SecurityGroup<Net>("app"), Egress(Tcp, 443, "10.0.0.0/16", Description = "inside")] public partial record App;
            [Instance<Private>("10.0.1.10", ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro", UserData = "boot.sh"), Uses<App>] public partial record Server;
        }
        """;

    private static string Emit(string script, string outputs = "", string tags = "")
    {
        var source = Source.Replace("/*outputs*/", outputs).Replace("/*tags*/", tags);
        var run = TestCompilation.RunGenerator(TestCompilation.Create(source), [new InMemoryAdditionalText("/src/boot.sh", script)]);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var diagnostics = TestCompilation.DiagnosticsAsync(source, [new InMemoryAdditionalText("/src/boot.sh", script)]).GetAwaiter().GetResult();
        Assert.Empty(diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.Id.StartsWith("TDSL4", System.StringComparison.Ordinal)));
        return run.Sources.Single().SourceText.ToString();
    }

    [Fact]
    public void ScriptWithoutSubstitutions_IsBase64OfThePlainText()
    {
        var text = Emit("#!/bin/bash\necho $HOME\n");
        Assert.Contains("userData: t.Base64(\"\"\"\n#!/bin/bash\necho $HOME\n", text);
        Assert.DoesNotContain("t.Sub(", text);
    }

    [Fact]
    public void ScriptWithASubstitution_IsBase64OfSub()
    {
        var text = Emit("#!/bin/bash\necho ${App.GroupId}\n");
        Assert.Contains("userData: t.Base64(t.Sub(\"\"\"\n#!/bin/bash\necho ${App.GroupId}\n", text);
    }

    [Fact]
    public void ScriptWithOnlyEscapes_IsBase64OfWhatFnSubWouldProduce()
    {
        var text = Emit("#!/bin/bash\necho \"${!HOME}\" ${!PATH:-/bin} $${!x}\n");
        Assert.Contains("userData: t.Base64(\"\"\"\n#!/bin/bash\necho \"${HOME}\" ${PATH:-/bin} $${x}\n\n\"\"\")", text);
        Assert.DoesNotContain("t.Sub(", text);
    }

    [Fact]
    public void ScriptWithAnEscapeAndAVariable_StaysSubWithTheEscapeKept()
    {
        var text = Emit("#!/bin/bash\necho \"${!HOME}\" '${App.GroupId}'\n");
        Assert.Contains("userData: t.Base64(t.Sub(\"\"\"\n#!/bin/bash\necho \"${!HOME}\" '${App.GroupId}'\n\n\"\"\"))", text);
    }

    [Fact]
    public void ScriptWithOnlyAnEscapedNameOfTheStack_IsBase64OfAJoinCutAtTheName()
    {
        var text = Emit("#!/bin/bash\n# ${!Server} is written as is\necho done\n");
        Assert.Contains("userData: t.Base64(t.Join(\"\"\"\n#!/bin/bash\n# $\n\"\"\", \"\"\"\n{Server} is written as is\necho done\n\n\"\"\"))", text);
    }

    [Fact]
    public async Task ScriptWithOnlyEscapes_DrawsNoDiagnostic_AndAnUnknownVariableStillDoes()
    {
        var source = Source.Replace("/*outputs*/", "").Replace("/*tags*/", "");
        var escaped = await TestCompilation.DiagnosticsAsync(source, [new InMemoryAdditionalText("/src/boot.sh", "echo ${!Nope} ${!Server.Nothing}\n")]);
        Assert.Empty(escaped.Where(d => !d.Id.StartsWith("TDSL4", System.StringComparison.Ordinal)));
        var unknown = await TestCompilation.DiagnosticsAsync(source, [new InMemoryAdditionalText("/src/boot.sh", "echo ${!Nope} ${Nope}\n")]);
        Assert.Equal(["TDSL203"], unknown.Where(d => !d.Id.StartsWith("TDSL4", System.StringComparison.Ordinal)).Select(d => d.Id));
    }

    [Fact]
    public void Outputs_SubOnlyWhereTheyNameAVariable()
    {
        var text = Emit("echo\n", """
            [Output("Plain", "no substitution", Description = "none")]
            [Output("Escaped", "${!x} and ${!y}", Export = "shop-escaped")]
            [Output("Mixed", "${!x} at ${Server.PrivateIp}")]
            [Output("Named", "${!Server} ${!AWS::Region}")]
            """);
        Assert.Contains("t.Output(\"Plain\", \"no substitution\", description: \"none\");", text);
        Assert.Contains("t.Output(\"Escaped\", \"${x} and ${y}\", export: \"shop-escaped\");", text);
        Assert.Contains("t.Output(\"Mixed\", t.Sub(\"${!x} at ${Server.PrivateIp}\"));", text);
        Assert.Contains("t.Output(\"Named\", t.Join(\"$\", \"{Server} $\", \"{AWS::Region}\"));", text);
    }

    [Fact]
    public void TagValueNamingAResource_IsAJoin()
    {
        var text = Emit("echo\n", tags: """[Tag("Note", "${Server}"), Tag("Team", "web")]""");
        Assert.Contains("t.Tags(\"Private\", [t.Tag(\"Name\", \"Private\"), t.Tag(\"Note\", t.Join(\"$\", \"{Server}\")), t.Tag(\"Team\", \"web\")]);", text);
    }
}
