using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TopologyDsl.CloudFormation.Changes;

/// <summary>
/// A template read back from YAML into a form that compares by meaning: a scalar is its text
/// (<c>'80'</c>, <c>"80"</c> and <c>80</c> are one value, as CloudFormation reads them), a mapping
/// compares without regard to key order, and every intrinsic function takes its long form, so that
/// <c>!Ref X</c> equals <c>Ref: X</c> and <c>!GetAtt A.B</c> equals <c>Fn::GetAtt: [A, B]</c>.
/// </summary>
public abstract class TemplateNode : IEquatable<TemplateNode>
{
    private string? _canonical;

    private protected TemplateNode() { }

    /// <summary>A text that two nodes share exactly when they are equal.</summary>
    public string Canonical => _canonical ??= BuildCanonical();

    private protected abstract string BuildCanonical();

    /// <inheritdoc />
    public bool Equals(TemplateNode? other) => other is not null && Canonical == other.Canonical;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TemplateNode);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Canonical);

    /// <summary>The node in the short YAML-like notation of the change report (<c>!Ref X</c>, <c>[a, b]</c>).</summary>
    public abstract string Show();
}

/// <summary>A scalar: its text.</summary>
public sealed class ScalarNode(string text) : TemplateNode
{
    /// <summary>The scalar's text.</summary>
    public string Text { get; } = text;

    private protected override string BuildCanonical() => "s" + Text.Length + ":" + Text;

    /// <inheritdoc />
    public override string Show() => Text.Length == 0 || Text.Contains(' ') || Text.Contains(':') ? "'" + Text.Replace("'", "''") + "'" : Text;
}

/// <summary>A sequence.</summary>
public sealed class ListNode(IReadOnlyList<TemplateNode> items) : TemplateNode
{
    /// <summary>The items, in order.</summary>
    public IReadOnlyList<TemplateNode> Items { get; } = items;

    private protected override string BuildCanonical() => "[" + string.Join(",", Items.Select(i => i.Canonical)) + "]";

    /// <inheritdoc />
    public override string Show() => "[" + string.Join(", ", Items.Select(i => i.Show())) + "]";
}

/// <summary>A mapping; an intrinsic function is a mapping of one key (<c>Ref</c>, <c>Fn::Sub</c>...).</summary>
public sealed class MapNode(IReadOnlyList<KeyValuePair<string, TemplateNode>> entries) : TemplateNode
{
    /// <summary>The entries, in the order written.</summary>
    public IReadOnlyList<KeyValuePair<string, TemplateNode>> Entries { get; } = entries;

    /// <summary>The value of a key, or null.</summary>
    public TemplateNode? this[string key] => Entries.FirstOrDefault(e => e.Key == key).Value;

    /// <summary>The function's name when this mapping is an intrinsic function (<c>Ref</c>, <c>Fn::GetAtt</c>...), else null.</summary>
    public string? Function => Entries.Count == 1 && (Entries[0].Key == "Ref" || Entries[0].Key == "Condition" || Entries[0].Key.StartsWith("Fn::", StringComparison.Ordinal))
        ? Entries[0].Key
        : null;

    private protected override string BuildCanonical() =>
        "{" + string.Join(",", Entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => "k" + e.Key.Length + ":" + e.Key + "=" + e.Value.Canonical)) + "}";

    /// <inheritdoc />
    public override string Show()
    {
        if (Function is { } function)
        {
            var argument = Entries[0].Value;
            var tag = "!" + (function.StartsWith("Fn::", StringComparison.Ordinal) ? function[4..] : function);
            return function == "Fn::GetAtt" && argument is ListNode { Items: [ScalarNode resource, ScalarNode attribute] }
                ? tag + " " + resource.Text + "." + attribute.Text
                : tag + " " + argument.Show();
        }

        return "{" + string.Join(", ", Entries.Select(e => e.Key + ": " + e.Value.Show())) + "}";
    }
}

/// <summary>Reads a template's YAML (or JSON, which is YAML) into <see cref="TemplateNode"/>s.</summary>
public static partial class TemplateTree
{
    /// <summary>
    /// Parses a template. Throws <see cref="FormatException"/> with the line and column when the text
    /// is not YAML or its top level is not a mapping.
    /// </summary>
    public static MapNode Parse(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new FormatException($"line {e.Start.Line}, column {e.Start.Column}: {FirstLine(e.Message)}", e);
        }

