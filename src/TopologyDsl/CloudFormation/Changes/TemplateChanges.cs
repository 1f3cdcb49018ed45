using System;
using System.Collections.Generic;
using System.Linq;

namespace TopologyDsl.CloudFormation.Changes;

/// <summary>What a stack update does to one resource, worst first.</summary>
public enum ResourceAction
{
    /// <summary>Created.</summary>
    Add,

    /// <summary>Deleted.</summary>
    Remove,

    /// <summary>Deleted and created anew: a new physical resource with a new identifier.</summary>
    Replace,

    /// <summary>Replaced or not, depending on values known only at deploy time.</summary>
    MayReplace,

    /// <summary>Updated in place with some interruption (an instance is stopped and started).</summary>
    Interrupt,

    /// <summary>Updated in place without interruption.</summary>
    Update,
}

/// <summary>What one changed property does to its resource.</summary>
public enum ChangeEffect
{
    /// <summary>Updated in place without interruption.</summary>
    Update,

    /// <summary>Updated in place with some interruption.</summary>
    Interrupt,

    /// <summary>Replaces the resource when the value CloudFormation resolves at deploy time differs.</summary>
    MayReplace,

    /// <summary>Replaces the resource.</summary>
    Replace,
}

/// <summary>One changed value at a path such as <c>Properties.NetworkInterfaces[0].PrivateIpAddress</c>.</summary>
/// <param name="Path">Where the value is, from the resource (or parameter, output) down.</param>
/// <param name="Before">The committed value; null when the value is new.</param>
/// <param name="After">The value the code produces; null when the value is gone.</param>
/// <param name="Effect">What the change does to the resource.</param>
/// <param name="Reason">Why it has that effect, when that is not plain (create-only, a replaced reference, a documented interruption).</param>
public sealed record PropertyChange(string Path, TemplateNode? Before, TemplateNode? After, ChangeEffect Effect, string? Reason);

/// <summary>A resource the update adds, removes or changes.</summary>
/// <param name="LogicalId">The resource's logical ID.</param>
/// <param name="Type">Its CloudFormation type (the new one when the type changed).</param>
/// <param name="Action">What the update does to it.</param>
/// <param name="DataLoss">What data is lost when the resource is removed or replaced (its volumes, a secret's value, log events), else null.</param>
/// <param name="Changes">The changed values, in template order.</param>
/// <param name="Warning">Why the update is likely to fail on this resource (a replaced instance that keeps its fixed address, a replaced subnet that keeps its block), else null.</param>
public sealed record ResourceChange(string LogicalId, string Type, ResourceAction Action, string? DataLoss, IReadOnlyList<PropertyChange> Changes, string? Warning = null)
{
    /// <summary>Whether the update deletes a physical resource (removal or replacement, possibly).</summary>
    public bool Deletes => Action is ResourceAction.Remove or ResourceAction.Replace or ResourceAction.MayReplace;
}

/// <summary>A parameter, output or top-level entry (Description) that the update adds, removes or changes.</summary>
/// <param name="Section">Parameters, Outputs or the top-level key.</param>
/// <param name="Name">The parameter's or output's name; the key for a top-level entry.</param>
/// <param name="Kind">added, removed or modified.</param>
/// <param name="Changes">The changed values (for modified entries).</param>
public sealed record EntryChange(string Section, string Name, string Kind, IReadOnlyList<PropertyChange> Changes);

/// <summary>What the update does to an export of the committed template.</summary>
public enum ExportAction
{
    /// <summary>The new template exports the name no more.</summary>
    Remove,

    /// <summary>The same output exports another name.</summary>
    Rename,

    /// <summary>The exported value is written differently.</summary>
    Modify,

    /// <summary>The value is written the same but refers to a resource that is replaced: a new physical ID.</summary>
    Replace,

    /// <summary>The value refers to a resource that may be replaced.</summary>
    MayReplace,
}

