using System.Linq;
using Microsoft.CodeAnalysis;
using TopologyDsl.Generators.Tests.Infrastructure;
using TopologyDsl.Testing;

namespace TopologyDsl.Generators.Tests;

public class GeneratorTests
{
    private const string TwoTier = """
        namespace Shop.Network
        {
            [Stack("shop", Description = "Two tiers")]
            [Output("Url", "http://${Web.PublicIp}/", Description = "The site")]
            public static partial class ShopStack
            {
                [Parameter(Type = ParameterTypes.KeyPairName, Description = "SSH key")] public partial record Key;
                [Parameter(Type = ParameterTypes.ImageIdFromSsm, Default = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64")] public partial record Ami;
                [Parameter(Default = "203.0.113.7/32")] public partial record AdminCidr;
                [Vpc("10.0.0.0/16")] public partial record Net;
                [Subnet<Net>("10.0.1.0/24")] public partial record Public;
                [Subnet<Net>("10.0.2.0/24", Zone = 1)] public partial record Private;
                [InternetGateway<Net>] public partial record Igw;
                [NatGateway<Public>] public partial record Nat;
                [RouteTable<Net>, Associate<Public>, Route<Igw>("0.0.0.0/0")] public partial record PublicRoutes;
                [RouteTable<Net>, Associate<Private>, Route<Nat>("0.0.0.0/0")] public partial record PrivateRoutes;
                [SecurityGroup<Net>("web"), Ingress(Tcp, 80, "0.0.0.0/0", Description = "HTTP"), Ingress(Tcp, 22, nameof(AdminCidr))] public partial record WebGroup;
                [SecurityGroup<Net>("db"), IngressFrom<WebGroup>(Tcp, 3306, Description = "MariaDB"), IngressFrom<WebGroup>(Tcp, 22)] public partial record DbGroup;
                [Instance<Public>("10.0.1.10", PublicIp = true, ImageId = nameof(Ami), InstanceType = "t3.micro", KeyName = nameof(Key), UserData = "userdata/web.sh"), Uses<WebGroup>] public partial record Web;
                [Instance<Private>("10.0.2.10", ImageId = nameof(Ami), InstanceType = "t3.micro", KeyName = nameof(Key), RootVolumeSize = 20), Uses<DbGroup>, SshVia<Web>] public partial record Db;
            }
        }
        """;

    private static readonly AdditionalText WebScript = new InMemoryAdditionalText("/src/shop/userdata/web.sh",
        "#!/bin/bash\r\necho \"db at ${Db.PrivateIp}\" > /etc/motd\r\n");

    [Fact]
    public void Emit_TwoTier_MatchesSnapshots()
    {
        var run = TestCompilation.RunGenerator(TestCompilation.Create(TestCompilation.Prelude + TwoTier), [WebScript]);

        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var hints = run.Sources.Select(s => s.HintName).OrderBy(h => h, System.StringComparer.Ordinal).ToArray();
        Assert.Equal(["Shop.Network.ShopStack.g.cs"], hints);
        foreach (var source in run.Sources)
        {
            Snapshot.Verify(source.SourceText.ToString(), "cs", source.HintName);
        }

        // A snapshot without a generated file (a file the generator stopped writing) fails too.
        Assert.Equal(hints, Snapshot.Names("cs"));
    }

