using System.Collections.Generic;
using System.Linq;
using TopologyDsl.Generators.Diagnostics;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Validation;

/// <summary>
/// References between stacks: what cannot be imported, export names, and cycles. Seen from one stack
/// and the stacks it imports from, so they show live in the IDE.
/// </summary>
internal static class StackRules
{
    public static void Check(StackIndex index, List<Finding> findings)
    {
        var stack = index.Stack;
        var firstUse = new Dictionary<string, ModelPath>(System.StringComparer.Ordinal);
        foreach (var reference in StackPlan.References(stack))
        {
            if (reference.Target is not { Stack: { } key, IsError: false } target || key == stack.Key
                || index.Others.FirstOrDefault(o => o.Key == key) is not { } owner)
            {
                continue;
            }

            if (!firstUse.ContainsKey(key))
            {
                firstUse.Add(key, reference.Path);
            }

            var reason = reference.Use switch
            {
                StackPlan.ReferenceUse.SshHost => "ssh -J reaches a jump host at its public IP, which changes whenever the host is replaced, and a value another stack imports cannot change",
                StackPlan.ReferenceUse.Secret => "the instance's role and user data name the secret within one template",
                StackPlan.ReferenceUse.VolumeHost => "the instance attaches its data volumes at launch, so they must be in its template",
                _ => null,
            };
            if (reason is not null)
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.ImportNotUseful.Id, reference.Path, reference.Owner.Name, target.Display, reason));
                continue;
            }

            var export = StackPlan.ExportName(owner.StackName, target.Name);
            if (export.Length > StackPlan.MaxExportNameLength)
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.ExportNameTooLong.Id, reference.Path, target.Display, export, Invariant.Format(export.Length)));
            }
        }

        CheckCycles(index, firstUse, findings);
    }

    /// <summary>For each stack this one imports from, whether a chain of imports leads back here; reported at the first reference to that stack.</summary>
    private static void CheckCycles(StackIndex index, Dictionary<string, ModelPath> firstUse, List<Finding> findings)
    {
        var stack = index.Stack;
        var edges = index.Others.Where(o => o.Key != stack.Key).GroupBy(o => o.Key).ToDictionary(g => g.Key, g => StackPlan.ImportedStacks(g.First()), System.StringComparer.Ordinal);
        var names = index.Others.GroupBy(o => o.Key).ToDictionary(g => g.Key, g => g.First().StackName, System.StringComparer.Ordinal);
        names[stack.Key] = stack.StackName;
        foreach (var imported in firstUse.Keys.OrderBy(k => k, System.StringComparer.Ordinal))
        {
            // Breadth-first from the imported stack; the chain back to this stack is the message's proof.
            var parent = new Dictionary<string, string>(System.StringComparer.Ordinal) { [imported] = "" };
            var queue = new Queue<string>();
            queue.Enqueue(imported);
            var found = false;
            while (queue.Count > 0 && !found)
            {
                var current = queue.Dequeue();
                if (!edges.TryGetValue(current, out var next))
                {
                    continue;
                }

                foreach (var target in next)
                {
                    if (target == stack.Key)
                    {
                        parent[target] = current;
                        found = true;
                        break;
                    }

                    if (!parent.ContainsKey(target))
                    {
                        parent.Add(target, current);
                        queue.Enqueue(target);
                    }
                }
            }

            if (!found)
            {
                continue;
            }

            var chain = new List<string> { stack.StackName };
            for (var at = parent[stack.Key]; at.Length > 0; at = parent[at])
            {
                chain.Add(names.TryGetValue(at, out var name) ? name : StackSpec.ClassOf(at));
            }

            chain.Add(stack.StackName);
            chain.Reverse();
            findings.Add(Finding.Create(DiagnosticDescriptors.StackCycle.Id, firstUse[imported], stack.StackName, names[imported], string.Join(" -> ", chain)));
        }
    }
}
