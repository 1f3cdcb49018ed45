using System.Linq;
using TopologyDsl.Generators.Tests.Infrastructure;
using Xunit;

namespace TopologyDsl.Generators.Tests;

/// <summary>
/// The generator reads records' attributes from syntax and binds only the records it cannot read
/// (<see cref="Parsing.SyntaxAttributes"/>). Every generator test compares both readings
/// (<see cref="ParserEquivalence"/>); these tests pin down which forms take which way.
/// </summary>
public class SyntaxAttributeTests
{
    private static (int FromSyntax, int Bound) Read(string records, string usings = TestCompilation.Prelude, string extra = "")
    {
        var source = usings + "namespace Shop;\n" + extra + "[Stack(\"shop\")]\npublic static partial class ShopStack\n{\n" + records + "}\n";
        var readers = ParserEquivalence.Check(TestCompilation.Create(source));
        var reader = Assert.Single(readers);
        return (reader.FromSyntax, reader.BoundRecords);
    }

    [Fact]
    public void TheTwoTierNetworkWithInstancesAndGroups_IsReadWholeFromSyntax()
    {
        var records = TestCompilation.TwoTierNetwork + TestCompilation.AmiParameter + """
            [SecurityGroup<Net>("web"), Ingress(Tcp, 443, "0.0.0.0/0", Description = "HTTPS"), Egress(Protocol.All, 0, "0.0.0.0/0")] public partial record WebGroup;
            [SecurityGroup<Net>("db"), IngressFrom<WebGroup>(Tcp, 3306)] public partial record DbGroup;
            [Instance<Public>("10.0.1.10", ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro", PublicIp = true), Uses<WebGroup>, Tag("Role", "web")] public partial record Web;
            [Instance<Private>(ImageId = nameof(Ami)), Uses<DbGroup>, SshVia<Web>(User = "ec2-user")] public partial record Db;
            [Secret(Length = 40)] public partial record DbPassword;

            """;

        var (fromSyntax, bound) = Read(records);

        Assert.Equal((13, 0), (fromSyntax, bound));
    }

    [Theory]
    [InlineData("[TopologyDsl.Vpc(\"10.0.0.0/16\")] public partial record Net;")]
    [InlineData("[global::TopologyDsl.VpcAttribute(\"10.0.0.0/16\")] public partial record Net;")]
    [InlineData("[type: Vpc(cidrBlock: \"10.0.0.0/16\")] public partial record Net;")]
    [InlineData("[Vpc(@\"10.0.0.0/16\", SecondaryCidrBlocks = [\"10.1.0.0/16\", \"\"\"10.2.0.0/16\"\"\"])] public partial record Net;")]
    [InlineData("[Vpc(\"10.0.0.0/16\", SecondaryCidrBlocks = new[] { \"10.1.0.0/16\" }, FlowLogs = true, FlowLogRetentionDays = (7))] public partial record Net;")]
    [InlineData("[Vpc(\"10.0.0.0/16\", SecondaryCidrBlocks = new string[] { })] public partial record Net;")]
    [InlineData("[Vpc(\"10.0.0.0/16\", SecondaryCidrBlocks = null)] public partial record Net;")]
    [InlineData("[Vpc(\"10.0.0.0/16\")] public partial record Net; [Subnet<Net>(\"10.0.1.0/24\", Kind = SubnetKind.Private, Ipv6Index = -1)] public partial record A;")]
    [InlineData("[Vpc(\"10.0.0.0/16\")] public partial record Net; [Subnet<ShopStack.Net>(\"10.0.1.0/24\", Zone = 1)] public partial record A;")]
    [InlineData("[TransitGateway(AmazonSideAsn = 64512)] public partial record Tgw;")]
    [InlineData("[TransitGateway(AmazonSideAsn = 4200000000L)] public partial record Tgw;")]
    [InlineData("[Vpc(\"10.0.0.0/16\")] public partial record Net; [GatewayEndpoint<Net>(EndpointServices.S3)] public partial record S3;")]
    [InlineData("[Vpc(\"10.0.0.0/16\")] public partial record Net; [SecurityGroup<Net>(\"g\"), Ingress(TopologyDsl.Protocol.Udp, 53, \"10.0.0.0/16\")] public partial record G;")]
    [InlineData("[Parameter(Type = ParameterTypes.KeyPairName), System.Obsolete] public partial record Key;")]
    [InlineData("[Vpc(Cidr)] public partial record Net; private const string Cidr = \"10.0.0.0/16\";")]
    [InlineData("[Parameter] public partial record Ami; [Vpc(nameof(Ami))] public partial record Net;")]
    public void PlainForms_AreReadFromSyntax(string records)
    {
        var (fromSyntax, bound) = Read(records + "\n");

        Assert.True(bound == 0, records);
        Assert.True(fromSyntax > 0, records);
    }

