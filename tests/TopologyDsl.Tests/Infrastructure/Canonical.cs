using System.Globalization;
using System.Linq;
using TopologyDsl.CloudFormation;
using TopologyDsl.Resources;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TopologyDsl.Tests.Infrastructure;

/// <summary>
/// One text form for a template's content, computed from the object model and from YAML read back,
/// so that a round trip can be compared exactly: every key in order, every scalar with its type
/// (string, number, boolean) and every intrinsic function with its name.
/// </summary>
public static class Canonical
{
    public static string Of(Template template)
    {
        var root = new MapValue().Add("AWSTemplateFormatVersion", TemplateWriter.FormatVersion).Add("Description", template.Description);
        if (template.Parameters.Count > 0)
        {
            var parameters = new MapValue();
            foreach (var p in template.Parameters)
            {
                parameters.Add(p.Name, p.ToMap());
            }

            root.Add("Parameters", parameters);
        }

        var resources = new MapValue();
        foreach (var r in template.Resources)
        {
            var body = new MapValue().Add("Type", r.Type).Add("DeletionPolicy", r.DeletionPolicy is { } d ? (Value)d : null)
                .Add("UpdateReplacePolicy", r.UpdateReplacePolicy is { } u ? (Value)u : null);
            if (r.DependsOn.Count == 1)
            {
                body.Add("DependsOn", r.DependsOn[0]);
            }
            else if (r.DependsOn.Count > 1)
            {
                body.Add("DependsOn", new ListValue(r.DependsOn.Select(d => (Value)d)));
            }

            body.Add("CreationPolicy", r.CreationPolicy());
            var properties = r.Properties();
            if (properties.Entries.Count > 0)
            {
                body.Add("Properties", properties);
            }

            resources.Add(r.LogicalId, body);
        }

        root.Add("Resources", resources);
        if (template.Outputs.Count > 0)
        {
            var outputs = new MapValue();
            foreach (var o in template.Outputs)
            {
                outputs.Add(o.Name, o.ToMap());
            }

            root.Add("Outputs", outputs);
        }

        return Of(root);
    }

    public static string Of(Value value) => value switch
    {
        StringValue s => Quote(s.Text),
        NumberValue n => n.ToString(),
        BooleanValue b => b.ToString(),
        ListValue l => "[" + string.Join(",", l.Items.Select(Of)) + "]",
        MapValue m => "{" + string.Join(",", m.Entries.Select(e => Quote(e.Key) + ":" + Of(e.Value))) + "}",
        IntrinsicValue f => "!" + f.Name + "(" + Of(f.Argument) + ")",
        _ => "?",
    };

    public static string Of(YamlNode node)
    {
        if (TemplateYaml.IsIntrinsic(node))
        {
            var (name, argument) = TemplateYaml.Intrinsic(node);

            // Short form: the argument is this node without its tag; long form: a node of its own.
            return "!" + name + "(" + (ReferenceEquals(argument, node) ? OfUntagged(argument) : Of(argument)) + ")";
        }

        return OfUntagged(node);
    }

    private static string OfUntagged(YamlNode node) => node switch
    {
        YamlMappingNode m => "{" + string.Join(",", m.Entries().Select(e => Quote(e.Key) + ":" + Of(e.Value))) + "}",
        YamlSequenceNode s => "[" + string.Join(",", s.Children.Select(Of)) + "]",
        YamlScalarNode { Style: ScalarStyle.Plain } scalar when scalar.Value is "true" or "false" => scalar.Value,
        YamlScalarNode { Style: ScalarStyle.Plain } scalar when long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n.ToString(CultureInfo.InvariantCulture),
        YamlScalarNode scalar => Quote(scalar.Value ?? ""),
        _ => "?",
    };

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
