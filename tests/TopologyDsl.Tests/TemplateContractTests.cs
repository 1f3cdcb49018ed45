using System.IO;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Examples.SharedNetwork;
using Examples.ThreeTier;
using Examples.WordPress;
using TopologyDsl.CloudFormation;
using TopologyDsl.Tests.Infrastructure;
using TopologyDsl.Tests.Stacks;
using YamlDotNet.RepresentationModel;

namespace TopologyDsl.Tests;

/// <summary>
/// What every emitted template must be, checked on the example and on a topology that uses every
/// attribute: valid against the official resource schemas, every reference resolving, and the YAML
/// reading back to exactly the template that was written.
/// </summary>
public partial class TemplateContractTests
{
    private static readonly HashSet<string> PseudoParameters =
        ["AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix"];

    public static TheoryData<string> Stacks() => new("wordpress", "kitchen-sink", "signals", "connections", "shared-network", "shared-app", "shared-reporting", "tagged", "three-tier", "filters", "peered-hub", "peered-spoke", "literals", "transit-hub", "transit-spoke-a", "transit-spoke-b");

    public static Template Build(string stack) => stack switch
    {
        "wordpress" => WordPressStack.BuildTemplate(),
        "connections" => Connections.BuildTemplate(),
        "shared-network" => NetworkStack.BuildTemplate(),
        "shared-app" => AppStack.BuildTemplate(),
        "shared-reporting" => ReportingStack.BuildTemplate(),
        "three-tier" => ThreeTierStack.BuildTemplate(),
        "signals" => Signals.BuildTemplate(),
        "tagged" => Tagged.BuildTemplate(),
        "filters" => Filters.BuildTemplate(),
        "peered-hub" => PeeredHub.BuildTemplate(),
        "peered-spoke" => PeeredSpoke.BuildTemplate(),
        "literals" => Literals.BuildTemplate(),
        "transit-hub" => TransitHub.BuildTemplate(),
        "transit-spoke-a" => TransitSpokeA.BuildTemplate(),
        "transit-spoke-b" => TransitSpokeB.BuildTemplate(),
        _ => KitchenSink.BuildTemplate(),
    };

    /// <summary>The export names every template of the programs above exports.</summary>
    private static HashSet<string> Exports() =>
        new[] { "wordpress", "kitchen-sink", "signals", "connections", "shared-network", "shared-app", "shared-reporting", "tagged", "three-tier", "filters", "peered-hub", "peered-spoke", "literals", "transit-hub", "transit-spoke-a", "transit-spoke-b" }.Select(Build).SelectMany(t => t.Outputs).Where(o => o.Export is not null).Select(o => o.Export!).ToHashSet();

    /// <summary>Every shape the generator emits, reviewed as a snapshot: a change to the generated code must leave these bytes alone.</summary>
    [Fact]
    public void KitchenSink_MatchesSnapshot() => TopologyDsl.Testing.Snapshot.Verify(TemplateWriter.Write(KitchenSink.BuildTemplate()), "yaml");

    /// <summary>Network ACLs and dual stack, reviewed as a snapshot.</summary>
    [Fact]
    public void Filters_MatchesSnapshot() => TopologyDsl.Testing.Snapshot.Verify(TemplateWriter.Write(Filters.BuildTemplate()), "yaml");

    /// <summary>The picture of the network ACL and dual-stack shapes: ACL rules in evaluation order, IPv6 blocks, the egress-only gateway, paths through the filters.</summary>
    [Fact]
    public void Filters_Overview_MatchesSnapshot() => TopologyDsl.Testing.Snapshot.Verify(Filters.BuildTemplate().Overview!, "md");