/// <summary>A stack that imports an export (<c>Fn::ImportValue</c> of its name).</summary>
/// <param name="StackName">The importing stack.</param>
/// <param name="Deployed">True when the template it is compared with (the committed one, or the one in <c>--base</c>) imports the name, that is the stack as deployed; false when only its new template does.</param>
public sealed record ExportImporter(string StackName, bool Deployed);

/// <summary>An export (<c>Outputs.*.Export.Name</c>) of the committed template that the update removes, renames or gives another value.</summary>
/// <param name="Name">The export name in the committed template.</param>
/// <param name="Output">The output that exports it in the committed template.</param>
/// <param name="Action">What happens to it.</param>
/// <param name="Before">The committed value (<see cref="ExportAction.Rename"/>: the committed name).</param>
/// <param name="After">The new value (<see cref="ExportAction.Rename"/>: the new name); null when removed.</param>
/// <param name="Cause">The replaced resource the value refers to (<see cref="ExportAction.Replace"/>, <see cref="ExportAction.MayReplace"/>), else null.</param>
public sealed record ExportChange(string Name, string Output, ExportAction Action, TemplateNode? Before, TemplateNode? After, string? Cause)
{
    /// <summary>
    /// The other stacks of the program whose imports make the update fail, ordered by name: those whose
    /// deployed template imports the name (CloudFormation refuses to change or remove an export while a
    /// stack imports it), and for a removed or renamed export also those whose new template imports it
    /// (their deploy finds no such export). Empty until <see cref="StackChanges.WithImporters"/> fills it.
    /// </summary>
    public IReadOnlyList<ExportImporter> ImportedBy { get; init; } = [];
}

/// <summary>Which stacks of a program import which export names, as deployed (the templates compared with) and in the new templates.</summary>
public sealed class ImportIndex
{
    private readonly SortedDictionary<string, (HashSet<string> Deployed, HashSet<string> New)> _stacks = new(StringComparer.Ordinal);

    /// <summary>Records a stack's imports: those of its deployed template (null when it has none) and those of its new template.</summary>
    public void Add(string stackName, IEnumerable<string>? deployed, IEnumerable<string> @new) =>
        _stacks[stackName] = ((deployed ?? []).ToHashSet(StringComparer.Ordinal), @new.ToHashSet(StringComparer.Ordinal));

    /// <summary>The stacks other than <paramref name="exporter"/> that import <paramref name="exportName"/>, ordered by name.</summary>
    public IReadOnlyList<ExportImporter> Of(string exportName, string exporter) =>
        _stacks.Where(s => s.Key != exporter && (s.Value.Deployed.Contains(exportName) || s.Value.New.Contains(exportName)))
            .Select(s => new ExportImporter(s.Key, s.Value.Deployed.Contains(exportName)))
            .ToArray();
}

/// <summary>The changes one stack's update makes: the code's template against the committed one.</summary>
/// <param name="StackName">The stack.</param>
/// <param name="NewStack">True when there was no committed template: everything is added.</param>
/// <param name="Resources">Resources added, removed, replaced or updated; in the new template's order, removed ones last.</param>
/// <param name="Entries">Parameters, outputs and top-level entries that changed.</param>
public sealed record StackChanges(string StackName, bool NewStack, IReadOnlyList<ResourceChange> Resources, IReadOnlyList<EntryChange> Entries)
{
    /// <summary>The committed template's exports that the update removes, renames or gives another value, in the committed template's order.</summary>
    public IReadOnlyList<ExportChange> Exports { get; init; } = [];

    /// <summary>The changed exports that another stack imports: the update (or the importer's deploy) fails, or may fail.</summary>
    public IEnumerable<ExportChange> ImportedExports => Exports.Where(e => e.ImportedBy.Count > 0);

    /// <summary>True when the two templates mean the same (they may still differ in layout or key order).</summary>
    public bool IsEmpty => Resources.Count == 0 && Entries.Count == 0;