    [Theory]
    [InlineData("[Vpc(\"10.0.\" + \"0.0/16\")] public partial record Net;")]
    [InlineData("[Vpc($\"10.0.0.0/{16}\")] public partial record Net;")]
    [InlineData("[Vpc(\"10.0.0.0/16\", FlowLogRetentionDays = (int)7L)] public partial record Net;")]
    [InlineData("[Vpc(\"10.0.0.0/16\", SecondaryCidrBlocks = new[] { \"10.1.0.0/16\", null })] public partial record Net;")]
    [InlineData("[Vpc(\"10.0.0.0/16\")] public partial record Net; [Subnet<Net>(\"10.0.1.0/24\", Kind = (SubnetKind)1)] public partial record A;")]
    [InlineData("[Vpc(\"10.0.0.0/16\")] public partial record Net; [Subnet<Net>(\"10.0.1.0/24\", Kind = 0)] public partial record A;")]
    [InlineData("[Vpc(\"10.0.0.0/16\")] public partial record Net; [Subnet<Missing>(\"10.0.1.0/24\")] public partial record A;")]
    [InlineData("[Vpc(42)] public partial record Net;")]
    [InlineData("[Vpc(nameof(Missing))] public partial record Net;")]
    [InlineData("[Vpc(nameof(System.String))] public partial record Net;")]
    [InlineData("[Vpc(\"10.0.0.0/16\", Nope = true)] public partial record Net;")]
    [InlineData("[Vpc] public partial record Net;")]
    [InlineData("[Vpc(\"10.0.0.0/16\"), Unknown] public partial record Net;")]
    [InlineData("[Vpc(\"10.0.0.0/16\")] public partial record Net { public class Inner; }")]
    public void OtherForms_AreBound(string records)
    {
        var (fromSyntax, bound) = Read(records + "\n");

        Assert.Equal(1, bound);
        Assert.Equal(records.Split("record").Length - 2, fromSyntax);
    }

    [Fact]
    public void AnAliasOfAnAttribute_IsReadThroughTheAlias()
    {
        var (fromSyntax, bound) = Read("[Network(\"10.0.0.0/16\")] public partial record Net;\n", TestCompilation.Prelude + "using Network = TopologyDsl.VpcAttribute;\n");

        Assert.Equal((1, 0), (fromSyntax, bound));
    }

    [Fact]
    public void AUserTypeThatShadowsAnAttributeName_IsNotMistakenForIt()
    {
        // The user's own VpcAttribute in the stack's namespace wins over TopologyDsl's, as C# decides.
        var (fromSyntax, bound) = Read("[Vpc(\"10.0.0.0/16\")] public partial record Net;\n", extra:
            "public sealed class VpcAttribute(string cidr) : System.Attribute { public string Cidr { get; } = cidr; }\n");

        Assert.Equal((1, 0), (fromSyntax, bound));
    }

    [Fact]
    public void ATypeArgumentFromAnotherStack_IsReadAsAnImport()
    {
        var source = TestCompilation.Prelude + """
            namespace Shop;
            [Stack("network")]
            public static partial class NetworkStack
            {
                [Vpc("10.0.0.0/16")] public partial record Net;
            }
            [Stack("app")]
            public static partial class AppStack
            {
                [Subnet<NetworkStack.Net>("10.0.1.0/24")] public partial record A;
                [SecurityGroup<global::Shop.NetworkStack.Net>("g")] public partial record G;
            }
            """;

        var readers = ParserEquivalence.Check(TestCompilation.Create(source));

        Assert.All(readers, r => Assert.Equal(0, r.BoundRecords));
        Assert.Equal(3, readers.Sum(r => r.FromSyntax));
    }
}
