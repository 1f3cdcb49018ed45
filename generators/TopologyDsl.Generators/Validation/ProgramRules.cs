using System.Collections.Generic;
using System.Linq;
using TopologyDsl.Generators.Diagnostics;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Validation;

/// <summary>A finding in one stack of the program.</summary>
internal sealed record ProgramFinding(string StackKey, Finding Finding);

/// <summary>A record some stack imports, with the stack that declares it.</summary>
internal sealed record Export(StackSpec Owner, string Record);

/// <summary>What a stack imports: the stacks, directly or through them, in key order, and their keys.</summary>
internal sealed class Imports(EquatableArray<StackSpec> stacks)
{
    public EquatableArray<StackSpec> Stacks { get; } = stacks;

    public HashSet<string> Keys { get; } = new(stacks.Select(s => s.Key), System.StringComparer.Ordinal);
}

/// <summary>
/// Rules that need every stack of the program: names that must be unique in an account and region,
/// and security groups that no stack uses.
/// The analyzer runs them at compilation end; the generator, on the collected stacks.
/// <para>
/// The values these rules keep in the framework's collections and LINQ are classes (records), not tuples: the framework's
/// generic code over reference types is precompiled and shared, while over each struct a fresh compiler process
/// (every build with the compiler server off) JIT-compiles it again.
/// </para>
/// </summary>
internal static class ProgramRules
{
    /// <summary>A name that must be unique in an account and region (an export's), where it is declared and how messages describe it.</summary>
    private sealed record UniqueName(StackSpec Owner, string Name, ModelPath Path, string Describe);

    /// <summary>A route table of the program (<c>{stack key}/{table}</c>) and a stack that declares route records in it.</summary>
    private sealed record TableRouter(string Table, StackSpec Router);

    /// <param name="readFile">Reads a project file (an instance's boot script, whose <c>${Group}</c> uses a group); null reads none.</param>
    public static IReadOnlyList<ProgramFinding> Check(IReadOnlyList<StackSpec> stacks, System.Func<string, string?>? readFile = null)
    {
        var findings = new List<ProgramFinding>();
        var ordered = stacks.OrderBy(s => s.Key, System.StringComparer.Ordinal).ToList();

        var byName = new Dictionary<string, StackSpec>(System.StringComparer.Ordinal);
        var duplicated = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var stack in ordered)
        {
            if (byName.TryGetValue(stack.StackName, out var first))
            {
                duplicated.Add(stack.StackName);
                findings.Add(new ProgramFinding(stack.Key, Finding.Create(DiagnosticDescriptors.DuplicateStackName.Id, ModelPath.Stack.Child("name"), stack.StackName, first.ClassName)));
            }
            else
            {
                byName.Add(stack.StackName, stack);
            }
        }

        // The generated exports first (they cannot clash with each other: a record's name has no hyphen), then
        // the user's, so a clash is reported at the export the user wrote.
        var named = new List<UniqueName>();
        foreach (var (owner, record) in Exports(ordered))
        {
            if (!duplicated.Contains(owner.StackName))
            {
                named.Add(new UniqueName(owner, StackPlan.ExportName(owner.StackName, record), ModelPath.Resource(record), "'" + owner.ClassName + "." + record + "'"));
            }
        }

        foreach (var stack in ordered)
        {
            for (var i = 0; i < stack.Outputs.Count; i++)
            {
                if (stack.Outputs[i].Export is { Length: > 0 } export)
                {
                    named.Add(new UniqueName(stack, export, ModelPath.Stack.Item("output", i).Child("export"), "output '" + stack.Outputs[i].Name + "' of " + stack.ClassName));
                }
            }
        }