    /// <summary>Network ACLs and dual stack: the builder calls of the generated code, reviewed as a snapshot.</summary>
    [Fact]
    public void Emit_NetworkAclAndDualStack_MatchesSnapshots()
    {
        const string source = """
            namespace Shop.Filters
            {
                [Stack("filters")]
                public static partial class FilterStack
                {
                    [Vpc("10.0.0.0/16", Ipv6 = true)] public partial record Net;
                    [Subnet<Net>("10.0.1.0/24", Kind = SubnetKind.Public, Ipv6Index = 0, AssignIpv6AddressOnCreation = true)] public partial record Web;
                    [Subnet<Net>("10.0.2.0/24", Kind = SubnetKind.Private, Ipv6Index = 1)] public partial record Data;
                    [InternetGateway<Net>] public partial record Igw;
                    [EgressOnlyInternetGateway<Net>] public partial record Eigw;
                    [RouteTable<Net>, Associate<Web>, Route<Igw>("0.0.0.0/0"), Route<Igw>("::/0")] public partial record WebRoutes;
                    [RouteTable<Net>, Associate<Data>, Route<Eigw>("::/0")] public partial record DataRoutes;
                    [NetworkAcl<Net>, Associate<Data>]
                    [AclIngress(100, AclAction.Allow, Tcp, 5432, "10.0.1.0/24"), AclIngress(110, AclAction.Deny, Icmp, 8, "::/0", IcmpCode = 0), AclIngress(120, AclAction.Deny, All, 0, "203.0.113.0/24")]
                    [AclEgress(100, AclAction.Allow, Tcp, 1024, "10.0.1.0/24", ToPort = 65535)]
                    public partial record DataAcl;
                }
            }
            """;
        var run = TestCompilation.RunGenerator(TestCompilation.Create(TestCompilation.Prelude + source));

        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var generated = Assert.Single(run.Sources);
        Snapshot.Verify(generated.SourceText.ToString(), "cs", generated.HintName);
        Assert.Equal([generated.HintName], Snapshot.Names("cs"));
    }

    /// <summary>What keeps data: a data volume with its own policies, a secret that is deleted, an instance at an assigned address with an Elastic IP.</summary>
    [Fact]
    public void Emit_DataState_MatchesSnapshots()
    {
        var source = TestCompilation.Prelude + TwoTier
            .Replace("[Instance<Public>(\"10.0.1.10\", PublicIp = true,", "[Instance<Public>(ElasticIp = true,")
            .Replace("SshVia<Web>] public partial record Db;", "SshVia<Web>] public partial record Db;\n"
                + "[DataVolume<Db>(\"/dev/sdf\", 500, Type = VolumeType.St1), Policies(DeletionPolicy = RemovalPolicy.Retain, UpdateReplacePolicy = RemovalPolicy.Retain)] public partial record Archive;\n"
                + "[Secret, Policies(DeletionPolicy = RemovalPolicy.Delete, UpdateReplacePolicy = RemovalPolicy.Delete)] public partial record Scratch;\n");
        var run = TestCompilation.RunGenerator(TestCompilation.Create(source), [WebScript]);

        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var generated = Assert.Single(run.Sources);
        Snapshot.Verify(generated.SourceText.ToString(), "cs", generated.HintName);
        Assert.Equal([generated.HintName], Snapshot.Names("cs"));
    }

    private const string Endpoints = """
        namespace Shop.Private
        {
            [Stack("private")]
            public static partial class PrivateStack
            {
                [Parameter(Type = ParameterTypes.ImageIdFromSsm, Default = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64")] public partial record Ami;
                [Vpc("10.0.0.0/16", DnsHostnames = false)] public partial record Net;
                [Subnet<Net>("10.0.1.0/24")] public partial record AppA;
                [Subnet<Net>("10.0.2.0/24", Zone = 1)] public partial record AppB;
                [InternetGateway<Net>] public partial record Igw;
                [RouteTable<Net>, Associate<AppA>, Associate<AppB>, Route<Igw>("0.0.0.0/0")] public partial record AppRoutes;
                [SecurityGroup<Net>("app"), Egress(Tcp, 443, "0.0.0.0/0", Description = "HTTPS")] public partial record App;
                [SecurityGroup<Net>("endpoints"), IngressFrom<App>(Tcp, 443, Description = "HTTPS")] public partial record EndpointAccess;
                [GatewayEndpoint<Net>(EndpointServices.DynamoDb), EndpointRouteTable<AppRoutes>] public partial record Tables;
                [InterfaceEndpoint<Net>(EndpointServices.Kms, PrivateDns = false), EndpointSubnet<AppA>, EndpointSubnet<AppB>, Uses<EndpointAccess>] public partial record Keys;
                [Instance<AppA>("10.0.1.10", PublicIp = true, ImageId = nameof(Ami), InstanceType = "t3.micro", SessionManager = true), Uses<App>] public partial record Worker;
            }
        }
        """;

