using System.Collections.Generic;
using System.Linq;
using TopologyDsl.Generators.Diagnostics;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Validation;

/// <summary>Logical IDs and CloudFormation's quotas on a template.</summary>
internal static class NamingRules
{
    // CloudFormation quotas (AWS CloudFormation User Guide, "Understand CloudFormation quotas").
    public const int MaxResources = 500;
    public const int MaxParameters = 200;
    public const int MaxOutputs = 200;
    public const int MaxLogicalIdLength = 255;

    public static bool IsValidLogicalId(string id)
    {
        if (id.Length == 0 || id.Length > MaxLogicalIdLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            {
                return false;
            }
        }

        return true;
    }

    public static void Check(StackIndex index, List<Finding> findings)
    {
        CheckNames(index.Names, findings);
        CheckNames(index.Outputs, findings);

        var stack = ModelPath.Stack.Child("name");
        var parameters = index.Names.Count(n => n.CfnType == "Parameter");
        var resources = index.Names.Count - parameters;
        if (resources > MaxResources)
        {
            findings.Add(TooManyResources(index.Stack, resources));
        }

        if (parameters > MaxParameters)
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.TooManyParameters.Id, stack, index.Stack.StackName, Invariant.Format(parameters)));
        }

        if (index.Outputs.Count > MaxOutputs)
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.TooManyOutputs.Id, stack, index.Stack.StackName, Invariant.Format(index.Outputs.Count)));
        }
    }

    /// <summary>TDSL302, on the stack's name.</summary>
    public static Finding TooManyResources(StackSpec stack, int resources) =>
        Finding.Create(DiagnosticDescriptors.TooManyResources.Id, ModelPath.Stack.Child("name"), stack.StackName, Invariant.Format(resources));

    private static void CheckNames(List<PlannedName> names, List<Finding> findings)
    {
        var seen = new Dictionary<string, PlannedName>(System.StringComparer.Ordinal);
        var invalidOwners = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!IsValidLogicalId(name.LogicalId))
            {
                // One finding per record: its derived names are invalid for the same reason.
                if (invalidOwners.Add(RecordOf(name.Owner)))
                {
                    findings.Add(Finding.Create(DiagnosticDescriptors.InvalidLogicalId.Id, name.Owner, name.LogicalId));
                }

                continue;
            }

            if (seen.TryGetValue(name.LogicalId, out var first))
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.DuplicateLogicalId.Id, name.Owner, first.Owner, name.LogicalId, name.Describe, first.Describe));
            }
            else
            {
                seen.Add(name.LogicalId, name);
            }
        }
    }

    private static string RecordOf(ModelPath path)
    {
        var slash = path.Value.IndexOf('/');
        return slash < 0 || path.Value.StartsWith(ModelPath.StackSegment, System.StringComparison.Ordinal) ? path.Value : path.Value.Substring(0, slash);
    }
}
