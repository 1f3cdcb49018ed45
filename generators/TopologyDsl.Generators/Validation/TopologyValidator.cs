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

    /// <summary>
    /// Validates a stack that may import from <paramref name="imported"/> (the stacks it refers to, directly or
    /// through them); findings are this stack's only. <paramref name="routing"/>: the stacks that declare route
    /// records in the route tables this stack's paths take (its own, its instances' subnets'), with what they import (<see cref="ProgramRules.Routing"/>); the
    /// reachability rules run once more with them (<see cref="RoutedReachability"/>), so the stack's intent and
    /// its instances' paths are also checked with the routes others add to those tables.
    /// </summary>
    public static EquatableArray<Finding> Validate(StackSpec stack, EquatableArray<StackSpec> imported, System.Func<string, string?> readFile, ValidationOptions? options = null,
        EquatableArray<StackSpec> routing = default)
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
        LiteralTextRules.Check(index, findings);
        SignalRules.Check(index, findings);
        SecurityRules.Check(index, findings);
        ReachabilityRules.Check(index, findings);
        if (routing.Count > 0)
        {
            findings.AddRange(RoutedReachability(stack, imported, routing, readFile));
        }

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

    /// <summary>
    /// The reachability rules' findings for the stack seen with <paramref name="routing"/> besides what it imports:
    /// the routes other stacks add to the tables its paths take count, and their instances can be the other end of a path.
    /// The stack deploys before those stacks, so what its own view finds (the stack alone) stands too: a
    /// validation reports both, once each.
    /// </summary>
    public static List<Finding> RoutedReachability(StackSpec stack, EquatableArray<StackSpec> imported, EquatableArray<StackSpec> routing, System.Func<string, string?> readFile)
    {
        var findings = new List<Finding>();
        ReachabilityRules.Check(new StackIndex(stack, StackIndex.Wider(imported, routing), readFile), findings);
        return findings;
    }

    public static EquatableArray<Finding> Validate(StackSpec stack, EquatableArray<ProjectFile> files, ValidationOptions? options = null) =>
        Validate(stack, path => StackIndex.FindFile(files, path), options);

    public static EquatableArray<Finding> Validate(StackSpec stack, EquatableArray<StackSpec> imported, EquatableArray<ProjectFile> files, ValidationOptions? options = null,
        EquatableArray<StackSpec> routing = default) =>
        Validate(stack, imported, path => StackIndex.FindFile(files, path), options, routing);

    public static bool HasErrors(EquatableArray<Finding> findings) => findings.Any(f => DiagnosticCatalog.IsError(f.Id));
}