    /// <summary>
    /// The same changes with each export's importers among the program's other stacks. A stack that only
    /// its new template makes an importer counts for a removed or renamed export alone: an export whose
    /// value changes is updated before that stack's first import of it (the deploy order), which succeeds.
    /// </summary>
    public StackChanges WithImporters(ImportIndex imports) => this with
    {
        Exports = Exports.Select(e => e with
        {
            ImportedBy = imports.Of(e.Name, StackName).Where(i => i.Deployed || e.Action is ExportAction.Remove or ExportAction.Rename).ToArray(),
        }).ToArray(),
    };

    /// <summary>Resources replaced for certain.</summary>
    public int Replacements => Resources.Count(r => r.Action == ResourceAction.Replace);

    /// <summary>Resources removed or replaced (possibly) whose data is lost.</summary>
    public int DataLosses => Resources.Count(r => r.DataLoss is not null);
}

/// <summary>Compares two templates of a stack and decides, per resource, update, interruption or replacement.</summary>
public static class TemplateChanges
{
    /// <summary>
    /// Compares the committed template (<paramref name="before"/>, null when there is none) with the
    /// one the code produces. Throws <see cref="FormatException"/> when either text is not a template.
    /// </summary>
    public static StackChanges Compare(string stackName, string? before, string after) =>
        Compare(stackName, before is null ? null : TemplateTree.Parse(before), TemplateTree.Parse(after));

