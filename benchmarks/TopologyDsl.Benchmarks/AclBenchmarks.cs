using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TopologyDsl.Generators;
using TopologyDsl.Generators.Model;
using TopologyDsl.Generators.Parsing;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Benchmarks;

/// <summary>
/// The cost of network ACLs to the analyzer by topology size: the subnets of
/// <see cref="TopologyBenchmarks"/> (/28s in /16 VPCs of up to 4,096 subnets, a route table per VPC,
/// an instance in every tenth subnet) with a network ACL for every 32 subnets (a /23, so 128 ACLs in a
/// full VPC, under EC2's 200), each with six inbound and six outbound rules: allows with the reply rules a
/// stateless filter needs (to the ephemeral ports), a rule for the next group's /23 and its replies,
/// deny rules, and rules naming addresses network ACLs do not filter (the Amazon DNS server, the Time Sync
/// Service). The first ACL of each VPC also denies the instance metadata service (TDSL256, one per VPC).
/// The instances share a security group per VPC, and the stack asserts that each group's first instance
/// reaches the next group's on TCP 8443 and that it is never reachable from the internet, so the
/// reachability model walks the ACLs.
/// <list type="bullet">
/// <item><c>OneStack = true</c>: every subnet in one stack (over CloudFormation's 500-resource quota from
/// 1,000 subnets, so <c>ParseAndValidate</c> stops at TDSL302 there, and the rules below are called with
/// the quota ignored, as <c>TopologyBenchmarks.EveryRule</c> does).</item>
/// <item><c>OneStack = false</c>: stacks of <see cref="SubnetsPerStack"/> subnets (about 450 resources), each with its own VPC.</item>
/// </list>
/// <list type="bullet">
/// <item><c>ParseAndValidate</c>: the analyzer's own work on every stack (parse with a source map, validate).</item>
/// <item><c>AclRules</c>: the network ACL rules alone (TDSL140-147, TDSL250-256, TDSL420) on every stack.</item>
/// <item><c>Reachability</c>: the reachability model and its rules on every stack (paths through the ACLs, the assertions).</item>
/// <item><c>EveryRule</c>: every rule <c>TopologyValidator.Validate</c> runs, on every stack, the quota ignored.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
public class AclBenchmarks
{
    /// <summary>Subnets per network ACL: a /23 of /28 subnets.</summary>
    public const int SubnetsPerAcl = 32;

    /// <summary>Subnets per stack in the many-stack layout: four ACLs, about 450 CloudFormation resources.</summary>
    public const int SubnetsPerStack = 128;

    private (INamedTypeSymbol Type, AttributeData Attribute)[] _stacks = null!;
    private StackSpec[] _specs = null!;

    [Params(100, 1_000, 10_000)]
    public int Subnets { get; set; }

