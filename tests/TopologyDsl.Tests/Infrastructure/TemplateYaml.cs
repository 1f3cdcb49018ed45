using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TopologyDsl.Tests.Infrastructure;

/// <summary>
/// Reads an emitted template back with YamlDotNet, keeping the intrinsic-function tags, and converts
/// parts of it to JSON for schema validation, noting where intrinsic functions stood.
/// </summary>
public static class TemplateYaml
{
    public static YamlMappingNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
    }

    public static YamlNode? Get(this YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static YamlMappingNode Map(this YamlMappingNode map, string key) => (YamlMappingNode)map.Get(key)!;

    public static IEnumerable<(string Key, YamlNode Value)> Entries(this YamlMappingNode map) =>
        map.Children.Select(c => (((YamlScalarNode)c.Key).Value!, c.Value));

    /// <summary>Whether a node is an intrinsic function: a short-form tag, or a one-key mapping in the long form.</summary>
    public static bool IsIntrinsic(YamlNode node) =>
        (!node.Tag.IsEmpty && node.Tag.Value.StartsWith('!'))
        || (node is YamlMappingNode { Children.Count: 1 } map && ((YamlScalarNode)map.Children.Keys.Single()).Value is { } key
            && (key == "Ref" || key.StartsWith("Fn::", StringComparison.Ordinal)));

    /// <summary>The function's name (Ref, GetAtt, Sub, ...) and argument of an intrinsic node.</summary>
    public static (string Name, YamlNode Argument) Intrinsic(YamlNode node)
    {
        if (!node.Tag.IsEmpty)
        {
            return (node.Tag.Value.Substring(1), node);
        }

        var (key, value) = ((YamlMappingNode)node).Entries().Single();
        return (key.StartsWith("Fn::", StringComparison.Ordinal) ? key.Substring(4) : key, value);
    }

    /// <summary>Converts a node to JSON; every intrinsic function becomes null and its JSON pointer is added to <paramref name="masked"/>.</summary>
    public static JsonNode? ToJson(YamlNode node, string pointer, List<string> masked)
    {
        if (IsIntrinsic(node))
        {
            masked.Add(pointer);
            return null;
        }

        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (key, value) in map.Entries())
                {
                    obj[key] = ToJson(value, pointer + "/" + key.Replace("~", "~0").Replace("/", "~1"), masked);
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                var i = 0;
                foreach (var item in sequence.Children)
                {
                    array.Add(ToJson(item, pointer + "/" + (i++).ToString(CultureInfo.InvariantCulture), masked));
                }

                return array;
            case YamlScalarNode scalar:
                var text = scalar.Value ?? "";
                if (scalar.Style is ScalarStyle.Plain or ScalarStyle.Any)
                {
                    if (text is "true" or "false")
                    {
                        return JsonValue.Create(text == "true");
                    }

                    if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                    {
                        return JsonValue.Create(number);
                    }
                }

                return JsonValue.Create(text);
            default:
                throw new InvalidOperationException("Unknown YAML node " + node.GetType().Name);
        }
    }
}