    /// <summary>Compares two parsed templates.</summary>
    public static StackChanges Compare(string stackName, MapNode? before, MapNode after)
    {
        var oldResources = Section(before, "Resources");
        var newResources = Section(after, "Resources");
        var oldParameters = Section(before, "Parameters");
        var newParameters = Section(after, "Parameters");

        var entries = new List<EntryChange>();
        foreach (var key in Keys(before, after).Where(k => k is not ("Resources" or "Parameters" or "Outputs")))
        {
            AddEntry(entries, "Template", key, before?[key], after[key]);
        }

        foreach (var name in Keys(oldParameters, newParameters))
        {
            AddEntry(entries, "Parameters", name, oldParameters[name], newParameters[name]);
        }

        var oldOutputs = Section(before, "Outputs");
        var newOutputs = Section(after, "Outputs");
        foreach (var name in Keys(oldOutputs, newOutputs))
        {
            AddEntry(entries, "Outputs", name, oldOutputs[name], newOutputs[name]);
        }

        // Parameters whose value may differ at the next deploy: a new default or type, or an SSM
        // parameter type, which CloudFormation resolves again on every update.
        var changedParameters = entries.Where(e => e.Section == "Parameters" && e.Kind == "modified").Select(e => e.Name)
            .ToHashSet(StringComparer.Ordinal);

        var states = new Dictionary<string, State>(StringComparer.Ordinal);
        foreach (var (id, node) in newResources.Entries)
        {
            var resource = node as MapNode ?? new MapNode([]);
            var old = oldResources[id] as MapNode;
            var state = new State(id, TypeOf(resource), old, resource);
            states[id] = state;
            if (old is null)
            {
                state.Action = ResourceAction.Add;
                continue;
            }

            if (TypeOf(old) != state.Type)
            {
                state.Changes.Add(new PropertyChange("Type", old["Type"], resource["Type"], ChangeEffect.Replace, "a new type is a new resource"));
                continue;
            }

            var diffs = new List<(string Path, List<string> Segments, TemplateNode? Before, TemplateNode? After)>();
            Diff(old, resource, "", [], diffs);
            foreach (var (path, segments, was, now) in diffs)
            {
                var (effect, reason) = segments is ["Properties", .. var property]
                    ? UpdateBehaviour.Of(state.Type, property, was, now)
                    : (ChangeEffect.Update, "no change to the resource itself");
                state.Changes.Add(new PropertyChange(path, was, now, effect, reason));
            }
        }

        // Parameters: a resource that reads a changed parameter in a create-only property may be replaced.
        foreach (var state in states.Values.Where(s => s.Action != ResourceAction.Add))
        {
            foreach (var (path, property, node) in ReferencesIn(state.New))
            {
                foreach (var name in TemplateTree.References(node).Distinct().Where(changedParameters.Contains))
                {
                    if (state.Changes.Any(c => c.Path == path))
                    {
                        continue;
                    }

                    var (effect, _) = UpdateBehaviour.Of(state.Type, property, node, null);
                    state.Changes.Add(new PropertyChange(path, node, node,
                        effect == ChangeEffect.Replace ? ChangeEffect.MayReplace : effect,
                        $"reads parameter {name}, which changed; {(effect == ChangeEffect.Replace ? "replaces the resource" : "updates it")} if the value deployed differs"));
                }
            }
        }

        // An SSM parameter type is resolved again on every update (AWS CloudFormation User Guide,
        // "Specify existing resources at runtime with CloudFormation-supplied parameter types"), so
        // any update may give a create-only property a new value: a new image replaces its instances.
        var ssmParameters = Section(after, "Parameters").Entries
            .Where(e => ((e.Value as MapNode)?["Type"] as ScalarNode)?.Text.StartsWith("AWS::SSM::Parameter::Value<", StringComparison.Ordinal) == true)
            .Select(e => e.Key)
            .ToHashSet(StringComparer.Ordinal);
        var updates = entries.Count > 0 || oldResources.Entries.Any(e => newResources[e.Key] is null)
            || states.Values.Any(s => s.Action == ResourceAction.Add || s.Changes.Count > 0);
        if (updates && ssmParameters.Count > 0)
        {
            foreach (var state in states.Values.Where(s => s.Action != ResourceAction.Add))
            {
                foreach (var (path, property, node) in ReferencesIn(state.New))
                {
                    var name = TemplateTree.References(node).FirstOrDefault(ssmParameters.Contains);
                    if (name is null || state.Changes.Any(c => c.Path == path) || UpdateBehaviour.Of(state.Type, property, node, null).Effect != ChangeEffect.Replace)
                    {
                        continue;
                    }

                    state.Changes.Add(new PropertyChange(path, node, node, ChangeEffect.MayReplace,
                        $"reads SSM parameter {name}, which CloudFormation resolves again on every update; replaces the resource if it now names another value (a newly published image)"));
                }
            }
        }

        // Replacement spreads: a new physical ID is a new value for every property that refers to it.
        var replaced = new Queue<State>(states.Values.Where(s => s.Action == ResourceAction.Update && s.Effect == ChangeEffect.Replace));
        var seen = replaced.Select(s => s.LogicalId).ToHashSet(StringComparer.Ordinal);
        while (replaced.Count > 0)
        {
            var cause = replaced.Dequeue();
            foreach (var state in states.Values.Where(s => s.Action == ResourceAction.Update))
            {
                foreach (var (path, property, node) in ReferencesIn(state.New))
                {
                    if (!TemplateTree.References(node).Contains(cause.LogicalId) || state.Changes.Any(c => c.Path == path)
                        || ReadsOnlyUnchangedAddress(node, cause))
                    {
                        continue;
                    }

                    var (effect, _) = UpdateBehaviour.Of(state.Type, property, node, null);
                    state.Changes.Add(new PropertyChange(path, node, node, effect,
                        $"refers to {cause.LogicalId}, which is replaced"));
                }

                if (state.Effect == ChangeEffect.Replace && seen.Add(state.LogicalId))
                {
                    replaced.Enqueue(state);
                }
            }
        }

        var resources = new List<ResourceChange>();
        foreach (var state in states.Values)
        {
            if (state.Action == ResourceAction.Add)
            {
                resources.Add(new ResourceChange(state.LogicalId, state.Type, ResourceAction.Add, null, []));
                continue;
            }

            if (state.Changes.Count == 0)
            {
                continue;
            }

            var action = state.Effect switch
            {
                ChangeEffect.Replace => ResourceAction.Replace,
                ChangeEffect.MayReplace => ResourceAction.MayReplace,
                ChangeEffect.Interrupt => ResourceAction.Interrupt,
                _ => ResourceAction.Update,
            };
            var loss = action is ResourceAction.Replace or ResourceAction.MayReplace
                ? UpdateBehaviour.DataLost(state.Type, state.Old!, state.New, replacing: true)
                : null;
            var warning = action is ResourceAction.Replace or ResourceAction.MayReplace ? WhyReplacementFails(state) : null;

            resources.Add(new ResourceChange(state.LogicalId, state.Type, action, loss, state.Changes.ToArray(), warning));
        }

        foreach (var (id, node) in oldResources.Entries.Where(e => newResources[e.Key] is null))
        {
            var resource = node as MapNode ?? new MapNode([]);
            resources.Add(new ResourceChange(id, TypeOf(resource), ResourceAction.Remove,
                UpdateBehaviour.DataLost(TypeOf(resource), resource, null, replacing: false), []));
        }

        return new StackChanges(stackName, before is null, resources, entries) { Exports = ExportChanges(stackName, before, after, resources, states) };
    }

