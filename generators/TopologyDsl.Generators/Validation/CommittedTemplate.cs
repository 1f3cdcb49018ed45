using System;
using System.Collections.Generic;
using System.Linq;

namespace TopologyDsl.Generators.Validation;

/// <summary>
/// The few facts of a committed template that decide whether editing an argument replaces a resource:
/// per logical ID, its Type and the scalars it writes under Properties (CidrBlock, PrivateIpAddress,
/// SubnetId, ImageId...), plus the items of scalar lists (GroupSet). The runtime compares whole
/// templates with YamlDotNet (TopologyDsl.CloudFormation.Changes); the analyzer runs inside the
/// compiler and ships no dependency, so it reads only these scalars, line by line, from the block
/// layout that <c>synth</c> writes. A file in another shape gives fewer facts, and so fewer
/// warnings, never a wrong one: a fact is compared only when the template has it.
/// </summary>
internal sealed class CommittedTemplate
{
    private readonly Dictionary<string, Dictionary<string, string>> _scalars = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, List<string>>> _lists = new(StringComparer.Ordinal);

    /// <summary>Whether a project file is a committed template (<c>templates/&lt;stack&gt;.yaml</c>), which the generator never reads.</summary>
    public static bool IsTemplatePath(string path)
    {
        var normalized = path.Replace('\\', '/');
        return normalized.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
            && normalized.LastIndexOf("/templates/", StringComparison.Ordinal) is var folder and >= 0
            && normalized.IndexOf('/', folder + "/templates/".Length) < 0;
    }

    /// <summary>Whether <paramref name="path"/> is the committed template of the stack named <paramref name="stackName"/>.</summary>
    public static bool IsTemplateOf(string path, string stackName) =>
        IsTemplatePath(path) && path.Replace('\\', '/').EndsWith("/templates/" + stackName + ".yaml", StringComparison.Ordinal);

    /// <summary>Reads the facts from the template's text.</summary>
    public static CommittedTemplate Read(string text)
    {
        var template = new CommittedTemplate();
        var inResources = false;
        string? resource = null;
        string? listKey = null;
        var listIndent = 0;
        var blockIndent = -1;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var indent = line.Length - line.TrimStart(' ').Length;

            // The lines of a block scalar (user data after "|") are text, not keys.
            if (blockIndent >= 0 && indent > blockIndent)
            {
                continue;
            }

            blockIndent = -1;
            if (line.TrimStart().StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }
            if (indent == 0)
            {
                inResources = line == "Resources:";
                resource = null;
                continue;
            }

            if (!inResources)
            {
                continue;
            }

            var content = line.Substring(indent);
            if (indent == 2 && content.EndsWith(":", StringComparison.Ordinal))
            {
                resource = content.Substring(0, content.Length - 1);
                template._scalars[resource] = new Dictionary<string, string>(StringComparer.Ordinal);
                template._lists[resource] = new Dictionary<string, List<string>>(StringComparer.Ordinal);
                listKey = null;
                continue;
            }

            if (resource is null)
            {
                continue;
            }

            var item = content.StartsWith("- ", StringComparison.Ordinal);
            if (item)
            {
                content = content.Substring(2);
            }

            var colon = KeyEnd(content);
            if (colon < 0)
            {
                // A list item that is a scalar: collect it under the list's key.
                if (item && listKey is not null && indent > listIndent)
                {
                    template._lists[resource][listKey].Add(Unquote(content));
                }

                continue;
            }

            var key = content.Substring(0, colon);
            var value = content.Substring(colon + 1).Trim();
            if (value.EndsWith("|", StringComparison.Ordinal) || value.EndsWith("|-", StringComparison.Ordinal)
                || value.EndsWith(">", StringComparison.Ordinal) || value.EndsWith(">-", StringComparison.Ordinal))
            {
                blockIndent = indent;
                continue;
            }
            if (value.Length == 0)
            {
                listKey = key;
                listIndent = indent + (item ? 2 : 0);
                if (!template._lists[resource].ContainsKey(key))
                {
                    template._lists[resource][key] = [];
                }

                continue;
            }

            if (!template._scalars[resource].ContainsKey(key))
            {
                template._scalars[resource][key] = Unquote(value);
            }
        }

        return template;
    }

    /// <summary>The resource's type, or null when the template has no such resource.</summary>
    public string? TypeOf(string logicalId) => Scalar(logicalId, "Type");

    /// <summary>The first scalar the resource writes under that key, or null.</summary>
    public string? Scalar(string logicalId, string key) =>
        _scalars.TryGetValue(logicalId, out var scalars) && scalars.TryGetValue(key, out var value) ? value : null;

    /// <summary>The scalar items of the resource's list under that key, or null.</summary>
    public IReadOnlyList<string>? List(string logicalId, string key) =>
        _lists.TryGetValue(logicalId, out var lists) && lists.TryGetValue(key, out var items) && items.Count > 0 ? items : null;

    /// <summary>The end of a plain mapping key (letters, digits, colons of AWS names excluded), or -1.</summary>
    private static int KeyEnd(string content)
    {
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            if (c == ':' && (i + 1 == content.Length || content[i + 1] == ' '))
            {
                return i > 0 ? i : -1;
            }

            if (!char.IsLetterOrDigit(c) && c != ':')
            {
                return -1;
            }
        }

        return -1;
    }

    private static string Unquote(string value)
    {
        if (value.Length >= 2 && value[0] == '\'' && value[value.Length - 1] == '\'')
        {
            return value.Substring(1, value.Length - 2).Replace("''", "'");
        }

        if (value.Length >= 2 && value[0] == '"' && value[value.Length - 1] == '"')
        {
            return value.Substring(1, value.Length - 2).Replace("\\\"", "\"").Replace("\\\\", "\\");
        }

        return value;
    }
}