    [Theory]
    [MemberData(nameof(Stacks))]
    public void EveryResource_ValidatesAgainstTheSchemaOfItsType(string stack)
    {
        var root = TemplateYaml.Parse(TemplateWriter.Write(Build(stack)));
        var failures = new List<string>();
        foreach (var (id, node) in root.Map("Resources").Entries())
        {
            var resource = (YamlMappingNode)node;
            var type = ((YamlScalarNode)resource.Get("Type")!).Value!;
            var masked = new List<string>();
            var properties = TemplateYaml.ToJson(resource.Get("Properties") ?? new YamlMappingNode(), "", masked)!;
            failures.AddRange(Schemas.Validate(type, properties, masked).Select(e => $"{id} ({type}) {e}"));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void SchemaValidation_CatchesWhatIsWrong_EvenBesideAnIntrinsic()
    {
        var masked = new List<string>();
        var yaml = TemplateYaml.Parse("""
            VpcId: !Ref Network
            CidrBlok: 10.0.1.0/24
            MapPublicIpOnLaunch: sometimes
            """);
        var errors = Schemas.Validate("AWS::EC2::Subnet", TemplateYaml.ToJson(yaml, "", masked)!, masked);
        Assert.Equal(["/VpcId"], masked);
        Assert.Contains(errors, e => e.StartsWith("/CidrBlok", System.StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("/MapPublicIpOnLaunch", System.StringComparison.Ordinal));
    }

    [Fact]
    public void SchemaValidation_ReportsMissingRequiredProperties()
    {
        var masked = new List<string>();
        var errors = Schemas.Validate("AWS::EC2::SecurityGroup", TemplateYaml.ToJson(TemplateYaml.Parse("VpcId: !Ref Network"), "", masked)!, masked);
        Assert.Contains(errors, e => e.Contains("GroupDescription", System.StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void EveryReference_NamesAParameterOrResourceThatExists(string stack)
    {
        var root = TemplateYaml.Parse(TemplateWriter.Write(Build(stack)));
        var parameters = root.Get("Parameters") is YamlMappingNode p ? p.Entries().Select(e => e.Key).ToHashSet() : [];
        var resources = root.Map("Resources").Entries().ToDictionary(e => e.Key, e => ((YamlScalarNode)((YamlMappingNode)e.Value).Get("Type")!).Value!);
        var problems = new List<string>();
        var checkedCount = 0;
        var exports = Exports();

        void CheckName(string name, string where)
        {
            checkedCount++;
            var dot = name.IndexOf('.');
            if (dot < 0)
            {
                if (!parameters.Contains(name) && !resources.ContainsKey(name) && !PseudoParameters.Contains(name))
                {
                    problems.Add($"{where}: {name} names nothing");
                }
            }
            else if (!resources.TryGetValue(name[..dot], out var type))
            {
                problems.Add($"{where}: {name} names no resource");
            }
            else if (!Schemas.Attributes(type).Contains(name[(dot + 1)..]))
            {
                problems.Add($"{where}: {type} has no attribute {name[(dot + 1)..]}");
            }
        }

        void Walk(YamlNode node, string where)
        {
            if (TemplateYaml.IsIntrinsic(node))
            {
                var (name, argument) = TemplateYaml.Intrinsic(node);
                var text = (argument as YamlScalarNode)?.Value;
                switch (name)
                {
                    case "Ref" or "GetAtt":
                        CheckName(text!, where);
                        return;
                    case "ImportValue":
                        checkedCount++;
                        if (!exports.Contains(text!))
                        {
                            problems.Add($"{where}: no stack of the program exports {text}");
                        }

                        return;
                    case "Sub":
                        // !Sub text, or !Sub [text, {Variable: value}] whose variables name themselves.
                        var variables = new HashSet<string>();
                        if (argument is YamlSequenceNode { Children: [YamlScalarNode body, YamlMappingNode map] })
                        {
                            text = body.Value;
                            variables = map.Entries().Select(e => e.Key).ToHashSet();
                            WalkChildren(map, where);
                        }

                        foreach (Match m in SubReference().Matches(text!))
                        {
                            if (!variables.Contains(m.Groups[1].Value))
                            {
                                CheckName(m.Groups[1].Value, where);
                            }
                        }

                        return;
                }

                if (argument is YamlSequenceNode or YamlMappingNode || TemplateYaml.IsIntrinsic(argument))
                {
                    // A function applied to a function (Fn::Base64: !Sub ...) is walked as a function.
                    if (TemplateYaml.IsIntrinsic(argument) && !ReferenceEquals(argument, node))
                    {
                        Walk(argument, where);
                    }
                    else
                    {
                        WalkChildren(argument, where);
                    }
                }

                return;
            }

            WalkChildren(node, where);
        }

        void WalkChildren(YamlNode node, string where)
        {
            switch (node)
            {
                case YamlMappingNode map:
                    foreach (var (key, value) in map.Entries())
                    {
                        Walk(value, where + "/" + key);
                    }

                    break;
                case YamlSequenceNode sequence:
                    foreach (var item in sequence.Children)
                    {
                        Walk(item, where);
                    }

                    break;
            }
        }

        foreach (var (id, node) in root.Map("Resources").Entries())
        {
            var resource = (YamlMappingNode)node;
            switch (resource.Get("DependsOn"))
            {
                case YamlScalarNode one:
                    CheckName(one.Value!, id + "/DependsOn");
                    break;
                case YamlSequenceNode many:
                    foreach (var d in many.Children.Cast<YamlScalarNode>())
                    {
                        CheckName(d.Value!, id + "/DependsOn");
                    }

                    break;
            }

            Walk(resource, id);
        }

        if (root.Get("Outputs") is YamlMappingNode outputs)
        {
            Walk(outputs, "Outputs");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(checkedCount > 10, $"only {checkedCount} references were checked");
    }

    /// <summary>Every test stack, written as YAML, is clean under cfn-lint's default rules (the examples' committed templates: CfnLintTests).</summary>
    [SkippableTheory]
    [MemberData(nameof(Stacks))]
    public void CfnLint_FindsNothing(string stack)
    {
        var cfnLint = Tool.Find("cfn-lint");
        Skip.If(cfnLint is null, "cfn-lint is not on PATH (pip install cfn-lint)");
        var path = Path.Combine(Directory.CreateTempSubdirectory("topologydsl-lint-").FullName, stack + ".yaml");
        try
        {
            File.WriteAllText(path, TemplateWriter.Write(Build(stack)));
            var run = Tool.Run(cfnLint, ["--", path]);
            Assert.True(run.Exit == 0, "cfn-lint: " + run);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Yaml_ReadsBackToTheSameTemplate(string stack)
    {
        var template = Build(stack);
        var root = TemplateYaml.Parse(TemplateWriter.Write(template));
        Assert.Equal(Canonical.Of(template), Canonical.Of(root));
    }

    [Fact]
    public void Yaml_KeepsTheShortFormTags()
    {
        var resources = TemplateYaml.Parse(TemplateWriter.Write(WordPressStack.BuildTemplate())).Map("Resources");
        var subnet = resources.Map("PublicSubnet").Map("Properties");
        Assert.Equal("!Ref", subnet.Get("VpcId")!.Tag.Value);
        var zone = Assert.IsType<YamlSequenceNode>(subnet.Get("AvailabilityZone"));
        Assert.Equal("!Select", zone.Tag.Value);
        Assert.Equal("!GetAZs", zone.Children[1].Tag.Value);
        Assert.Equal("!GetAtt", resources.Map("Nat").Map("Properties").Get("AllocationId")!.Tag.Value);
        var userData = resources.Map("WebServer").Map("Properties").Map("UserData");
        Assert.Equal("!Sub", userData.Get("Fn::Base64")!.Tag.Value);
    }

    [GeneratedRegex(@"\$\{([^!}][^}]*)\}")]
    private static partial Regex SubReference();
}