    /// <summary>
    /// The committed template's exports that the update removes, renames (the same output, another name)
    /// or gives another value: written differently, or written the same but reading a resource that is
    /// replaced (a new physical ID; not the fixed private address that a replaced instance keeps).
    /// </summary>
    private static IReadOnlyList<ExportChange> ExportChanges(string stackName, MapNode? before, MapNode after, List<ResourceChange> resources, Dictionary<string, State> states)
    {
        var oldOutputs = Section(before, "Outputs");
        var newOutputs = Section(after, "Outputs");
        var newExports = new Dictionary<string, TemplateNode?>(StringComparer.Ordinal);
        foreach (var (_, output) in newOutputs.Entries)
        {
            if (ExportName(output, stackName) is { } name)
            {
                newExports.TryAdd(name, (output as MapNode)?["Value"]);
            }
        }

        var changes = new List<ExportChange>();
        foreach (var (key, output) in oldOutputs.Entries)
        {
            if (ExportName(output, stackName) is not { } name)
            {
                continue;
            }

            var was = (output as MapNode)?["Value"];
            if (!newExports.TryGetValue(name, out var now))
            {
                var renamed = newOutputs[key] is { } same ? ExportName(same, stackName) : null;
                changes.Add(renamed is null
                    ? new ExportChange(name, key, ExportAction.Remove, was, null, null)
                    : new ExportChange(name, key, ExportAction.Rename, new ScalarNode(name), new ScalarNode(renamed), null));
            }
            else if (was is null || now is null || !was.Equals(now))
            {
                changes.Add(new ExportChange(name, key, ExportAction.Modify, was, now, null));
            }
            else
            {
                var cause = TemplateTree.References(now).Distinct()
                    .Select(id => resources.FirstOrDefault(r => r.LogicalId == id && r.Action is ResourceAction.Replace or ResourceAction.MayReplace))
                    .FirstOrDefault(r => r is not null && !(states.TryGetValue(r.LogicalId, out var state) && ReadsOnlyUnchangedAddress(now, state)));
                if (cause is not null)
                {
                    changes.Add(new ExportChange(name, key, cause.Action == ResourceAction.Replace ? ExportAction.Replace : ExportAction.MayReplace, was, now, cause.LogicalId));
                }
            }
        }

        return changes;
    }

    /// <summary>
    /// An output's export name: a text, or <c>Fn::Sub</c> of a text whose only variable is
    /// <c>${AWS::StackName}</c>; null when the output exports nothing or its name is known only at deploy time.
    /// </summary>
    private static string? ExportName(TemplateNode output, string stackName) =>
        ((output as MapNode)?["Export"] as MapNode)?["Name"] switch
        {
            ScalarNode name => name.Text,
            MapNode { Function: "Fn::Sub" } sub when sub.Entries[0].Value is ScalarNode text =>
                TemplateTree.SubstitutedLiterally(text.Text.Replace("${AWS::StackName}", stackName, StringComparison.Ordinal)),
            _ => null,
        };

