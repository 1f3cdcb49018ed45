using System.Linq;
using CsCheck;
using TopologyDsl.Generators.Tests.Infrastructure;

namespace TopologyDsl.Generators.Tests;

/// <summary>
/// Whatever the user writes, the generator and the analyzer answer with diagnostics, never an
/// exception: random topologies with malformed values, wrong argument types, missing arguments and
/// references to anything are compiled, generated and analyzed, and AD0001 or CS8785 fail the test
/// (TestCompilation.DiagnosticsAsync asserts both).
/// </summary>
public class RobustnessTests
{
    /// <summary>Record names: plain, verbatim (<c>@event</c> names a record <c>event</c>), and the generated method's name (TDSL012).</summary>
    private static readonly string[] Names = ["A", "B", "C", "D", "E", "F", "@event", "@class", "BuildTemplate"];

    private static readonly Gen<string> Octet = Gen.OneOf(Gen.Int[0, 255].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), Gen.OneOf<string>("256", "-1", "01", "x", ""));

    private static readonly Gen<string> Address = Gen.Select(Octet, Octet, Octet, Octet, (a, b, c, d) => $"{a}.{b}.{c}.{d}");

    /// <summary>A string argument: a CIDR block or address (valid or not), arbitrary text, or something that is not a string at all.</summary>
    private static readonly Gen<string> StringArgument = Gen.OneOf(
        Gen.Select(Gen.OneOf<string>("10", "172", "192", "11", "0"), Gen.Int[0, 255], Gen.Int[0, 255], Gen.Int[0, 40], (a, b, c, p) => $"\"{a}.{b}.{c}.0/{p}\""),
        Address.Select(a => "\"" + a + "\""),
        Address.Select(a => "\"" + a + "/24\""),
        Gen.String.Select(s => "@\"" + s.Replace("\"", "\"\"") + "\""),
        Gen.OneOf<string>("null", "1", "\"\"", "\"${\"", "\"${A.B.C}\"", "typeof(int)", "nameof(A)", "\"A\"", "\"0.0.0.0/0\"", "nameof(@event)"),
        // Text that would break generated code if it were pasted in: line breaks, comment and string ends, directives.
        Gen.OneOf<string>("\"a\\nb\"", "\"x\\n/// </summary>\\n#error injected\"", "\"*/ } class Injected { /*\"", "\"\\\"); throw null; //\"", "\"a\\r\\n#line 1\\u2028b\""));

    /// <summary>A type argument: a record of this stack, of the other stack (an import), or something else.</summary>
    private static readonly Gen<string> Reference = Gen.OneOf(Gen.OneOf<string>(Names), Gen.OneOf<string>("int", "Nope", "Other.X", "A.B", "Other.A", "Other.B", "Stack.C", "Stack", "Other.@event", "Other.BuildTemplate"));

    private static readonly Gen<string> Number = Gen.OneOf(Gen.Int[-5, 70000].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), Gen.OneOf<string>("\"80\"", "null", "int.MaxValue"));

    private static readonly Gen<string> Attribute = Gen.OneOf(
        StringArgument.Select(s => $"Vpc({s})"),
        Gen.Select(Reference, StringArgument, Number, (r, s, n) => $"Subnet<{r}>({s}, Zone = {n})"),
        Reference.Select(r => $"InternetGateway<{r}>"),
        Reference.Select(r => $"NatGateway<{r}>"),
        Reference.Select(r => $"RouteTable<{r}>"),
        Reference.Select(r => $"Associate<{r}>"),
        Gen.Select(Reference, StringArgument, (r, s) => $"Route<{r}>({s})"),
        Gen.Select(Reference, Reference, StringArgument, (t, r, s) => $"Route<{t}, {r}>({s})"),
        Gen.Select(Reference, Reference, (t, a) => $"AssociateAttachment<{t}, {a}>"),
        Gen.Select(Reference, Reference, (t, a) => $"Propagate<{t}, {a}>"),
        Gen.Select(Reference, StringArgument, (r, s) => $"SecurityGroup<{r}>({s})"),
        Gen.Select(Number, Number, StringArgument, (p, q, s) => $"Ingress(Tcp, {p}, {s}, ToPort = {q})"),
        Gen.Select(Reference, Number, (r, p) => $"IngressFrom<{r}>((Protocol){p}, {p})"),
        Gen.Select(Reference, StringArgument, StringArgument, StringArgument, (r, ip, image, data) =>
            $"Instance<{r}>({ip}, PublicIp = true, ImageId = {image}, InstanceType = \"t3.micro\", UserData = {data})"),
        Reference.Select(r => $"Uses<{r}>"),
        Gen.Select(Number, StringArgument, (p, s) => $"Egress((Protocol){p}, {p}, {s})"),
        Gen.Select(Reference, Number, (r, p) => $"EgressTo<{r}>(Tcp, {p}, ToPort = {p})"),
        Gen.Select(StringArgument, StringArgument, Number, (a, b, n) => $"Vpc({a}, SecondaryCidrBlocks = [{b}, {a}, null], FlowLogs = true, FlowLogRetentionDays = {n})"),
        Gen.Select(Reference, Number, (r, n) => $"Subnet<{r}>(\"10.0.0.0/24\", Kind = (SubnetKind){n})"),
        Gen.Select(Reference, Gen.Bool, Gen.Bool, (r, a, b) => $"Instance<{r}>(\"10.0.0.10\", AllowImdsV1 = {(a ? "true" : "false")}, EncryptRootVolume = {(b ? "true" : "false")})"),
        Reference.Select(r => $"SshVia<{r}>"),
        Gen.Select(Reference, Number, StringArgument, (r, n, d) => $"Instance<{r}>(\"10.0.0.11\", UserData = {d}, SignalTimeoutMinutes = {n})"),
        Gen.Select(Reference, Reference, Number, (a, b, p) => $"Reaches<{a}, {b}>((Protocol){p}, {p}, ToPort = {p})"),
        Gen.Select(Reference, Number, (r, p) => $"ReachableFromInternet<{r}>(Tcp, {p})"),
        Reference.Select(r => $"NeverReachableFromInternet<{r}>"),
        StringArgument.Select(s => $"Parameter(Type = {s}, Default = {s})"),
        Gen.Select(Reference, Reference, (a, b) => $"VpcPeering<{a}, {b}>"),
        Gen.Select(Reference, StringArgument, StringArgument, StringArgument, (r, a, b, c) =>
            $"VpcPeering<{r}>(PeerVpcId = {a}, PeerOwnerId = {b}, PeerRegion = {c}, PeerRoleArn = {a}, PeerCidrBlocks = [{b}, null])"),
        Gen.Select(Number, Gen.Bool, (n, b) => $"TransitGateway(AmazonSideAsn = {n}, DefaultRouteTables = {(b ? "true" : "false")})"),
        Gen.Select(Reference, Reference, (a, b) => $"TransitGatewayAttachment<{a}, {b}>"),
        Reference.Select(r => $"AttachmentSubnet<{r}>"),
        Reference.Select(r => $"TransitGatewayRouteTable<{r}>"),
        Reference.Select(r => $"AssociateAttachment<{r}>"),
        Reference.Select(r => $"Propagate<{r}>"),
        Gen.Select(Reference, StringArgument, (r, s) => $"TransitGatewayRoute<{r}>({s})"),
        Reference.Select(r => $"ReadsSecret<{r}>"),
        Gen.Select(Reference, StringArgument, Number, (r, d, n) => $"DataVolume<{r}>({d}, {n}, Type = (VolumeType){n}, Encrypted = false)"),
        Gen.Select(Number, Number, (a, b) => $"Policies(DeletionPolicy = (RemovalPolicy){a}, UpdateReplacePolicy = (RemovalPolicy){b})"),
        Gen.Select(Reference, StringArgument, (r, d) => $"Instance<{r}>(ElasticIp = true, ImageId = \"ami-0123456789abcdef0\", InstanceType = \"t3.micro\", UserData = {d})"),
        Gen.Select(Reference, StringArgument, (r, s) => $"GatewayEndpoint<{r}>({s})"),
        Reference.Select(r => $"EndpointRouteTable<{r}>"),
        Gen.Select(Reference, StringArgument, Gen.Bool, (r, s, b) => $"InterfaceEndpoint<{r}>({s}, PrivateDns = {(b ? "true" : "false")})"),
        Gen.Select(Reference, Gen.OneOf<string>("EndpointServices.Ssm", "EndpointServices.S3", "\"com.amazonaws.eu-west-1.ssm\"", "\"ecr.dkr\""), (r, s) => $"InterfaceEndpoint<{r}>({s})"),
        Reference.Select(r => $"EndpointSubnet<{r}>"),
        Gen.Select(Reference, Gen.Bool, StringArgument, (r, b, d) => $"Instance<{r}>(\"10.0.0.12\", SessionManager = {(b ? "true" : "false")}, UserData = {d})"),
        Gen.Select(StringArgument, Gen.Bool, Gen.Bool, (s, a, b) => $"Vpc({s}, DnsSupport = {(a ? "true" : "false")}, DnsHostnames = {(b ? "true" : "false")})"),
        Gen.Select(StringArgument, StringArgument, (k, v) => $"Tag({k}, {v})"),
        Gen.Select(StringArgument, StringArgument, (k, v) => $"Tag(\"Name\", {v}), Tag({k}, {k})"),
        Gen.Select(Reference, StringArgument, Number, (r, z, n) => $"Subnet<{r}>(\"10.0.0.0/24\", ZoneName = {z}, Zone = {n})"),
        Gen.Select(Reference, StringArgument, StringArgument, (r, a, b) => $"Subnet<{r}>(\"10.0.1.0/24\", ZoneId = {a}, ZoneName = {b})"),
        Gen.Select(Reference, Gen.OneOf<string>("\"use1-az1\"", "\"apne1-az1\"", "\"usw2-lax1-az1\"", "\"us-east-1a\""), (r, z) => $"Subnet<{r}>(\"10.0.2.0/24\", ZoneId = {z})"),
        Gen.Select(Reference, Reference, (a, b) => $"NetworkAcl<{a}>, Associate<{b}>"),
        Gen.Select(Number, Number, Number, StringArgument, (n, p, q, s) => $"AclIngress({n}, (AclAction){p}, (Protocol){q}, {p}, {s}, ToPort = {q}, IcmpCode = {n})"),
        Gen.Select(Number, Number, StringArgument, (n, p, s) => $"AclEgress({n}, AclAction.Allow, Tcp, {p}, {s}, ToPort = {p})"),
        Gen.Select(Number, Gen.OneOf<string>("\"::/0\"", "\"2001:db8::/32\"", "\"::/200\"", "\"fe80::1/64\""), (n, s) => $"AclIngress({n}, AclAction.Deny, All, 0, {s})"),
        Gen.Select(Reference, Number, Gen.Bool, (r, n, b) => $"Subnet<{r}>(\"10.0.0.0/24\", Ipv6Index = {n}, AssignIpv6AddressOnCreation = {(b ? "true" : "false")})"),
        Gen.Select(StringArgument, Gen.Bool, (a, b) => $"Vpc({a}, Ipv6 = {(b ? "true" : "false")})"),
        Reference.Select(r => $"EgressOnlyInternetGateway<{r}>"),
        Gen.Select(Reference, Gen.OneOf<string>("\"::/0\"", "\"2001:db8::/56\"", "\"::\"", "\"0.0.0.0/0\""), (r, s) => $"Route<{r}>({s})"),
        Gen.OneOf<string>("Secret", "TransitGateway", "VpcPeering<A>", "TransitGatewayAttachment<A, A>", "NetworkAcl<A>", "EgressOnlyInternetGateway<A>", "GatewayEndpoint<A>", "InterfaceEndpoint<A>"),
        Gen.OneOf<string>("Vpc", "Subnet<A>", "Instance<A>", "Route<A>", "Route<A, B>", "Route<Other.A, B>", "AssociateAttachment<A, B>", "Propagate<Other.A, B>", "Stack(\"x\")", "Parameter(AllowedValues = new[] { \"a\", null })"));

    private static readonly Gen<string> Record = Gen.Select(Gen.OneOf<string>(Names), Attribute.Array[0, 3], Gen.Bool, Gen.OneOf<string>("record", "record", "record", "record struct", "class"),
        (name, attributes, partial, keyword) => (attributes.Length == 0 ? "" : "[" + string.Join(", ", attributes) + "] ")
            + "public " + (partial ? "partial " : "") + keyword + " " + name + (keyword == "class" ? " { }" : ";"));

    /// <summary>Reachability assertions on the stack class, naming its records (or not).</summary>
    private static readonly Gen<string> StackIntent = Gen.OneOf(Gen.Const(""),
        Gen.Select(Reference, Reference, Number, (a, b, p) => $", Reaches<Stack.{a}, Stack.{b}>(Tcp, {p})"),
        Reference.Select(r => $", NeverReachableFromInternet<Stack.{r}>"),
        Reference.Select(r => $", ReachableFromInternet<Stack.{r}>(Icmp, -1)"));

    /// <summary>A stack class; split, it is two partial declarations that share the records and may both carry [Stack].</summary>
    private static string StackClass(string name, string[] records, string stackName, bool partial, string intent = "", int split = 0)
    {
        var head = "[Stack(" + stackName + "), Output(\"O\", " + stackName + ", Export = " + stackName + "), Tag(" + stackName + ", " + stackName + ")" + intent + "]\npublic static " + (partial ? "partial " : "") + "class " + name + "\n{\n";
        if (split == 0 || records.Length < 2)
        {
            return head + string.Join("\n", records.Select(r => "    " + r)) + "\n}\n";
        }

        var half = records.Length / 2;
        var second = (split == 1 ? "[Stack(" + stackName + ")]\n" : "") + "public static partial class " + name + "\n{\n";
        return head + string.Join("\n", records.Take(half).Select(r => "    " + r)) + "\n}\n"
            + second + string.Join("\n", records.Skip(half).Select(r => "    " + r)) + "\n}\n";
    }

    /// <summary>Warnings and errors silenced in the source, as a user who raised a quota would (TDSL117 and others).</summary>
    private static readonly Gen<string> Suppressions = Gen.OneOf<string>("TDSL117", "TDSL304", "TDSL205", "TDSL106", "TDSL001", "TDSL404", "TDSL230", "CS0311", "TDSL308")
        .Array[0, 3].Select(ids => ids.Length == 0 ? "" : "#pragma warning disable " + string.Join(", ", ids.Distinct()) + "\n");

    /// <summary>
    /// One stack, or two that may import from each other (cycles, same names and exports included), in
    /// namespace <c>Fuzz</c>: the body of a file-scoped or a block namespace.
    /// </summary>
    private static readonly Gen<string> Source = Gen.Select(Record.Array[1, 8], StringArgument, Gen.Int[0, 3], Record.Array[0, 5], StringArgument, StackIntent, Suppressions,
        (records, stackName, shape, others, otherName, intent, suppressed) =>
            suppressed + StackClass("Stack", records, stackName, partial: shape != 3, intent, split: shape) + (others.Length == 0 ? "" : StackClass("Other", others, otherName, partial: true)));

    /// <summary>Several sources in one compilation, each in a namespace of its own: the compiler's fixed cost is paid once per batch.</summary>
    private const int BatchSize = 8;

    private static readonly Gen<string> Batch = Source.Array[BatchSize].Select(sources =>
        string.Concat(sources.Select((body, i) => "namespace Fuzz" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n{\n" + body + "}\n")));

    /// <summary>
    /// The kinds of type a resource attribute can be put on: what C# declares (the attributes are valid
    /// on classes only, so the others draw CS0592), each with and without partial, some generic.
    /// </summary>
    private static readonly Gen<(string Modifiers, string Keyword, string Body)> Shape = Gen.OneOf<(string, string, string)>(
        ("", "record", ";"), ("", "class", " { }"), ("static ", "class", " { }"), ("abstract ", "record", ";"), ("sealed ", "class", " { }"),
        ("", "struct", " { }"), ("", "record struct", ";"), ("readonly ", "struct", " { }"), ("ref ", "struct", " { }"), ("", "interface", " { }"));

    /// <summary>Distinct names for the shapes, one verbatim (<c>@event</c>), one the name of the generated method (TDSL012).</summary>
    private static readonly string[] ShapeNames = ["A", "@event", "C", "D", "BuildTemplate"];

    /// <summary>A stack's name, plain or with text that must not leak into generated code (a line break into a doc comment, a directive).</summary>
    private static readonly Gen<string> StackName = Gen.OneOf<string>("\"fuzz\"", "\"a\\nb\"", "\"x\\n/// </summary>\\n#error injected\"", "\"*/ class Injected { /*\"", "\"x\\r\\n#line 1\\u2028y\"");

    /// <summary>Distinct resource types of every shape, so that any error in generated code is the generator's own.</summary>
    private static readonly Gen<string> Shapes = Gen.Select(Gen.Select(Shape, Attribute, Gen.Bool, Gen.Int[0, 5]).Array[1, 5], Gen.Bool, StackName, Gen.OneOf<string>("Stack", "@class"),
        (types, stackPartial, stackName, className) =>
        "namespace Fuzz;\n[Stack(" + stackName + ")]\npublic static " + (stackPartial ? "partial " : "") + "class " + className + "\n{\n"
        + string.Join("\n", types.Select((t, i) => "    [" + t.Item2 + "] public " + t.Item1.Modifiers + (t.Item3 ? "partial " : "") + t.Item1.Keyword + " " + ShapeNames[i]
            + (t.Item4 == 0 ? "<T>" : "") + t.Item1.Body))
        + "\n    public enum " + Names[5] + " { }\n}\n");

    /// <summary>1,000 random sets of resource types of every shape (about 10 s).</summary>
    [Fact]
    public void RandomShapes_GeneratedCodeAlwaysCompiles() =>
        Shapes.Sample(source =>
        {
            var diagnostics = TestCompilation.DiagnosticsAsync(TestCompilation.Prelude + source).GetAwaiter().GetResult();
            Assert.DoesNotContain(diagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error
                && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal) == true);
        }, iter: 1_000, threads: 1);

    /// <summary>
    /// 1,000 random topologies (125 batches of 8; about 40 s on a busy 2-core machine): the generator and the analyzer never throw
    /// (DiagnosticsAsync fails on AD0001 and CS8785), and whatever the user wrote, the generated code
    /// itself never holds a compiler error.
    /// </summary>
    [Fact]
    public void RandomTopologies_OnlyEverYieldDiagnostics() =>
        Batch.Sample(source =>
        {
            var files = new[] { new InMemoryAdditionalText("/p/a.sh", "echo ${A.PrivateIp} ${\naws s3 cp a b\ndnf -y\naws --region\naws"), new InMemoryAdditionalText("/p/A", "") };
            var diagnostics = TestCompilation.DiagnosticsAsync(TestCompilation.Prelude + source, files).GetAwaiter().GetResult();
            Assert.DoesNotContain(diagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error
                && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal) == true);
        }, iter: 125, threads: 1);
}