        var exports = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var (owner, name, path, describe) in named)
        {
            if (exports.TryGetValue(name, out var first))
            {
                findings.Add(new ProgramFinding(owner.Key, Finding.Create(DiagnosticDescriptors.DuplicateExportName.Id, path, name, describe, first)));
            }
            else
            {
                exports.Add(name, describe);
            }
        }

        findings.AddRange(SecurityRules.UnusedGroups(ordered, readFile));
        return findings;
    }

    /// <summary>
    /// Conflicts between stacks that do not see each other: two application stacks that both import
    /// the network stack's VPC and declare overlapping subnets in it, or the same address, or
    /// associate one of its subnets. Each stack is validated once more with the unrelated stacks
    /// ordered before it (and what they import); what that adds is reported in this stack. The
    /// region-wide quotas (TDSL311, TDSL312) are counted over every stack of the program that deploys to
    /// the same region, related or not (<see cref="QuotaRules.CheckRegion"/>, in one linear pass). Run by the
    /// analyzer at compilation end; the generator leaves it out (it would re-validate every such stack
    /// on every edit, and the analyzer's error fails the build anyway). <paramref name="validated"/>
    /// gives the findings of a validation already made with the same stacks (the analyzer's symbol
    /// action validated each stack with what it imports), or null, so that one is not made twice.
    /// <para>
    /// Of those earlier stacks, the stack is validated with only the records that can meet its own
    /// (<see cref="Anchors"/>): the records that hang, through their references, from a record of an
    /// imported stack that this stack's records hang from. Two application stacks in one VPC of the
    /// network stack see each other's records in it; two in different VPCs that only route to the same
    /// transit gateway see nothing of each other, so a program of many application stacks spread over
    /// the network stack's VPCs costs each stack what shares its VPC, not every stack before it.
    /// </para>
    /// </summary>
    public static IReadOnlyList<ProgramFinding> CheckSiblings(IReadOnlyList<StackSpec> stacks, System.Func<string, string?> readFile, ValidationOptions? options = null,
        System.Func<StackSpec, EquatableArray<StackSpec>, EquatableArray<Finding>?>? validated = null)
    {
        var findings = new List<ProgramFinding>();
        var (ordered, byKey) = Distinct(stacks);
        var imported = ordered.ToDictionary(s => s.Key, s => new Imports(Imported(s, byKey)), System.StringComparer.Ordinal);
        var position = new Dictionary<string, int>(System.StringComparer.Ordinal);
        for (var i = 0; i < ordered.Count; i++)
        {
            position[ordered[i].Key] = i;
        }
        var importers = new Dictionary<string, List<string>>(System.StringComparer.Ordinal);
        foreach (var stack in ordered)
        {
            foreach (var key in imported[stack.Key].Keys)
            {
                if (!importers.TryGetValue(key, out var list))
                {
                    importers.Add(key, list = []);
                }

                list.Add(stack.Key);
            }
        }

        var anchors = new Anchors(ordered, byKey);
        for (var i = 0; i < ordered.Count; i++)
        {
            var stack = ordered[i];
            var own = imported[stack.Key].Stacks;
            if (own.Count == 0)
            {
                continue;
            }

            // Earlier stacks unrelated to this one that share something it imports: only they (and what they import) can conflict with it.
            var ownKeys = imported[stack.Key].Keys;
            bool IsSibling(string key) =>
                position[key] < position[stack.Key] && !ownKeys.Contains(key) && !imported[key].Keys.Contains(stack.Key) && imported[key].Keys.Overlaps(ownKeys);
            bool InView(string key) =>
                key != stack.Key && !ownKeys.Contains(key)
                && (IsSibling(key) || (importers.TryGetValue(key, out var by) && by.Any(IsSibling)));

            // Of those, only the records that hang from a record of an imported stack this stack's records hang from.
            var kept = anchors.Meeting(stack, own).Where(r => InView(anchors.OwnerOf(r).Key)).ToList();
            if (kept.Count == 0)
            {
                // Nothing of theirs can meet this stack: validating with them would find what its own pass found.
                continue;
            }

            var keep = new HashSet<ResourceSpec>(kept, ReferenceComparer.Instance);
            var wider = own.Concat(kept.Select(r => anchors.OwnerOf(r)).Distinct()
                    .Select(t => t with { Resources = t.Resources.Where(keep.Contains).ToEquatableArray() }))
                .OrderBy(o => o.Key, System.StringComparer.Ordinal).ToEquatableArray();
            var before = new HashSet<Finding>(validated?.Invoke(stack, own) ?? TopologyValidator.Validate(stack, own, readFile, options));
            var quotasBroken = new HashSet<string>(before.Select(QuotaRules.QuotaOf).OfType<string>(), System.StringComparer.Ordinal);
            foreach (var finding in TopologyValidator.Validate(stack, wider, readFile, options))
            {
                // A quota the stack breaks with what it imports alone was reported by its own pass (live, in the
                // symbol action), with that count and at its record past the quota. The siblings only raise the
                // count and move the record past the quota earlier, so that finding would come back as a second
                // one for the same excess; it is left out, and the stack's own count is the one reported: it is
                // what shows while the stack is edited, it does not change when an unrelated stack does, and a
                // compilation-end action cannot withdraw the live diagnostic to put a program-wide count in its
                // place. A quota broken only together with the siblings is new here, and reported with their count.
                // The region-wide quotas are counted per region over the whole program below.
                if (!before.Contains(finding) && !QuotaRules.IsRegionWide(finding) && (QuotaRules.QuotaOf(finding) is not { } quota || !quotasBroken.Contains(quota)))
                {
                    findings.Add(new ProgramFinding(stack.Key, finding));
                }
            }
        }

        findings.AddRange(QuotaRules.CheckRegion(DeployOrder(ordered, byKey), imported, options ?? ValidationOptions.Default));
        return findings;
    }

    /// <summary>
    /// Which records of the program can meet which. A record hangs from what it refers to, and from what that
    /// refers to (a subnet from its VPC, an instance from its subnet, groups and their VPC), except through a
    /// route's target: a route decides where traffic from its table's subnets goes, which matters to those
    /// subnets only, so two stacks that route to one transit gateway or NAT gateway do not meet there (a table
    /// that associates another stack's subnet hangs from that subnet). Every rule that sets one stack's record
    /// against another's compares records that hang from a common one: subnets and endpoints of one VPC,
    /// addresses of one subnet, associations of one subnet, attachments of one transit gateway, paths through
    /// the subnets, tables and ACLs of the instances this stack names or imports. A stack's side is taken wider:
    /// every reference counts, route targets and the instances of the stacks it imports included.
    /// </summary>
    private sealed class Anchors
    {
        private readonly Dictionary<ResourceSpec, StackSpec> _owner = new(ReferenceComparer.Instance);
        private readonly Dictionary<ResourceSpec, int> _order = new(ReferenceComparer.Instance);
        private readonly Dictionary<ResourceSpec, List<Edge>> _edges = new(ReferenceComparer.Instance);
        private readonly Dictionary<ResourceSpec, List<ResourceSpec>> _holders = new(ReferenceComparer.Instance);
        private readonly Dictionary<string, Dictionary<string, ResourceSpec>> _names = new(System.StringComparer.Ordinal);

        public Anchors(IReadOnlyList<StackSpec> ordered, IReadOnlyDictionary<string, StackSpec> byKey)
        {
            foreach (var stack in ordered)
            {
                var names = new Dictionary<string, ResourceSpec>(System.StringComparer.Ordinal);
                foreach (var resource in stack.Resources)
                {
                    _owner[resource] = stack;
                    _order[resource] = _order.Count;
                    if (!names.ContainsKey(resource.Name))
                    {
                        names.Add(resource.Name, resource);
                    }
                }

                _names.Add(stack.Key, names);
            }

            foreach (var stack in ordered)
            {
                foreach (var reference in StackPlan.References(stack))
                {
                    if (Resolve(stack, reference.Target) is { } target)
                    {
                        if (!_edges.TryGetValue(reference.Owner, out var edges))
                        {
                            _edges.Add(reference.Owner, edges = []);
                        }

                        edges.Add(new Edge(target, IsRouteTarget(reference)));
                    }
                }
            }

            // Each record under the records of other stacks it hangs from (route targets left out), found once.
            var memo = new Dictionary<ResourceSpec, HashSet<ResourceSpec>>(ReferenceComparer.Instance);
            foreach (var stack in ordered)
            {
                foreach (var resource in stack.Resources)
                {
                    foreach (var anchor in Up(resource, routes: false, memo))
                    {
                        if (!ReferenceEquals(_owner[anchor], stack))
                        {
                            if (!_holders.TryGetValue(anchor, out var holders))
                            {
                                _holders.Add(anchor, holders = []);
                            }

                            holders.Add(resource);
                        }
                    }
                }
            }
        }

        /// <summary>A reference from one record to <paramref name="Target"/>, and whether it is a route's target.</summary>
        private sealed record Edge(ResourceSpec Target, bool Route);

        public StackSpec OwnerOf(ResourceSpec resource) => _owner[resource];

        /// <summary>The records of other stacks, in program order, that hang from a record of <paramref name="own"/> that <paramref name="stack"/>'s records hang from.</summary>
        public IEnumerable<ResourceSpec> Meeting(StackSpec stack, EquatableArray<StackSpec> own)
        {
            var memo = new Dictionary<ResourceSpec, HashSet<ResourceSpec>>(ReferenceComparer.Instance);
            var from = new HashSet<ResourceSpec>(ReferenceComparer.Instance);
            var starts = stack.Resources.AsEnumerable()
                .Concat(stack.Intents.SelectMany(i => new[] { i.From, i.To }).OfType<RefSpec>().Select(r => Resolve(stack, r)).OfType<ResourceSpec>())
                .Concat(own.SelectMany(o => o.Resources.OfType<InstanceSpec>()));
            foreach (var start in starts)
            {
                if (!ReferenceEquals(_owner.TryGetValue(start, out var owner) ? owner : null, stack))
                {
                    from.Add(start);
                }

                from.UnionWith(Up(start, routes: true, memo));
            }

            var met = new HashSet<ResourceSpec>(ReferenceComparer.Instance);
            foreach (var anchor in from)
            {
                if (_holders.TryGetValue(anchor, out var holders))
                {
                    met.UnionWith(holders.Where(h => !ReferenceEquals(_owner[h], stack)));
                }
            }

            return met.OrderBy(r => _owner[r].Key, System.StringComparer.Ordinal).ThenBy(r => _order[r]);
        }

        /// <summary>Every record <paramref name="resource"/> hangs from, itself left out (through route targets too when <paramref name="routes"/>).</summary>
        private HashSet<ResourceSpec> Up(ResourceSpec resource, bool routes, Dictionary<ResourceSpec, HashSet<ResourceSpec>> memo)
        {
            if (memo.TryGetValue(resource, out var known))
            {
                return known;
            }

            var result = new HashSet<ResourceSpec>(ReferenceComparer.Instance);
            memo.Add(resource, result); // a reference cycle ends here
            if (_edges.TryGetValue(resource, out var edges))
            {
                foreach (var (target, route) in edges)
                {
                    if ((routes || !route) && !ReferenceEquals(target, resource))
                    {
                        result.Add(target);
                        result.UnionWith(Up(target, routes, memo));
                    }
                }
            }

            result.Remove(resource);
            return result;
        }

        private ResourceSpec? Resolve(StackSpec from, RefSpec reference) =>
            !reference.IsError && _names.TryGetValue(reference.Stack ?? from.Key, out var names) && names.TryGetValue(reference.Name, out var target) ? target : null;

        private static bool IsRouteTarget(StackPlan.Reference reference) => reference.Owner switch
        {
            RouteTableSpec t => t.Routes.Any(r => ReferenceEquals(r.Target, reference.Target)),
            RouteResourceSpec r => ReferenceEquals(r.Route.Target, reference.Target),
            TransitGatewayRouteTableSpec t => t.Routes.Any(r => ReferenceEquals(r.Attachment, reference.Target)),
            _ => false,
        };
    }

    /// <summary>
    /// The stacks (given in key order) with each after the stacks it imports, as they deploy, and otherwise in key
    /// order: a network stack before the application stacks on it, whatever their names. An import cycle (itself
    /// an error, TDSL227) is cut where it closes.
    /// </summary>
    private static List<StackSpec> DeployOrder(IReadOnlyList<StackSpec> ordered, IReadOnlyDictionary<string, StackSpec> byKey)
    {
        var result = new List<StackSpec>(ordered.Count);
        var visited = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var stack in ordered)
        {
            Visit(stack);
        }

        return result;

        void Visit(StackSpec stack)
        {
            if (!visited.Add(stack.Key))
            {
                return;
            }

            foreach (var key in StackPlan.ImportedStacks(stack).OrderBy(k => k, System.StringComparer.Ordinal))
            {
                if (byKey.TryGetValue(key, out var other))
                {
                    Visit(other);
                }
            }

            result.Add(stack);
        }
    }

    /// <summary>Every record some stack imports, with the stack that declares it, ordered by stack key and record name.</summary>
    public static IEnumerable<Export> Exports(IReadOnlyList<StackSpec> stacks)
    {
        var byKey = stacks.GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.First(), System.StringComparer.Ordinal);
        // Each record once: a record's name has no '/', so "{stack key}/{name}" names one record.
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        var exports = new List<Export>();
        foreach (var stack in stacks)
        {
            foreach (var reference in StackPlan.References(stack))
            {
                if (reference.Target is { Stack: { } key, IsError: false } target && key != stack.Key
                    && byKey.TryGetValue(key, out var owner) && seen.Add(key + "/" + target.Name))
                {
                    exports.Add(new Export(owner, target.Name));
                }
            }
        }

        return exports.OrderBy(e => e.Owner.Key, System.StringComparer.Ordinal).ThenBy(e => e.Record, System.StringComparer.Ordinal);
    }

    /// <summary>
    /// For each route table of the program (<c>{stack key}/{table}</c>), the other stacks that declare route
    /// records ([Route&lt;TRouteTable, TTarget&gt;]) in it, each once, in key order.
    /// </summary>
    public static ILookup<string, StackSpec> RoutersByTable(IReadOnlyList<StackSpec> stacks, IReadOnlyDictionary<string, StackSpec> byKey)
    {
        var tablesOf = new Dictionary<string, HashSet<string>>(System.StringComparer.Ordinal); // by router key, each table once
        var routers = new List<TableRouter>();
        foreach (var stack in stacks)
        {
            foreach (var route in stack.Resources.OfType<RouteResourceSpec>())
            {
                if (route.RouteTable is { Stack: { } key, IsError: false } table && key != stack.Key
                    && byKey.TryGetValue(key, out var owner) && owner.Resources.Any(t => t is RouteTableSpec && t.Name == table.Name))
                {
                    if (!tablesOf.TryGetValue(stack.Key, out var tables))
                    {
                        tablesOf.Add(stack.Key, tables = new HashSet<string>(System.StringComparer.Ordinal));
                    }

                    if (tables.Add(key + "/" + table.Name))
                    {
                        routers.Add(new TableRouter(key + "/" + table.Name, stack));
                    }
                }
            }
        }

        return routers.OrderBy(p => p.Router.Key, System.StringComparer.Ordinal).ToLookup(p => p.Table, p => p.Router, System.StringComparer.Ordinal);
    }

    /// <summary>
    /// For each subnet of the program (<c>{stack key}/{subnet}</c>), the other stacks that declare a route table
    /// associating it (<c>[RouteTable&lt;Network.Vpc&gt;, Associate&lt;Network.AppSubnet&gt;]</c> in a stack that imports the
    /// network stack), each once, in key order. The subnet's own stack never sees such a table, yet once that stack
    /// deploys it is the subnet's route table (<see cref="Routing"/>).
    /// </summary>
    public static ILookup<string, StackSpec> AssociatorsBySubnet(IReadOnlyList<StackSpec> stacks, IReadOnlyDictionary<string, StackSpec> byKey)
    {
        var associations = new List<KeyValuePair<string, StackSpec>>();
        foreach (var stack in stacks.OrderBy(s => s.Key, System.StringComparer.Ordinal))
        {
            var subnets = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var table in stack.Resources.OfType<RouteTableSpec>())
            {
                foreach (var subnet in table.Associations)
                {
                    if (subnet is { Stack: { } key, IsError: false } && key != stack.Key && byKey.TryGetValue(key, out var owner)
                        && owner.Resources.Any(r => r is SubnetSpec && r.Name == subnet.Name) && subnets.Add(key + "/" + subnet.Name))
                    {
                        associations.Add(new KeyValuePair<string, StackSpec>(key + "/" + subnet.Name, stack));
                    }
                }
            }
        }

        return associations.ToLookup(a => a.Key, a => a.Value, System.StringComparer.Ordinal);
    }

    /// <summary>
    /// What <paramref name="stack"/> needs to see the routes other stacks add to the route tables its paths take:
    /// its own tables, and the tables (of it or of a stack it imports from) of the subnets its instances are in,
    /// an imported subnet's included. That is the stacks that declare route records in those tables
    /// (<see cref="RoutersByTable"/>) and the stacks they import from (which their records refer to), leaving out
    /// the stack itself and those it imports from already, in key order. Empty for a stack whose paths meet no
    /// other stack's route record, so its input stays what it was; a spoke that only imports a hub's VPC does not
    /// get the other spokes that route into the hub's tables.
    /// <para>
    /// A subnet of the stack, or of its instances, that no table of the stack or of the stacks it imports from
    /// associates takes the table of another stack that associates it (<paramref name="associators"/>,
    /// <see cref="AssociatorsBySubnet"/>), once that stack deploys: those stacks count too (with what they import),
    /// and their tables among those whose route records count. A subnet that the stack's own view associates keeps
    /// that table: AWS gives a subnet one route table (a second association is TDSL206, in the stack that makes it).
    /// </para>
    /// </summary>
    public static EquatableArray<StackSpec> Routing(StackSpec stack, EquatableArray<StackSpec> imported, ILookup<string, StackSpec> routers,
        ILookup<string, StackSpec> associators, IReadOnlyDictionary<string, StackSpec> byKey)
    {
        if (routers.Count == 0 && associators.Count == 0)
        {
            return EquatableArray<StackSpec>.Empty;
        }

        var tables = new HashSet<string>(stack.Resources.OfType<RouteTableSpec>().Select(t => stack.Key + "/" + t.Name), System.StringComparer.Ordinal);
        var subnets = new HashSet<string>(stack.Resources.OfType<InstanceSpec>().Select(i => KeyOf(stack.Key, i.Subnet)).OfType<string>(), System.StringComparer.Ordinal);
        var associated = new HashSet<string>(System.StringComparer.Ordinal);
        if (subnets.Count > 0 || associators.Count > 0)
        {
            foreach (var seen in new[] { stack }.Concat(imported))
            {
                foreach (var table in seen.Resources.OfType<RouteTableSpec>())
                {
                    foreach (var subnet in table.Associations.Select(a => KeyOf(seen.Key, a)).OfType<string>())
                    {
                        associated.Add(subnet);
                        if (subnets.Contains(subnet))
                        {
                            tables.Add(seen.Key + "/" + table.Name);
                        }
                    }
                }
            }
        }

        var known = new HashSet<string>(imported.Select(s => s.Key), System.StringComparer.Ordinal) { stack.Key };
        var result = new Dictionary<string, StackSpec>(System.StringComparer.Ordinal);
        if (associators.Count > 0)
        {
            subnets.UnionWith(stack.Resources.OfType<SubnetSpec>().Select(s => stack.Key + "/" + s.Name));
            foreach (var subnet in subnets.Where(s => !associated.Contains(s)))
            {
                foreach (var associator in associators[subnet])
                {
                    tables.UnionWith(associator.Resources.OfType<RouteTableSpec>()
                        .Where(t => t.Associations.Any(a => KeyOf(associator.Key, a) == subnet)).Select(t => associator.Key + "/" + t.Name));
                    Add(associator);
                }
            }
        }

        foreach (var table in tables)
        {
            foreach (var router in routers[table])
            {
                Add(router);
            }
        }

        return result.Values.OrderBy(s => s.Key, System.StringComparer.Ordinal).ToEquatableArray();

        // A stack whose records change the stack's paths, and the stacks it imports from, unless seen already.
        void Add(StackSpec other)
        {
            foreach (var seen in new[] { other }.Concat(Imported(other, byKey)))
            {
                if (!known.Contains(seen.Key) && !result.ContainsKey(seen.Key))
                {
                    result.Add(seen.Key, seen);
                }
            }
        }
    }

    /// <summary>A record's program-wide key (<c>{stack key}/{name}</c>) from a reference written in the stack <paramref name="writtenIn"/>, or null when it names no record.</summary>
    private static string? KeyOf(string writtenIn, RefSpec reference) =>
        reference.IsError ? null : reference.InStack ? writtenIn + "/" + reference.Name : reference.Stack is { } key ? key + "/" + reference.Name : null;

    /// <summary>
    /// The findings each stack gets only from the routes other stacks add to the route tables its paths
    /// take (<see cref="Routing"/>): its intent and its instances' paths (reachability, the internet-facing check,
    /// Session Manager's way out; <see cref="TopologyValidator.Routed"/>) checked with those routes, less what its
    /// own validation (with the stacks it imports) found already at the same place (<see cref="TopologyValidator.Beyond"/>). Run by the analyzer at compilation end, since
    /// the stack's own analysis does not see the stacks that route into it; the generator validates each stack
    /// with them (<see cref="TopologyValidator.Validate(StackSpec, EquatableArray{StackSpec}, System.Func{string, string?}, ValidationOptions?, EquatableArray{StackSpec})"/>),
    /// so both report the same. <paramref name="validated"/> is as in <see cref="CheckSiblings"/>.
    /// </summary>
    public static IReadOnlyList<ProgramFinding> CheckRouted(IReadOnlyList<StackSpec> stacks, System.Func<string, string?> readFile, ValidationOptions? options = null,
        System.Func<StackSpec, EquatableArray<StackSpec>, EquatableArray<Finding>?>? validated = null)
    {
        var findings = new List<ProgramFinding>();
        var (ordered, byKey) = Distinct(stacks);
        var routers = RoutersByTable(ordered, byKey);
        var associators = AssociatorsBySubnet(ordered, byKey);
        foreach (var stack in ordered)
        {
            var imported = Imported(stack, byKey);
            var routing = Routing(stack, imported, routers, associators, byKey);
            if (routing.Count == 0 || StackPlan.ResourceCount(stack) > NamingRules.MaxResources)
            {
                continue;
            }

            var before = validated?.Invoke(stack, imported) ?? TopologyValidator.Validate(stack, imported, readFile, options);
            foreach (var finding in TopologyValidator.Beyond(before, TopologyValidator.Routed(stack, imported, routing, readFile)))
            {
                findings.Add(new ProgramFinding(stack.Key, finding));
            }
        }

        return findings;
    }

    /// <summary>The program's stacks, one per key (a key met twice keeps its first), in key order, and by key.</summary>
    private static (List<StackSpec> Ordered, Dictionary<string, StackSpec> ByKey) Distinct(IReadOnlyList<StackSpec> stacks)
    {
        var ordered = stacks.GroupBy(s => s.Key).Select(g => g.First()).OrderBy(s => s.Key, System.StringComparer.Ordinal).ToList();
        return (ordered, ordered.ToDictionary(s => s.Key, System.StringComparer.Ordinal));
    }

    /// <summary>The stacks <paramref name="stack"/> imports from, directly or through them, in key order (never the stack itself).</summary>
    public static EquatableArray<StackSpec> Imported(StackSpec stack, IReadOnlyDictionary<string, StackSpec> byKey)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal) { stack.Key };
        var queue = new Queue<StackSpec>();
        queue.Enqueue(stack);
        var result = new List<StackSpec>();
        while (queue.Count > 0)
        {
            foreach (var key in StackPlan.ImportedStacks(queue.Dequeue()))
            {
                if (seen.Add(key) && byKey.TryGetValue(key, out var other))
                {
                    result.Add(other);
                    queue.Enqueue(other);
                }
            }
        }

        return result.OrderBy(s => s.Key, System.StringComparer.Ordinal).ToEquatableArray();
    }
}