    /// <summary>
    /// Why replacing the resource will fail, else null. CloudFormation creates the replacement before
    /// it deletes the old resource (AWS CloudFormation User Guide, "Update behaviors of stack
    /// resources"), so whatever only one of them can hold at a time makes the update fail.
    /// </summary>
    private static string? WhyReplacementFails(State state)
    {
        var oldProperties = state.Old!["Properties"] as MapNode;
        if (state.Type == "AWS::EC2::Instance")
        {
            if (FixedAddress(state.New) is ScalarNode address && address.Equals(FixedAddress(state.Old!)))
            {
                // Two instances cannot hold one address.
                return $"the update fails: CloudFormation creates the replacement before it deletes the old instance, which still holds {address.Text}; give the replacement another address";
            }

            if (oldProperties?["Volumes"] is ListNode { Items.Count: > 0 })
            {
                // A volume attaches to one instance at a time, and the old one holds it.
                return "the update fails: CloudFormation creates the replacement before it deletes the old instance, which still holds its data volumes; "
                    + "stop the old instance and detach them (aws ec2 detach-volume) first, and the replacement attaches them at launch";
            }
        }

        if (state.Type == "AWS::EC2::Subnet" && (state.New["Properties"] as MapNode)?["CidrBlock"] is ScalarNode block && block.Equals(oldProperties?["CidrBlock"])
            && !state.Changes.Any(c => c.Path == "Properties.VpcId"))
        {
            // EC2 refuses a subnet whose block overlaps another of the VPC.
            return $"the update fails: CloudFormation creates the replacement before it deletes the old subnet, which still holds {block.Text} in the same VPC; "
                + "give the replacement another block (or remove the subnet in one deploy and add it back in the next)";
        }

        return null;
    }

    private sealed class State(string logicalId, string type, MapNode? old, MapNode @new)
    {
        public string LogicalId { get; } = logicalId;

        public string Type { get; } = type;

        public MapNode? Old { get; } = old;

        public MapNode New { get; } = @new;

        public ResourceAction Action { get; set; } = ResourceAction.Update;

        public List<PropertyChange> Changes { get; } = [];

        public ChangeEffect Effect => Changes.Count == 0 ? ChangeEffect.Update : Changes.Max(c => c.Effect);
    }

    /// <summary>
    /// Whether a value reads nothing of a replaced instance but its private address, written in both
    /// templates alike: the replacement keeps that address, so the value stays the same.
    /// </summary>
    private static bool ReadsOnlyUnchangedAddress(TemplateNode node, State cause)
    {
        var address = FixedAddress(cause.New);
        if (address is null || cause.Old is null || !address.Equals(FixedAddress(cause.Old)))
        {
            return false;
        }

        var read = TemplateTree.AttributesRead(node, cause.LogicalId).ToArray();
        return read.Length > 0 && read.All(a => a == "PrivateIp");
    }

    /// <summary>An instance's private address when the template writes it as a literal, else null.</summary>
    internal static TemplateNode? FixedAddress(MapNode instance)
    {
        var properties = instance["Properties"] as MapNode;
        var direct = properties?["PrivateIpAddress"];
        if (direct is ScalarNode)
        {
            return direct;
        }

        return properties?["NetworkInterfaces"] is ListNode { Items: [MapNode first, ..] } && first["PrivateIpAddress"] is ScalarNode address ? address : null;
    }

    private static string TypeOf(MapNode resource) => (resource["Type"] as ScalarNode)?.Text ?? "";

    private static MapNode Section(MapNode? template, string name) => template?[name] as MapNode ?? new MapNode([]);

    private static IEnumerable<string> Keys(MapNode? before, MapNode after) =>
        after.Entries.Select(e => e.Key).Concat((before?.Entries ?? []).Select(e => e.Key).Where(k => after[k] is null));