    /// <summary>Endpoints, a VPC without DNS host names, and an instance whose role exists for Session Manager alone.</summary>
    [Fact]
    public void Emit_EndpointsAndSessionManager_MatchesSnapshot()
    {
        var run = TestCompilation.RunGenerator(TestCompilation.Create(TestCompilation.Prelude + Endpoints), []);

        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var source = Assert.Single(run.Sources);
        Assert.DoesNotContain("throw new", source.SourceText.ToString());
        Snapshot.Verify(source.SourceText.ToString(), "cs", source.HintName);
    }

    [Fact]
    public void Emit_SameInputTwice_GivesIdenticalText()
    {
        var first = TestCompilation.RunGenerator(TestCompilation.Create(TestCompilation.Prelude + TwoTier), [WebScript]).Sources.Single().SourceText.ToString();
        var second = TestCompilation.RunGenerator(TestCompilation.Create(TestCompilation.Prelude + TwoTier), [WebScript]).Sources.Single().SourceText.ToString();
        Assert.Equal(first, second);
        Assert.DoesNotContain("\r", first);
    }

    [Fact]
    public void Emit_StackWithErrors_ThrowsFromBuildTemplateAndStillAddsInterfaces()
    {
        var source = TestCompilation.Prelude + TwoTier.Replace("[Subnet<Net>(\"10.0.2.0/24\"", "[Subnet<Net>(\"10.9.2.0/24\"");
        var run = TestCompilation.RunGenerator(TestCompilation.Create(source), [WebScript]);

        // Only the analyzer's TDSL106 remains: the interfaces keep the attributes' type constraints satisfied.
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var text = run.Sources.Single().SourceText.ToString();
        Assert.Contains("partial record Private : global::TopologyDsl.ISubnet { }", text);
        Assert.Contains("throw new global::TopologyDsl.Resources.TopologyException(\"TDSL106\"", text);
        Assert.DoesNotContain("new global::TopologyDsl.Resources.Subnet(", text);
    }

    [Fact]
    public void Emit_StackNotPartial_GeneratesNothing()
    {
        var run = TestCompilation.RunGenerator(TestCompilation.Create(TestCompilation.Prelude + "[Stack(\"s\")] public static class S { [Vpc(\"10.0.0.0/16\")] public partial record Net; }"));
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Emit_RecordsNamedLikeRuntimeTypes_StillCompile()
    {
        var run = TestCompilation.RunGenerator(TestCompilation.Create(TestCompilation.Prelude + """
            namespace Clash;
            [Stack("clash")]
            public static partial class Clash
            {
                [Parameter] public partial record Template;
                [Vpc("10.0.0.0/16")] public partial record Fn;
                [Subnet<Fn>("10.0.1.0/24")] public partial record Vpc;
                [InternetGateway<Fn>] public partial record Tag;
                [Parameter] public partial record TemplateBuilder;
                [Parameter] public partial record Ref;
                [Parameter] public partial record t;
                [SecurityGroup<Fn>("x"), Ingress(Protocol.Tcp, 22, nameof(Ref), Description = "ssh")] public partial record Rule;
                [Instance<Vpc>("10.0.1.10", ImageId = nameof(t), InstanceType = "t3.micro"), Uses<Rule>] public partial record Sub;
            }
            """));
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var text = run.Sources.Single().SourceText.ToString();
        Assert.Contains("t.Vpc(\"Fn\", cidr: \"10.0.0.0/16\");", text);
        Assert.Contains("t.Instance(\"Sub\", imageId: t.Ref(\"t\"), ", text);
    }

    [Fact]
    public void Emit_GlobalNamespaceAndNonStaticClass_Compiles()
    {
        var run = TestCompilation.RunGenerator(TestCompilation.Create(TestCompilation.Prelude + """
            [Stack("bare")]
            public partial class Bare
            {
                [Vpc("10.0.0.0/16")] public partial record class Net;
                [Subnet<Net>("10.0.1.0/24")] public partial class Sub { }
            }
            """));
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Equal("Bare.g.cs", run.Sources.Single().HintName);
    }
}
