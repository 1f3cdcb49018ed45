using System.Collections.Generic;
using System.Linq;
using TopologyDsl.Generators.Diagnostics;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Validation;

/// <summary>Files and <c>Fn::Sub</c> text: user data that exists, and <c>${...}</c> that names something in the stack.</summary>
internal static class SubstitutionRules
{
    public static void Check(StackIndex index, List<Finding> findings)
    {
        foreach (var instance in index.Stack.Resources.OfType<InstanceSpec>())
        {
            if (instance.UserData is not { } file)
            {
                continue;
            }

            var path = instance.Path.Child("userData");
            var text = file.Length == 0 ? null : index.ReadFile(file);
            if (text is null)
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.UserDataFileNotFound.Id, path, instance.Name, file));
                continue;
            }

            CheckText(index, text, "the user data of instance '" + instance.Name + "'", path, findings, StackPlan.LogicalIdVariable, file);
            foreach (var name in References(text).Distinct())
            {
                if (index.Find(name) is SecretSpec secret && !instance.Secrets.Any(s => s.InStack && s.Name == secret.Name))
                {
                    findings.Add(Finding.Create(DiagnosticDescriptors.SecretNotReadable.Id, path, instance.Name, secret.Name));
                }
            }
        }

        for (var i = 0; i < index.Stack.Outputs.Count; i++)
        {
            var output = index.Stack.Outputs[i];
            CheckText(index, output.Value, "output '" + output.Name + "'", ModelPath.Stack.Item("output", i).Child("value"), findings);
        }
    }

    /// <param name="variable">A name the text's Fn::Sub defines for itself (user data's <c>${LogicalId}</c>), or null.</param>
    /// <param name="file">The file the text comes from (a boot script), whose line the message names; null for text written in the code.</param>
    private static void CheckText(StackIndex index, string text, string where, ModelPath path, List<Finding> findings, string? variable = null, string? file = null)
    {
        var reported = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var reference in Occurrences(text))
        {
            var name = reference.Name;
            if (name != variable && !Resolves(index, name) && reported.Add(name))
            {
                var place = file is null ? where : where + " (" + file + ", line " + Invariant.Format(LineOf(text, reference.Offset)) + ")";
                var closest = Closest(index, name, variable);
                findings.Add(Finding.Create(DiagnosticDescriptors.UnknownSubstitution.Id, path, name, place, index.Stack.StackName,
                    closest is null ? "" : "; did you mean '${" + closest + "}'?"));
            }
        }
    }

    /// <summary>The names inside <c>${...}</c> in Fn::Sub text, skipping the literal form <c>${!...}</c>.</summary>
    public static IEnumerable<string> References(string text)
    {
        foreach (var reference in Occurrences(text))
        {
            yield return reference.Name;
        }
    }

    /// <summary>A name inside <c>${...}</c> and the offset of its <c>${</c>.</summary>
    private sealed record Reference(string Name, int Offset);

    private static IEnumerable<Reference> Occurrences(string text)
    {
        var at = 0;
        while ((at = text.IndexOf("${", at, System.StringComparison.Ordinal)) >= 0)
        {
            var end = text.IndexOf('}', at + 2);
            if (end < 0)
            {
                yield break;
            }

            var name = text.Substring(at + 2, end - at - 2);
            var start = at;
            at = end + 1;
            if (!name.StartsWith("!", System.StringComparison.Ordinal))
            {
                yield return new Reference(name.Trim(), start);
            }
        }
    }

    private static int LineOf(string text, int offset)
    {
        var line = 1;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }

    /// <summary>
    /// What a misspelt name most likely meant: a pseudo parameter, a resource or parameter of the stack, or, for
    /// <c>Resource.Attribute</c>, the resource's attribute (or, when the resource is misspelt, that resource with the attribute).
    /// </summary>
    private static string? Closest(StackIndex index, string name, string? variable)
    {
        var dot = name.IndexOf('.');
        if (dot < 0 || name.StartsWith("AWS::", System.StringComparison.Ordinal))
        {
            var names = new List<string>(StackPlan.PseudoParameters);
            names.AddRange(index.NameTypes.Keys);
            if (variable is not null)
            {
                names.Add(variable);
            }

            return Spelling.Closest(name, names);
        }

        var resource = name.Substring(0, dot);
        var attribute = name.Substring(dot + 1);
        if (index.NameTypes.TryGetValue(resource, out var type))
        {
            return StackPlan.Attributes.TryGetValue(type, out var attributes) && Spelling.Closest(attribute, attributes) is { } closest
                ? resource + "." + closest
                : null;
        }

        var withAttribute = index.NameTypes
            .Where(p => StackPlan.Attributes.TryGetValue(p.Value, out var attributes) && attributes.Contains(attribute))
            .Select(p => p.Key);
        return Spelling.Closest(resource, withAttribute) is { } other ? other + "." + attribute : null;
    }

    private static bool Resolves(StackIndex index, string name)
    {
        if (StackPlan.PseudoParameters.Contains(name))
        {
            return true;
        }

        var dot = name.IndexOf('.');
        if (dot < 0)
        {
            return index.NameTypes.ContainsKey(name);
        }

        var resource = name.Substring(0, dot);
        var attribute = name.Substring(dot + 1);
        return index.NameTypes.TryGetValue(resource, out var type) && StackPlan.Attributes.TryGetValue(type, out var attributes) && attributes.Contains(attribute);
    }
}