    private static void AddEntry(List<EntryChange> entries, string section, string name, TemplateNode? was, TemplateNode? now)
    {
        if (was is null && now is not null)
        {
            entries.Add(new EntryChange(section, name, "added", []));
        }
        else if (was is not null && now is null)
        {
            entries.Add(new EntryChange(section, name, "removed", []));
        }
        else if (was is not null && now is not null && !was.Equals(now))
        {
            var diffs = new List<(string, List<string>, TemplateNode?, TemplateNode?)>();
            Diff(was, now, "", [], diffs);
            entries.Add(new EntryChange(section, name, "modified",
                diffs.Select(d => new PropertyChange(d.Item1.Length == 0 ? name : d.Item1, d.Item3, d.Item4, ChangeEffect.Update, null)).ToArray()));
        }
    }

    /// <summary>Collects the differences between two nodes, descending into mappings and lists (not into intrinsic functions).</summary>
    private static void Diff(TemplateNode? was, TemplateNode? now, string path, List<string> segments,
        List<(string Path, List<string> Segments, TemplateNode? Before, TemplateNode? After)> diffs)
    {
        if (was is not null && now is not null && was.Equals(now))
        {
            return;
        }

        if (was is MapNode { Function: null } oldMap && now is MapNode { Function: null } newMap)
        {
            foreach (var key in Keys(oldMap, newMap))
            {
                Diff(oldMap[key], newMap[key], path.Length == 0 ? key : path + "." + key, [.. segments, key], diffs);
            }

            return;
        }

        if (was is ListNode oldList && now is ListNode newList)
        {
            // Items found on both sides are unchanged wherever they moved; what is left pairs up in order
            // (a changed item) and the rest is added or removed, so inserting one rule reads as one addition.
            var unmatchedOld = Enumerable.Range(0, oldList.Items.Count).ToList();
            var unmatchedNew = new List<int>();
            for (var i = 0; i < newList.Items.Count; i++)
            {
                var match = unmatchedOld.FindIndex(j => oldList.Items[j].Equals(newList.Items[i]));
                if (match >= 0)
                {
                    unmatchedOld.RemoveAt(match);
                }
                else
                {
                    unmatchedNew.Add(i);
                }
            }

            var paired = Math.Min(unmatchedOld.Count, unmatchedNew.Count);
            for (var k = 0; k < Math.Max(unmatchedOld.Count, unmatchedNew.Count); k++)
            {
                var index = k < unmatchedNew.Count ? unmatchedNew[k] : unmatchedOld[k];
                Diff(k < paired || k < unmatchedOld.Count && k >= unmatchedNew.Count ? oldList.Items[unmatchedOld[k]] : null,
                    k < unmatchedNew.Count ? newList.Items[unmatchedNew[k]] : null,
                    path + "[" + index + "]", [.. segments, "*"], diffs);
            }

            return;
        }

        diffs.Add((path, segments, was, now));
    }

    /// <summary>Every value under Properties that refers to a logical name, at the innermost path that is not inside a function.</summary>
    private static IEnumerable<(string Path, List<string> Property, TemplateNode Node)> ReferencesIn(MapNode resource)
    {
        if (resource["Properties"] is not MapNode properties)
        {
            yield break;
        }

        var stack = new Stack<(string, List<string>, TemplateNode)>();
        foreach (var entry in properties.Entries.Reverse())
        {
            stack.Push(("Properties." + entry.Key, [entry.Key], entry.Value));
        }

        while (stack.Count > 0)
        {
            var (path, property, node) = stack.Pop();
            switch (node)
            {
                case MapNode { Function: null } map:
                    foreach (var entry in map.Entries.Reverse())
                    {
                        stack.Push((path + "." + entry.Key, [.. property, entry.Key], entry.Value));
                    }

                    break;
                case ListNode list:
                    for (var i = list.Items.Count - 1; i >= 0; i--)
                    {
                        stack.Push((path + "[" + i + "]", [.. property, "*"], list.Items[i]));
                    }

                    break;
                default:
                    if (TemplateTree.References(node).Any())
                    {
                        yield return (path, property, node);
                    }

                    break;
            }
        }
    }
}
