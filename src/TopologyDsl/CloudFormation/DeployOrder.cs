using System;
using System.Collections.Generic;
using System.Linq;
using TopologyDsl.Resources;

namespace TopologyDsl.CloudFormation;

/// <summary>
/// The order in which a program's stacks deploy: a stack that imports a value (<c>!ImportValue</c>)
/// comes after the stack that exports it. Among stacks free to go, the order of the given list is kept.
/// </summary>
public static class DeployOrder
{
    /// <summary>Sorts the templates so that each comes after the templates it imports from.</summary>
    /// <exception cref="TopologyException">TDSL308 when two templates have one stack name; TDSL309 when two outputs export one name; TDSL227 when stacks import from each other.</exception>
    public static IReadOnlyList<Template> Sort(IReadOnlyList<Template> templates)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var template in templates)
        {
            if (!names.Add(template.StackName))
            {
                throw new TopologyException("TDSL308", $"two stacks are named '{template.StackName}'; each needs its own name (and template file)");
            }
        }

        var exporter = new Dictionary<string, Template>(StringComparer.Ordinal);
        foreach (var template in templates)
        {
            foreach (var output in template.Outputs.Where(o => o.Export is not null))
            {
                if (exporter.TryGetValue(output.Export!, out var other))
                {
                    throw new TopologyException("TDSL309", $"export name '{output.Export}' is exported by stack '{other.StackName}' and by '{template.StackName}'");
                }

                exporter.Add(output.Export!, template);
            }
        }

        var needs = templates.ToDictionary(t => t, t => Imports(t).Where(exporter.ContainsKey).Select(e => exporter[e]).Where(e => e != t).Distinct().ToList());
        var sorted = new List<Template>();
        var placed = new HashSet<Template>();
        while (sorted.Count < templates.Count)
        {
            var next = templates.FirstOrDefault(t => !placed.Contains(t) && needs[t].All(placed.Contains))
                ?? throw new TopologyException("TDSL227", "stacks " + string.Join(", ", templates.Where(t => !placed.Contains(t)).Select(t => "'" + t.StackName + "'"))
                    + " import from each other, so none can be deployed first");
            sorted.Add(next);
            placed.Add(next);
        }

        return sorted;
    }

    /// <summary>The export names a template imports, in the order they appear.</summary>
    public static IEnumerable<string> Imports(Template template)
    {
        var found = new List<string>();
        foreach (var resource in template.Resources)
        {
            Collect(resource.Properties(), found);
        }

        foreach (var output in template.Outputs)
        {
            Collect(output.Value, found);
        }

        return found.Distinct(StringComparer.Ordinal);
    }

    private static void Collect(Value value, List<string> found)
    {
        switch (value)
        {
            case IntrinsicValue { Name: "ImportValue", Argument: StringValue name }:
                found.Add(name.Text);
                break;
            case IntrinsicValue fn:
                Collect(fn.Argument, found);
                break;
            case ListValue list:
                foreach (var item in list.Items)
                {
                    Collect(item, found);
                }

                break;
            case MapValue map:
                foreach (var entry in map.Entries)
                {
                    Collect(entry.Value, found);
                }

                break;
        }
    }
}
