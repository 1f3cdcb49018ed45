using System.Collections.Generic;
using System.Linq;
using TopologyDsl.Generators.Diagnostics;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Validation;

/// <summary>
/// Checks a stack spec. A pure function: spec and project files in, findings out, in a stable
/// order. Nothing here touches Roslyn's symbols or syntax, so rules are tested with hand-built specs.
/// </summary>
internal static class TopologyValidator
{
    public static EquatableArray<Finding> Validate(StackSpec stack, System.Func<string, string?> readFile, ValidationOptions? options = null) =>
        Validate(stack, EquatableArray<StackSpec>.Empty, readFile, options);

    /// <summary>Validates a stack that may import from <paramref name="imported"/> (the stacks it refers to, directly or through them); findings are this stack's only.</summary>
    public static EquatableArray<Finding> Validate(StackSpec stack, EquatableArray<StackSpec> imported, System.Func<string, string?> readFile, ValidationOptions? options = null)
    {
        var findings = new List<Finding>(stack.ParseFindings);

        // Past CloudFormation's quota nothing of the stack can deploy: report that once and skip
        // the per-resource rules, whose findings would only bury it (and cost time on every keystroke).
        var resources = StackPlan.ResourceCount(stack);
        if (resources > NamingRules.MaxResources)
        {
            findings.Add(NamingRules.TooManyResources(stack, resources));
            return findings.Distinct().ToEquatableArray();
        }

        var index = new StackIndex(stack, imported, readFile);
        ShapeRules.Check(index, findings);
        TagRules.Check(index, findings);
        ZoneRules.Check(index, findings);
        ReferenceRules.Check(index, findings);
        CidrRules.Check(index, findings);
        NamingRules.Check(index, findings);
        SubstitutionRules.Check(index, findings);
        SignalRules.Check(index, findings);
        SecurityRules.Check(index, findings);
        ReachabilityRules.Check(index, findings);
        EndpointRules.Check(index, findings);
        ConnectionRules.Check(index, findings);
        StackRules.Check(index, findings);
        TemplateRules.Check(index, findings);
        AvailabilityRules.Check(index, findings);
        UpdateRules.Check(index, findings);
        StateRules.Check(index, findings);
        QuotaRules.Check(index, options ?? ValidationOptions.Default, findings);
        NetworkAclRules.Check(index, options ?? ValidationOptions.Default, findings);
        Ipv6Rules.Check(index, findings);
        return findings.Distinct().ToEquatableArray();
    }

    public static EquatableArray<Finding> Validate(StackSpec stack, EquatableArray<ProjectFile> files, ValidationOptions? options = null) =>
        Validate(stack, path => StackIndex.FindFile(files, path), options);

    public static EquatableArray<Finding> Validate(StackSpec stack, EquatableArray<StackSpec> imported, EquatableArray<ProjectFile> files, ValidationOptions? options = null) =>
        Validate(stack, imported, path => StackIndex.FindFile(files, path), options);

    public static bool HasErrors(EquatableArray<Finding> findings) => findings.Any(f => DiagnosticCatalog.IsError(f.Id));
}
