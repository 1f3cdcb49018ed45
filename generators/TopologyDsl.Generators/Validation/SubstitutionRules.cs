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

            CheckText(index, text, "the user data of instance '" + instance.Name + "'", path, findings, StackPlan.LogicalIdVariable);
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
    private static void CheckText(StackIndex index, string text, string where, ModelPath path, List<Finding> findings, string? variable = null)
    {
        var reported = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var name in References(text))
        {
            if (name != variable && !Resolves(index, name) && reported.Add(name))
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.UnknownSubstitution.Id, path, name, where, index.Stack.StackName));
            }
        }
    }

    /// <summary>The names inside <c>${...}</c> in Fn::Sub text, skipping the literal form <c>${!...}</c>.</summary>
    public static IEnumerable<string> References(string text)
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
            at = end + 1;
            if (!name.StartsWith("!", System.StringComparison.Ordinal))
            {
                yield return name.Trim();
            }
        }
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
