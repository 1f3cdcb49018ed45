using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using TopologyDsl.CodeFixes;
using TopologyDsl.Generators.Diagnostics;
using TopologyDsl.Generators.Model;
using TopologyDsl.Generators.Tests.Infrastructure;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Generators.Tests;

/// <summary>
/// The code fixes, run by the Roslyn testing packages: the source with its diagnostics marked, the
/// source after applying one fix at a time until none is left, and the source after Fix All.
/// The generator runs too, so the compilation is the user's (resource interfaces included) and the
/// diagnostics it reports (TDSL001, TDSL003) are fixed like the analyzer's.
/// </summary>
public class CodeFixTests
{
    private static string Stack(string body, string modifiers = "public static partial") =>
        TestCompilation.Prelude + "namespace Shop;\n[Stack(\"shop\")]\n" + modifiers + " class Shop\n{\n" + body + "}\n";

    private static Task VerifyAsync<TCodeFix>(string source, string fixedSource, string? batchFixedSource = null)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new Test<TCodeFix> { TestCode = source, FixedCode = fixedSource };
        if (batchFixedSource is not null)
        {
            test.BatchFixedCode = batchFixedSource;
        }

        return test.RunAsync();
    }

    /// <summary>
    /// A code-fix test over .NET 10 and TopologyDsl. The reference assemblies come from
    /// Basic.Reference.Assemblies, as in the other tests: an empty <see cref="ReferenceAssemblies"/>
    /// set means the testing library downloads no reference package.
    /// </summary>
    private sealed class Test<TCodeFix> : CSharpCodeFixTest<TopologyAnalyzer, TCodeFix, DefaultVerifier>
        where TCodeFix : CodeFixProvider, new()
    {
        public Test()
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0");
            TestState.AdditionalReferences.AddRange(Net100.References.All);
            TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(VpcAttribute).Assembly.Location));

            // The generated files are snapshot-tested in GeneratorTests; here they only have to compile.
            TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;

            // Security findings (TDSL4xx) are advice that the small test networks draw; the fixes are about the others
            // (and TDSL416 and TDSL417, a root device not the image's and an unknown instance type, which fixes set right).
            DisabledDiagnostics.AddRange(DiagnosticCatalog.All.Select(d => d.Id).Where(id => id.StartsWith("TDSL4", StringComparison.Ordinal) && id is not ("TDSL416" or "TDSL417")));
        }

        protected override IEnumerable<Type> GetSourceGenerators() => [typeof(TopologyGenerator)];

        protected override ParseOptions CreateParseOptions() => TestCompilation.ParseOptions;
    }

    [Fact]
    public Task TDSL103_Fix_WritesTheNetworkAddress() => VerifyAsync<UseSuggestedBlockCodeFix>(
        Stack("""
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Subnet<Net>({|TDSL103:"10.0.1.5/24"|})] public partial record A;
            [Subnet<Net>({|TDSL103:"10.0.2.9/24"|})] public partial record B;

        """),
        Stack("""
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Subnet<Net>("10.0.1.0/24")] public partial record A;
            [Subnet<Net>("10.0.2.0/24")] public partial record B;

        """));

    [Fact]
    public Task TDSL240_Fix_WritesTheServicesShortName() => VerifyAsync<UseSuggestedBlockCodeFix>(
        Stack("""
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Subnet<Net>("10.0.1.0/24")] public partial record A;
            [InterfaceEndpoint<Net>({|TDSL240:"com.amazonaws.eu-west-1.ssm"|}), EndpointSubnet<A>] public partial record Ssm;
            [GatewayEndpoint<Net>({|TDSL240:"com.amazonaws.${AWS::Region}.s3"|})] public partial record S3;

        """),
        Stack("""
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Subnet<Net>("10.0.1.0/24")] public partial record A;
            [InterfaceEndpoint<Net>("ssm"), EndpointSubnet<A>] public partial record Ssm;
            [GatewayEndpoint<Net>("s3")] public partial record S3;

        """));

    [Fact]
    public Task TDSL417_Fix_WritesTheNearestInstanceType() => VerifyAsync<UseSuggestedBlockCodeFix>(
        Stack("""
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Subnet<Net>("10.0.1.0/24")] public partial record A;
            [Parameter(Default = {|TDSL417:"t3.smal"|}, AllowedValues = [{|TDSL417:"t3.smal"|}, {|TDSL417:"m5.larg"|}])] public partial record Size;
            [Instance<A>(ImageId = "ami-0123456789abcdef0", InstanceType = {|TDSL417:"t3.mirco"|})] public partial record Web;
            [Instance<A>(ImageId = "ami-0123456789abcdef0", InstanceType = nameof(Size))] public partial record Db;

        """),
        Stack("""
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Subnet<Net>("10.0.1.0/24")] public partial record A;
            [Parameter(Default = "t3.small", AllowedValues = ["t3.small", "m5.large"])] public partial record Size;
            [Instance<A>(ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro")] public partial record Web;
            [Instance<A>(ImageId = "ami-0123456789abcdef0", InstanceType = nameof(Size))] public partial record Db;

        """));

    [Fact]
    public Task TDSL416_Fix_SetsTheImagesRootDevice() => VerifyAsync<SetRootDeviceCodeFix>(
        Stack("""
            [Parameter(Type = ParameterTypes.ImageIdFromSsm, Default = "/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id")] public partial record Ubuntu;
            [Parameter(Type = ParameterTypes.ImageIdFromSsm, Default = "/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-Base")] public partial record Windows;
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Subnet<Net>("10.0.1.0/24")] public partial record A;
            [Instance<A>(ImageId = {|TDSL416:nameof(Ubuntu)|}, InstanceType = "t3.micro")] public partial record Web;
            [Instance<A>(ImageId = nameof(Windows), InstanceType = "t3.micro", RootDevice = {|TDSL416:"/dev/xvda"|})] public partial record Desk;

        """),
        Stack("""
            [Parameter(Type = ParameterTypes.ImageIdFromSsm, Default = "/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id")] public partial record Ubuntu;
            [Parameter(Type = ParameterTypes.ImageIdFromSsm, Default = "/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-Base")] public partial record Windows;
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Subnet<Net>("10.0.1.0/24")] public partial record A;
            [Instance<A>(ImageId = nameof(Ubuntu), InstanceType = "t3.micro", RootDevice = "/dev/sda1")] public partial record Web;
            [Instance<A>(ImageId = nameof(Windows), InstanceType = "t3.micro", RootDevice = "/dev/sda1")] public partial record Desk;

        """));

    [Fact]
    public Task TDSL103_ValueFromAConstant_OffersNoFix()
    {
        var source = Stack("""
                const string Block = "10.0.1.5/24";
                [Vpc("10.0.0.0/16")] public partial record Net;
                [Subnet<Net>({|TDSL103:Block|})] public partial record A;

            """);
        return VerifyAsync<UseSuggestedBlockCodeFix>(source, source);
    }

    [Fact]
    public Task TDSL107_Fix_WritesTheNextFreeBlockOfTheSameSize() => VerifyAsync<UseSuggestedBlockCodeFix>(
        Stack("""
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Subnet<Net>("10.0.0.0/24")] public partial record A;
            [Subnet<Net>("10.0.1.0/24")] public partial record B;
            [Subnet<Net>("10.0.2.0/23")] public partial record C;
            [Subnet<Net>({|TDSL107:"10.0.1.0/24"|})] public partial record D;

        """),
        Stack("""
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Subnet<Net>("10.0.0.0/24")] public partial record A;
            [Subnet<Net>("10.0.1.0/24")] public partial record B;
            [Subnet<Net>("10.0.2.0/23")] public partial record C;
            [Subnet<Net>("10.0.4.0/24")] public partial record D;

        """));

    [Fact]
    public Task TDSL107_FixAll_GivesEachOverlappingSubnetItsOwnBlock() => VerifyAsync<UseSuggestedBlockCodeFix>(
        Stack("""
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Subnet<Net>("10.0.0.0/24")] public partial record A;
            [Subnet<Net>({|TDSL107:"10.0.0.0/24"|})] public partial record B;
            [Subnet<Net>("10.0.1.0/24")] public partial record C;
            [Subnet<Net>({|TDSL107:"10.0.0.128/25"|})] public partial record D;
            [Subnet<Net>({|TDSL107:"10.0.0.0/24"|})] public partial record E;
            [Vpc("10.1.0.0/16")] public partial record Other;
            [Subnet<Other>("10.1.0.0/24")] public partial record F;
            [Subnet<Other>({|TDSL107:"10.1.0.0/24"|})] public partial record G;

        """),
        Stack("""
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Subnet<Net>("10.0.0.0/24")] public partial record A;
            [Subnet<Net>("10.0.2.0/24")] public partial record B;
            [Subnet<Net>("10.0.1.0/24")] public partial record C;
            [Subnet<Net>("10.0.3.0/25")] public partial record D;
            [Subnet<Net>("10.0.4.0/24")] public partial record E;
            [Vpc("10.1.0.0/16")] public partial record Other;
            [Subnet<Other>("10.1.0.0/24")] public partial record F;
            [Subnet<Other>("10.1.1.0/24")] public partial record G;

        """));

    [Fact]
    public Task TDSL107_NoFreeBlock_OffersNoFix()
    {
        var source = Stack("""
                [Vpc("10.0.0.0/28")] public partial record Net;
                [Subnet<Net>("10.0.0.0/28")] public partial record A;
                [Subnet<Net>({|TDSL107:"10.0.0.0/28"|})] public partial record B;

            """);
        return VerifyAsync<UseSuggestedBlockCodeFix>(source, source);
    }

    [Fact]
    public void TDSL107_Suggestions_AreDistinctWithinAVpc()
    {
        var vpc = new VpcSpec("Net", TypeKeyword.Record, true, "10.0.0.0/22", EquatableArray<string>.Empty, false, 30);
        SubnetSpec Subnet(string name, string cidr) => new(name, TypeKeyword.Record, true, new RefSpec("Net", true, false), cidr, 0, SubnetKindSpec.Unspecified);
        var stack = new StackSpec("Shop", "Shop", true, true, "shop", null,
            new ResourceSpec[] { vpc, Subnet("A", "10.0.0.0/24"), Subnet("B", "10.0.0.0/24"), Subnet("C", "10.0.0.0/24"), Subnet("D", "10.0.2.0/24"), Subnet("E", "10.0.0.0/24") }.ToEquatableArray(),
            EquatableArray<OutputSpec>.Empty, EquatableArray<Finding>.Empty);

        var suggestions = TopologyValidator.Validate(stack, _ => null)
            .Where(f => f.Id == DiagnosticDescriptors.SubnetsOverlap.Id)
            .Select(f => (f.Path.ToString(), f.Suggestion))
            .ToList();

        // B and C take the two free /24 blocks in declaration order; E finds none left.
        Assert.Equal(
            [("B/cidr", "10.0.1.0/24"), ("C/cidr", "10.0.3.0/24"), ("E/cidr", (string?)null)],
            suggestions.OrderBy(s => s.Item1, StringComparer.Ordinal).ToList());
    }

    [Fact]
    public Task TDSL001_Fix_AddsPartial_AndTheReferenceCompiles() => VerifyAsync<AddPartialCodeFix>(
        Stack("""
            [Vpc("10.0.0.0/16")] public record {|TDSL001:Net|};
            [Subnet<{|CS0311:Net|}>("10.0.1.0/24")] public partial record A;

        """),
        Stack("""
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Subnet<Net>("10.0.1.0/24")] public partial record A;

        """));

    [Fact]
    public Task TDSL001_FixAll_AddsPartialAfterTheOtherModifiers() => VerifyAsync<AddPartialCodeFix>(
        Stack("""
            [Vpc("10.0.0.0/16")] public record {|TDSL001:Net|};
            [Subnet<{|CS0311:Net|}>("10.0.1.0/24")] internal sealed record {|TDSL001:A|};
            [InternetGateway<{|CS0311:Net|}>]
            record {|TDSL001:Igw|};
            [RouteTable<{|CS0311:Net|}>, Associate<{|CS0311:A|}>, Route<{|CS0311:Igw|}>("0.0.0.0/0")] public class {|TDSL001:Routes|} { }

        """),
        Stack("""
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Subnet<Net>("10.0.1.0/24")] internal sealed partial record A;
            [InternetGateway<Net>]
            partial record Igw;
            [RouteTable<Net>, Associate<A>, Route<Igw>("0.0.0.0/0")] public partial class Routes { }

        """));

    [Fact]
    public Task TDSL003_Fix_AddsPartialToTheStack() => VerifyAsync<AddPartialCodeFix>(
        Stack("""
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Subnet<{|CS0311:Net|}>("10.0.1.0/24")] public partial record A;

        """, "public static").Replace("class Shop", "class {|TDSL003:Shop|}"),
        Stack("""
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Subnet<Net>("10.0.1.0/24")] public partial record A;

        """));

    [Fact]
    public void FixableIds_AreInTheCatalog() =>
        Assert.All(new CodeFixProvider[] { new UseSuggestedBlockCodeFix(), new AddPartialCodeFix(), new AddAclReplyRuleCodeFix(), new RenumberAclRuleCodeFix() }.SelectMany(f => f.FixableDiagnosticIds),
            id => Assert.NotNull(DiagnosticCatalog.Get(id)));
    [Fact]
    public Task TDSL143_FixAll_GivesEachSubnetTheNextFreeIpv6Index() => VerifyAsync<UseSuggestedBlockCodeFix>(
        Stack("""
            [Vpc("10.0.0.0/16", Ipv6 = true)] public partial record Net;
            [Subnet<Net>("10.0.0.0/24", Ipv6Index = 0)] public partial record A;
            [Subnet<Net>("10.0.1.0/24", Ipv6Index = {|TDSL143:0|})] public partial record B;
            [Subnet<Net>("10.0.2.0/24", Ipv6Index = 1)] public partial record C;
            [Subnet<Net>("10.0.3.0/24", Ipv6Index = {|TDSL143:1|})] public partial record D;

        """),
        Stack("""
            [Vpc("10.0.0.0/16", Ipv6 = true)] public partial record Net;
            [Subnet<Net>("10.0.0.0/24", Ipv6Index = 0)] public partial record A;
            [Subnet<Net>("10.0.1.0/24", Ipv6Index = 2)] public partial record B;
            [Subnet<Net>("10.0.2.0/24", Ipv6Index = 1)] public partial record C;
            [Subnet<Net>("10.0.3.0/24", Ipv6Index = 3)] public partial record D;

        """));

    [Fact]
    public Task TDSL252_Fix_AddsTheReplyRuleWithTheNextFreeNumber() => VerifyAsync<AddAclReplyRuleCodeFix>(
        Stack("""
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Subnet<Net>("10.0.1.0/24")] public partial record A;
            [NetworkAcl<Net>, Associate<A>, AclIngress(100, AclAction.Allow, Protocol.Tcp, {|TDSL252:5432|}, "10.0.2.0/24"), AclEgress(100, AclAction.Deny, Protocol.Udp, 53, "10.0.2.0/24")] public partial record Acl;

        """),
        Stack("""
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Subnet<Net>("10.0.1.0/24")] public partial record A;
            [NetworkAcl<Net>, Associate<A>, AclIngress(100, AclAction.Allow, Protocol.Tcp, 5432, "10.0.2.0/24"), AclEgress(100, AclAction.Deny, Protocol.Udp, 53, "10.0.2.0/24"), AclEgress(110, AclAction.Allow, Protocol.Tcp, 1024, "10.0.2.0/24", ToPort = 65535)] public partial record Acl;

        """));

    [Fact]
    public Task TDSL252_FixAll_OneReplyRulePerBlock_BeforeTheDenyThatWouldShadowIt() => VerifyAsync<AddAclReplyRuleCodeFix>(
        Stack("""
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Subnet<Net>("10.0.1.0/24")] public partial record A;
            [NetworkAcl<Net>, Associate<A>]
            [AclIngress(100, AclAction.Allow, Protocol.Tcp, {|TDSL252:5432|}, "10.0.2.0/24"), AclIngress(110, AclAction.Allow, Protocol.Tcp, {|TDSL252:22|}, "10.0.2.0/24")]
            [AclEgress(100, AclAction.Allow, Protocol.Tcp, {|TDSL252:443|}, "0.0.0.0/0"), AclEgress(200, AclAction.Deny, Protocol.All, 0, "10.0.0.0/8")]
            public partial record Acl;

        """),
        Stack("""
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Subnet<Net>("10.0.1.0/24")] public partial record A;
            [NetworkAcl<Net>, Associate<A>]
            [AclIngress(100, AclAction.Allow, Protocol.Tcp, 5432, "10.0.2.0/24"), AclIngress(110, AclAction.Allow, Protocol.Tcp, 22, "10.0.2.0/24"), AclEgress(110, AclAction.Allow, Protocol.Tcp, 1024, "10.0.2.0/24", ToPort = 65535)]
            [AclEgress(100, AclAction.Allow, Protocol.Tcp, 443, "0.0.0.0/0"), AclEgress(200, AclAction.Deny, Protocol.All, 0, "10.0.0.0/8"), AclIngress(120, AclAction.Allow, Protocol.Tcp, 1024, "0.0.0.0/0", ToPort = 65535)]
            public partial record Acl;

        """));

    [Fact]
    public Task TDSL252_Fix_UdpRule_AddsAUdpReplyRule() => VerifyAsync<AddAclReplyRuleCodeFix>(
        Stack("""
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Subnet<Net>("10.0.1.0/24")] public partial record A;
            [NetworkAcl<Net>, Associate<A>, AclEgress(100, AclAction.Allow, Protocol.Udp, {|TDSL252:53|}, "0.0.0.0/0"), AclIngress(100, AclAction.Allow, Protocol.Tcp, 1024, "0.0.0.0/0", ToPort = 65535)] public partial record Acl;

        """),
        Stack("""
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Subnet<Net>("10.0.1.0/24")] public partial record A;
            [NetworkAcl<Net>, Associate<A>, AclEgress(100, AclAction.Allow, Protocol.Udp, 53, "0.0.0.0/0"), AclIngress(100, AclAction.Allow, Protocol.Tcp, 1024, "0.0.0.0/0", ToPort = 65535), AclIngress(110, AclAction.Allow, Protocol.Udp, 1024, "0.0.0.0/0", ToPort = 65535)] public partial record Acl;

        """));

    [Fact]
    public Task TDSL252_FixAll_TcpAndUdpToOneBlock_OneReplyRuleOfEachProtocol() => VerifyAsync<AddAclReplyRuleCodeFix>(
        Stack("""
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Subnet<Net>("10.0.1.0/24")] public partial record A;
            [NetworkAcl<Net>, Associate<A>]
            [AclIngress(100, AclAction.Allow, Protocol.Tcp, {|TDSL252:53|}, "10.0.2.0/24"), AclIngress(110, AclAction.Allow, Protocol.Udp, {|TDSL252:53|}, "10.0.2.0/24")]
            public partial record Acl;

        """),
        Stack("""
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Subnet<Net>("10.0.1.0/24")] public partial record A;
            [NetworkAcl<Net>, Associate<A>]
            [AclIngress(100, AclAction.Allow, Protocol.Tcp, 53, "10.0.2.0/24"), AclIngress(110, AclAction.Allow, Protocol.Udp, 53, "10.0.2.0/24"), AclEgress(10, AclAction.Allow, Protocol.Tcp, 1024, "10.0.2.0/24", ToPort = 65535), AclEgress(20, AclAction.Allow, Protocol.Udp, 1024, "10.0.2.0/24", ToPort = 65535)]
            public partial record Acl;

        """));

    [Fact]
    public Task TDSL141_Fix_RenumbersTheLaterDuplicate_BeforeTheNextRule() => VerifyAsync<RenumberAclRuleCodeFix>(
        Stack("""
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Subnet<Net>("10.0.1.0/24")] public partial record A;
            [NetworkAcl<Net>, Associate<A>]
            [AclIngress(100, AclAction.Deny, Protocol.All, 0, "203.0.113.0/24"), AclIngress({|TDSL141:100|}, AclAction.Deny, Protocol.All, 0, "198.51.100.0/24"), AclIngress(110, AclAction.Deny, Protocol.All, 0, "192.0.2.0/24")]
            [AclEgress(100, AclAction.Deny, Protocol.All, 0, "203.0.113.0/24"), AclEgress({|TDSL141:100|}, AclAction.Deny, Protocol.All, 0, "198.51.100.0/24")]
            public partial record Acl;

        """),
        Stack("""
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Subnet<Net>("10.0.1.0/24")] public partial record A;
            [NetworkAcl<Net>, Associate<A>]
            [AclIngress(100, AclAction.Deny, Protocol.All, 0, "203.0.113.0/24"), AclIngress(101, AclAction.Deny, Protocol.All, 0, "198.51.100.0/24"), AclIngress(110, AclAction.Deny, Protocol.All, 0, "192.0.2.0/24")]
            [AclEgress(100, AclAction.Deny, Protocol.All, 0, "203.0.113.0/24"), AclEgress(110, AclAction.Deny, Protocol.All, 0, "198.51.100.0/24")]
            public partial record Acl;

        """));

    /// <summary>
    /// Three rules with one number: Fix All gives the repeats 110 and 120 (each after the previous one);
    /// one fix at a time gives the second 110, and then the third, now the only repeat of 100, the
    /// first free number between 100 and 110.
    /// </summary>
    [Fact]
    public Task TDSL141_FixAll_EachRepeatItsOwnNumber() => VerifyAsync<RenumberAclRuleCodeFix>(
        Stack("""
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Subnet<Net>("10.0.1.0/24")] public partial record A;
            [NetworkAcl<Net>, Associate<A>]
            [AclIngress(100, AclAction.Deny, Protocol.All, 0, "203.0.113.0/24"), AclIngress({|TDSL141:100|}, AclAction.Deny, Protocol.All, 0, "198.51.100.0/24"), AclIngress({|TDSL141:100|}, AclAction.Deny, Protocol.All, 0, "192.0.2.0/24")]
            public partial record Acl;

        """),
        Stack("""
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Subnet<Net>("10.0.1.0/24")] public partial record A;
            [NetworkAcl<Net>, Associate<A>]
            [AclIngress(100, AclAction.Deny, Protocol.All, 0, "203.0.113.0/24"), AclIngress(110, AclAction.Deny, Protocol.All, 0, "198.51.100.0/24"), AclIngress(101, AclAction.Deny, Protocol.All, 0, "192.0.2.0/24")]
            public partial record Acl;

        """),
        Stack("""
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Subnet<Net>("10.0.1.0/24")] public partial record A;
            [NetworkAcl<Net>, Associate<A>]
            [AclIngress(100, AclAction.Deny, Protocol.All, 0, "203.0.113.0/24"), AclIngress(110, AclAction.Deny, Protocol.All, 0, "198.51.100.0/24"), AclIngress(120, AclAction.Deny, Protocol.All, 0, "192.0.2.0/24")]
            public partial record Acl;

        """));
}
