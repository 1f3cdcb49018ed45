using System.Linq;
using Microsoft.CodeAnalysis;
using TopologyDsl.Generators.Tests.Infrastructure;

namespace TopologyDsl.Generators.Tests;

/// <summary>User data is wrapped in Fn::Sub only when it substitutes something (cfn-lint W1020 otherwise).</summary>
public sealed class UserDataEmitTests
{
    private const string Source = TestCompilation.Prelude + """
        namespace Shop;
        [Stack("shop")]
        public static partial class ShopStack
        {
            [Vpc("10.0.0.0/16", FlowLogs = true)] public partial record Net;
            [Subnet<Net>("10.0.1.0/24")] public partial record Private;
            [SecurityGroup<Net>("app"), Egress(Tcp, 443, "10.0.0.0/16", Description = "inside")] public partial record App;
            [Instance<Private>("10.0.1.10", ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro", UserData = "boot.sh"), Uses<App>] public partial record Server;
        }
        """;

    private static string Emit(string script)
    {
        var run = TestCompilation.RunGenerator(TestCompilation.Create(Source), [new InMemoryAdditionalText("/src/boot.sh", script)]);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
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
}
