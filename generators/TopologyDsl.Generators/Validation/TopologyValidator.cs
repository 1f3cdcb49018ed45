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
    /// records in the route tables this stack's paths take (its own, its instances' subnets') or associate its subnets with tables of their own, with what they import (<see cref="ProgramRules.Routing"/>); the
    /// rules that read those paths (reachability, the internet-facing check of security, Session Manager's way
    /// out, a private subnet routed to an internet gateway) run once more with them (<see cref="Routed"/>), so they also count the routes others add to those tables.
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
        CheckRules(index, options ?? ValidationOptions.Default, findings);
        if (routing.Count > 0)
        {
            findings.AddRange(Beyond(findings, Routed(stack, imported, routing, readFile)));
        }

        return findings.Distinct().ToEquatableArray();
    }

    /// <summary>Every rule of a stack's own view, in the order findings are reported; <see cref="Validate(StackSpec, EquatableArray{StackSpec}, System.Func{string, string?}, ValidationOptions?, EquatableArray{StackSpec})"/> calls it after its stop at the quota.</summary>
    internal static void CheckRules(StackIndex index, ValidationOptions options, List<Finding> findings)
    {
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
        EndpointRules.Check(index, findings);
        ConnectionRules.Check(index, findings);
        StackRules.Check(index, findings);
        TemplateRules.Check(index, findings);
        AvailabilityRules.Check(index, findings);
        UpdateRules.Check(index, findings);
        StateRules.Check(index, findings);
        QuotaRules.Check(index, options, findings);
        NetworkAclRules.Check(index, options, findings);
        Ipv6Rules.Check(index, findings);
    }

    /// <summary>
    /// The findings of the rules that read the paths of the stack's instances, for the stack seen with <paramref name="routing"/>
    /// besides what it imports: the routes other stacks add to the tables its paths take count, and their instances can
    /// be the other end of a path. They are the reachability rules, the security rule that asks whether an instance faces
    /// the internet (<see cref="SecurityRules.CheckPaths"/>), the endpoint rule that asks whether a Session Manager
    /// instance has a way out (<see cref="EndpointRules.CheckPaths"/>), and the rules that a private subnet's table sends
    /// no IPv4 (<see cref="ReferenceRules.CheckPaths"/>) or IPv6 (<see cref="Ipv6Rules.CheckPaths"/>) destination to an
    /// internet gateway; the other rules read the stack's records, which those routes do not change, or report a route
    /// that is missing, which those routes could only supply (each family says why its own view stands there). The
    /// stack deploys before those stacks, so what its own view finds (the stack alone) stands too: a validation reports
    /// both (<see cref="Beyond"/>).
    /// </summary>
    public static List<Finding> Routed(StackSpec stack, EquatableArray<StackSpec> imported, EquatableArray<StackSpec> routing, System.Func<string, string?> readFile)
    {
        var findings = new List<Finding>();
        var index = new StackIndex(stack, imported, routing, readFile);
        ReachabilityRules.Check(index, findings);
        SecurityRules.CheckPaths(index, findings);
        EndpointRules.CheckPaths(index, findings);
        ReferenceRules.CheckPaths(index, findings);
        Ipv6Rules.CheckPaths(index, findings);
        return findings;
    }

    /// <summary>
    /// The findings of <paramref name="routed"/> (<see cref="Routed"/>) that the stack's own view (<paramref name="own"/>) does
    /// not make at the same place: each rule is reported once where it breaks, with what the stack alone finds when both
    /// views break it (the message may differ: "no route toward 0.0.0.0/0" alone, "no public IP" with another stack's route
    /// to an internet gateway). The analyzer reports the stack's own view live and this difference on build.
    /// </summary>
    public static IEnumerable<Finding> Beyond(IEnumerable<Finding> own, IEnumerable<Finding> routed)
    {
        var places = new HashSet<string>(own.Select(Place), System.StringComparer.Ordinal);
        return routed.Where(f => places.Add(Place(f))).ToList();
    }

    /// <summary>A finding's rule and place, as a key (a string, not a tuple: see <see cref="ModelPath"/>): what <see cref="Beyond"/> reports once.</summary>
    public static string Place(Finding finding) => finding.Id + " " + finding.Path.Value;

    public static EquatableArray<Finding> Validate(StackSpec stack, EquatableArray<ProjectFile> files, ValidationOptions? options = null) =>
        Validate(stack, path => StackIndex.FindFile(files, path), options);

    public static EquatableArray<Finding> Validate(StackSpec stack, EquatableArray<StackSpec> imported, EquatableArray<ProjectFile> files, ValidationOptions? options = null,
        EquatableArray<StackSpec> routing = default) =>
        Validate(stack, imported, path => StackIndex.FindFile(files, path), options, routing);

    public static bool HasErrors(EquatableArray<Finding> findings) => findings.Any(f => DiagnosticCatalog.IsError(f.Id));
}