    [Params(true, false)]
    public bool OneStack { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var compilation = CSharpCompilation.Create("Acl",
            [CSharpSyntaxTree.ParseText(Source(Subnets, OneStack ? int.MaxValue : SubnetsPerStack), new CSharpParseOptions(LanguageVersion.Latest))],
            [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(VpcAttribute).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _stacks = compilation.GlobalNamespace.GetNamespaceMembers().Single(n => n.Name == "Bench").GetTypeMembers()
            .Select(t => (t, t.GetAttributes().Single(a => a.AttributeClass?.Name == "StackAttribute")))
            .OrderBy(s => s.t.Name, System.StringComparer.Ordinal)
            .ToArray();
        _specs = _stacks.Select(s => TopologyParser.Parse(s.Type, s.Attribute, withSourceMap: false, default).Spec).ToArray();
        ParseAndValidate();
    }

    /// <summary>
    /// The topology: <paramref name="subnets"/> subnets in stacks of at most <paramref name="perStack"/>
    /// subnets (one stack when it is at least <paramref name="subnets"/>), laid out as the class summary says.
    /// </summary>
    public static string Source(int subnets, int perStack = int.MaxValue)
    {
        var text = new StringBuilder("using TopologyDsl;\nusing static TopologyDsl.Protocol;\nnamespace Bench;\n");
        perStack = System.Math.Max(1, System.Math.Min(perStack, subnets));
        var stacks = (subnets + perStack - 1) / perStack;
        var vpcBase = 0;
        for (var k = 0; k < stacks; k++)
        {
            var first = k * (long)perStack;
            var count = (int)System.Math.Min(perStack, subnets - first);
            var name = stacks == 1 ? "Bench" : "Bench" + k.ToString(CultureInfo.InvariantCulture);
            var body = new StringBuilder();
            var intents = new StringBuilder();
            var vpcs = (count + 4095) / 4096;
            for (var v = 0; v < vpcs; v++)
            {
                var octet = (vpcBase + v) % 256;
                var vpc = "10." + octet.ToString(CultureInfo.InvariantCulture) + ".0.0/16";
                body.Append(CultureInfo.InvariantCulture, $"    [Vpc(\"{vpc}\", FlowLogs = true)] public partial record Vpc{v};\n");
                body.Append(CultureInfo.InvariantCulture, $"    [InternetGateway<Vpc{v}>] public partial record Igw{v};\n");
                body.Append(CultureInfo.InvariantCulture, $"    [RouteTable<Vpc{v}>, Route<Igw{v}>(\"0.0.0.0/0\")");
                for (var s = v * 4096; s < count && s < (v + 1) * 4096; s++)
                {
                    body.Append(CultureInfo.InvariantCulture, $", Associate<S{s}>");
                }

                body.Append(CultureInfo.InvariantCulture, $"] public partial record Routes{v};\n");
                body.Append(CultureInfo.InvariantCulture, $"    [SecurityGroup<Vpc{v}>(\"app\"), Ingress(Tcp, 8443, \"{vpc}\", Description = \"the service in the VPC\")]\n");
                body.Append(CultureInfo.InvariantCulture, $"    [Egress(Tcp, 8443, \"{vpc}\", Description = \"the service in the VPC\"), Egress(Tcp, 443, \"0.0.0.0/0\", Description = \"HTTPS out\")] public partial record App{v};\n");

                var inVpc = System.Math.Min(4096, count - v * 4096);
                var groups = (inVpc + SubnetsPerAcl - 1) / SubnetsPerAcl;
                for (var g = 0; g < groups; g++)
                {
                    // The group's /23 and the next group's (the last group's neighbour is the VPC's first).
                    var next = "10." + octet.ToString(CultureInfo.InvariantCulture) + "." + (2 * ((g + 1) % 128)).ToString(CultureInfo.InvariantCulture) + ".0/23";
                    var dns = "10." + octet.ToString(CultureInfo.InvariantCulture) + ".0.2/32";
                    body.Append(CultureInfo.InvariantCulture, $"    [NetworkAcl<Vpc{v}>");
                    var firstSubnet = v * 4096 + g * SubnetsPerAcl;
                    var lastSubnet = System.Math.Min(firstSubnet + SubnetsPerAcl, v * 4096 + inVpc);
                    for (var s = firstSubnet; s < lastSubnet; s++)
                    {
                        body.Append(CultureInfo.InvariantCulture, $", Associate<S{s}>");
                    }

                    body.Append("]\n");
                    body.Append("    [AclIngress(90, AclAction.Deny, All, 0, \"203.0.113.0/24\")]\n");
                    body.Append(CultureInfo.InvariantCulture, $"    [AclIngress(100, AclAction.Allow, Tcp, 8443, \"{vpc}\")]\n");
                    body.Append("    [AclIngress(110, AclAction.Allow, Tcp, 1024, \"0.0.0.0/0\", ToPort = 65535)]\n");
                    body.Append("    [AclIngress(120, AclAction.Deny, Tcp, 22, \"0.0.0.0/0\")]\n");
                    body.Append("    [AclIngress(130, AclAction.Allow, Udp, 123, \"169.254.169.123/32\")]\n");
                    body.Append(CultureInfo.InvariantCulture, $"    [AclIngress(140, AclAction.Allow, Udp, 514, \"{next}\")]\n");
                    body.Append("    [AclEgress(90, AclAction.Deny, All, 0, \"198.51.100.0/24\")]\n");
                    body.Append(CultureInfo.InvariantCulture, $"    [AclEgress(95, AclAction.Allow, Tcp, 8443, \"{vpc}\")]\n");
                    body.Append(CultureInfo.InvariantCulture, $"    [AclEgress(100, AclAction.Allow, Tcp, 1024, \"{vpc}\", ToPort = 65535)]\n");
                    body.Append("    [AclEgress(110, AclAction.Allow, Tcp, 443, \"0.0.0.0/0\")]\n");
                    body.Append(CultureInfo.InvariantCulture, $"    [AclEgress(120, AclAction.Allow, Udp, 53, \"{dns}\")]\n");
                    body.Append(CultureInfo.InvariantCulture, $"    [AclEgress(140, AclAction.Allow, Udp, 1024, \"{next}\", ToPort = 65535)]\n");
                    if (g == 0)
                    {
                        body.Append("    [AclEgress(150, AclAction.Deny, All, 0, \"169.254.169.254/32\")]\n");
                    }

                    body.Append(CultureInfo.InvariantCulture, $"    public partial record Acl{v}G{g};\n");

                    // The group's first instance reaches the next group's; neither is reachable from the internet.
                    var from = (firstSubnet + 9) / 10 * 10;
                    var to = (lastSubnet + 9) / 10 * 10;
                    if (from < lastSubnet)
                    {
                        intents.Append(CultureInfo.InvariantCulture, $"[NeverReachableFromInternet<{name}.I{from}>]\n");
                        if (to < v * 4096 + inVpc)
                        {
                            intents.Append(CultureInfo.InvariantCulture, $"[Reaches<{name}.I{from}, {name}.I{to}>(Tcp, 8443)]\n");
                        }
                    }
                }
            }

            for (var s = 0; s < count; s++)
            {
                var index = s % 4096;
                var octet = (vpcBase + s / 4096) % 256;
                body.Append(CultureInfo.InvariantCulture, $"    [Subnet<Vpc{s / 4096}>(\"10.{octet}.{index / 16}.{index % 16 * 16}/28\")] public partial record S{s};\n");
                if (s % 10 == 0)
                {
                    body.Append(CultureInfo.InvariantCulture, $"    [Instance<S{s}>(\"10.{octet}.{index / 16}.{index % 16 * 16 + 4}\", ImageId = \"ami-0123456789abcdef0\", InstanceType = \"t3.micro\"), Uses<App{s / 4096}>] public partial record I{s};\n");
                }
            }

            vpcBase += vpcs;
            text.Append(CultureInfo.InvariantCulture, $"[Stack(\"{name.ToLowerInvariant()}\")]\n").Append(intents)
                .Append(CultureInfo.InvariantCulture, $"public static partial class {name}\n{{\n").Append(body).Append("}\n");
        }

        return text.ToString();
    }

    /// <summary>What the topology holds and the findings each stack's validation makes, by ID (quota ignored in one stack), for "acl".</summary>
    public string Describe()
    {
        var findings = new List<Finding>();
        foreach (var spec in _specs)
        {
            findings.AddRange(Rules(new StackIndex(spec, _ => null)));
        }

        var acls = _specs.Sum(s => s.Resources.OfType<NetworkAclSpec>().Count());
        var resources = _specs.Sum(StackPlan.ResourceCount);
        var ids = findings.GroupBy(f => f.Id).OrderBy(g => g.Key, System.StringComparer.Ordinal).Select(g => $"{g.Key} x{g.Count()}");
        return $"{Subnets,6} subnets in {_specs.Length} stack(s): {resources:N0} resources, {acls} ACLs; rules: {(findings.Count == 0 ? "no findings" : string.Join(", ", ids))}";
    }

    [Benchmark]
    public int ParseAndValidate()
    {
        var count = 0;
        foreach (var (type, attribute) in _stacks)
        {
            var result = TopologyParser.Parse(type, attribute, withSourceMap: true, default);
            count += TopologyValidator.Validate(result.Spec, EquatableArray<ProjectFile>.Empty).Count;
        }

        return count;
    }

    [Benchmark]
    public int AclRules()
    {
        var findings = new List<Finding>();
        foreach (var spec in _specs)
        {
            NetworkAclRules.Check(new StackIndex(spec, _ => null), ValidationOptions.Default, findings);
        }

        return findings.Count;
    }

    [Benchmark]
    public int Reachability()
    {
        var findings = new List<Finding>();
        foreach (var spec in _specs)
        {
            ReachabilityRules.Check(new StackIndex(spec, _ => null), findings);
        }

        return findings.Count;
    }

    [Benchmark]
    public int EveryRule()
    {
        var count = 0;
        foreach (var spec in _specs)
        {
            count += Rules(new StackIndex(spec, _ => null)).Count;
        }

        return count;
    }

    /// <summary>The rules of <see cref="TopologyValidator.Validate(StackSpec, EquatableArray{StackSpec}, System.Func{string, string?}, ValidationOptions?, EquatableArray{StackSpec})"/>, in its order, without its stop at the quota.</summary>
    internal static List<Finding> Rules(StackIndex index)
    {
        var findings = new List<Finding>();
        TopologyValidator.CheckRules(index, ValidationOptions.Default, findings);
        return findings;
    }
}