        if (stream.Documents.Count == 0)
        {
            return new MapNode([]);
        }

        return Convert(stream.Documents[0].RootNode) as MapNode
            ?? throw new FormatException("the template is not a YAML mapping");
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOf('\n');
        return (end < 0 ? message : message[..end]).Trim();
    }

    private static TemplateNode Convert(YamlNode node)
    {
        TemplateNode value = node switch
        {
            YamlScalarNode scalar => new ScalarNode(scalar.Value ?? ""),
            YamlSequenceNode sequence => new ListNode(sequence.Children.Select(Convert).ToArray()),
            YamlMappingNode mapping => new MapNode(mapping.Children
                .Select(e => new KeyValuePair<string, TemplateNode>(((e.Key as YamlScalarNode)?.Value) ?? "", Convert(e.Value)))
                .ToArray()),
            _ => new ScalarNode(""),
        };

        var tag = node.Tag.IsEmpty ? "" : node.Tag.Value;
        if (tag.Length > 1 && tag[0] == '!' && tag[1] != '!')
        {
            var name = tag[1..];
            var function = name is "Ref" or "Condition" ? name : "Fn::" + name;
            return Normalize(new MapNode([new KeyValuePair<string, TemplateNode>(function, value)]));
        }

        return value is MapNode map ? Normalize(map) : value;
    }

    /// <summary>
    /// <c>Fn::GetAtt: A.B</c> (the short form's argument) becomes <c>[A, B]</c>, the form CloudFormation documents.
    /// Functions of plain text become the text they resolve to: <c>Fn::Sub</c> of a text that names no
    /// variable, and <c>Fn::Join</c> of texts with an empty delimiter. The generator writes the first as its
    /// text and the second where that text holds <c>${Name}</c>, so a template committed in either form
    /// compares equal to today's.
    /// </summary>
    private static TemplateNode Normalize(MapNode map) => map.Function switch
    {
        "Fn::GetAtt" when map.Entries[0].Value is ScalarNode { Text: var text } && text.IndexOf('.') is > 0 and var dot =>
            new MapNode([new KeyValuePair<string, TemplateNode>("Fn::GetAtt", new ListNode([new ScalarNode(text[..dot]), new ScalarNode(text[(dot + 1)..])]))]),
        "Fn::Sub" when SubText(map.Entries[0].Value) is { } text && SubstitutedLiterally(text) is { } literal => new ScalarNode(literal),
        "Fn::Join" when map.Entries[0].Value is ListNode { Items: [ScalarNode { Text: "" }, ListNode { Items: var items }] } && items.All(i => i is ScalarNode) =>
            new ScalarNode(string.Concat(items.Select(i => ((ScalarNode)i).Text))),
        _ => map,
    };

    /// <summary>The text of Fn::Sub's argument, in either form (<c>text</c>, <c>[text, {variables}]</c>).</summary>
    private static string? SubText(TemplateNode argument) => argument switch
    {
        ScalarNode scalar => scalar.Text,
        ListNode { Items: [ScalarNode scalar, MapNode] } => scalar.Text,
        _ => null,
    };

    /// <summary>
    /// What Fn::Sub makes of a text that names no variable, whose only <c>${</c> are escapes: each
    /// <c>${!X}</c> resolves as <c>${X}</c> (CloudFormation Template Reference, "Fn::Sub",
    /// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-sub.html).
    /// Null when the text names a variable. A <c>${</c> is closed by the next <c>}</c>, one never closed
    /// is text, as the generator reads it (its Substitution and SubstitutionRules.References).
    /// </summary>
    public static string? SubstitutedLiterally(string text)
    {
        var result = new System.Text.StringBuilder(text.Length);
        var from = 0;
        int at;
        while ((at = text.IndexOf("${", from, StringComparison.Ordinal)) >= 0)
        {
            var end = text.IndexOf('}', at + 2);
            if (end < 0)
            {
                break;
            }

            if (text[at + 2] != '!')
            {
                return null;
            }

            result.Append(text, from, at + 2 - from).Append(text, at + 3, end + 1 - (at + 3));
            from = end + 1;
        }

        return result.Append(text, from, text.Length - from).ToString();
    }

    /// <summary>
    /// The logical names a node refers to: <c>Ref</c> targets, <c>Fn::GetAtt</c> resources and the
    /// names in <c>Fn::Sub</c> text (<c>${X}</c>, <c>${X.Attribute}</c>; not <c>${!literal}</c> nor <c>${AWS::Region}</c>).
    /// </summary>
    public static IEnumerable<string> References(TemplateNode node)
    {
        switch (node)
        {
            case MapNode { Function: "Ref" } map when map.Entries[0].Value is ScalarNode target:
                yield return target.Text;
                break;
            case MapNode { Function: "Fn::GetAtt" } map when map.Entries[0].Value is ListNode { Items: [ScalarNode resource, ..] }:
                yield return resource.Text;
                break;
            case MapNode { Function: "Fn::Sub" } map:
                var argument = map.Entries[0].Value;
                var text = argument is ListNode { Items: [ScalarNode first, ..] } ? first.Text : (argument as ScalarNode)?.Text;
                var local = argument is ListNode { Items: [_, MapNode variables] } ? variables.Entries.Select(e => e.Key).ToHashSet(StringComparer.Ordinal) : [];
                if (text is not null)
                {
                    foreach (Match match in SubstitutionName().Matches(text))
                    {
                        var name = match.Groups[1].Value;
                        if (!name.Contains("::", StringComparison.Ordinal) && !local.Contains(name))
                        {
                            yield return name;
                        }
                    }
                }

                if (argument is ListNode { Items: [_, MapNode values] })
                {
                    foreach (var reference in values.Entries.SelectMany(e => References(e.Value)))
                    {
                        yield return reference;
                    }
                }

                break;
            case MapNode map:
                foreach (var reference in map.Entries.SelectMany(e => References(e.Value)))
                {
                    yield return reference;
                }

                break;
            case ListNode list:
                foreach (var reference in list.Items.SelectMany(References))
                {
                    yield return reference;
                }

                break;
        }
    }

    /// <summary>
    /// What a node reads of the resource <paramref name="logicalId"/>: "" for its <c>Ref</c> (or <c>${Id}</c>),
    /// the attribute's name for <c>Fn::GetAtt</c> (or <c>${Id.Attribute}</c>).
    /// </summary>
    public static IEnumerable<string> AttributesRead(TemplateNode node, string logicalId)
    {
        switch (node)
        {
            case MapNode { Function: "Ref" } map when map.Entries[0].Value is ScalarNode { Text: var target } && target == logicalId:
                yield return "";
                break;
            case MapNode { Function: "Fn::GetAtt" } map when map.Entries[0].Value is ListNode { Items: [ScalarNode { Text: var resource }, var attribute] } && resource == logicalId:
                yield return (attribute as ScalarNode)?.Text ?? "?";
                break;
            case MapNode { Function: "Fn::Sub" } map:
                var argument = map.Entries[0].Value;
                var text = argument is ListNode { Items: [ScalarNode first, ..] } ? first.Text : (argument as ScalarNode)?.Text;
                foreach (Match match in SubstitutionName().Matches(text ?? ""))
                {
                    if (match.Groups[1].Value == logicalId)
                    {
                        yield return match.Groups[2].Value;
                    }
                }

                if (argument is ListNode { Items: [_, MapNode values] })
                {
                    foreach (var read in values.Entries.SelectMany(e => AttributesRead(e.Value, logicalId)))
                    {
                        yield return read;
                    }
                }

                break;
            case MapNode map:
                foreach (var read in map.Entries.SelectMany(e => AttributesRead(e.Value, logicalId)))
                {
                    yield return read;
                }

                break;
            case ListNode list:
                foreach (var read in list.Items.SelectMany(i => AttributesRead(i, logicalId)))
                {
                    yield return read;
                }

                break;
        }
    }

    /// <summary>The export names a node imports (<c>Fn::ImportValue</c> of a text), in the order they appear, each once.</summary>
    public static IEnumerable<string> Imports(TemplateNode node)
    {
        var found = new List<string>();
        var pending = new Stack<TemplateNode>([node]);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case MapNode { Function: "Fn::ImportValue" } map when map.Entries[0].Value is ScalarNode name:
                    found.Add(name.Text);
                    break;
                case MapNode map:
                    foreach (var entry in map.Entries.Reverse())
                    {
                        pending.Push(entry.Value);
                    }

                    break;
                case ListNode list:
                    foreach (var item in list.Items.Reverse())
                    {
                        pending.Push(item);
                    }

                    break;
            }
        }

        return found.Distinct(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"\$\{([A-Za-z0-9:]+)(?:\.([A-Za-z0-9.]+))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex SubstitutionName();
}
