using System.Collections.Generic;
using System.Linq;
using TopologyDsl.Generators.Diagnostics;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Validation;

/// <summary>Network exposure and secure defaults: what is open to the internet, and the opt-outs from secure settings.</summary>
internal static class SecurityRules
{
    private static readonly (int Port, string Service)[] AdminPorts = [(22, "SSH"), (3389, "RDP")];

    private static readonly (int Port, string Service)[] DatabasePorts =
    [
        (3306, "MySQL/MariaDB"), (5432, "PostgreSQL"), (1433, "SQL Server"), (1521, "Oracle"),
        (6379, "Redis"), (11211, "Memcached"), (27017, "MongoDB"), (9200, "Elasticsearch/OpenSearch"),
    ];

    public static void Check(StackIndex index, List<Finding> findings)
    {
        foreach (var resource in index.Stack.Resources)
        {
            switch (resource)
            {
                case SecurityGroupSpec group:
                    CheckGroup(index, group, findings);
                    break;
                case InstanceSpec instance:
                    CheckInstance(index, instance, findings);
                    CheckExposure(index, instance, findings);
                    break;
                case VpcSpec { FlowLogs: false } vpc:
                    findings.Add(Finding.Create(DiagnosticDescriptors.VpcWithoutFlowLogs.Id, vpc.Path.Child("flowLogs"), vpc.Name));
                    break;
            }
        }
    }

    /// <summary>
    /// The rules of this family that read the paths of the stack's instances, which the routes other stacks add to
    /// their subnets' tables change: whether a database instance faces the internet (TDSL404). Run again with the
    /// stacks that route into those tables or associate the subnets with tables of their own (<see cref="TopologyValidator.Routed"/>).
    /// </summary>
    public static void CheckPaths(StackIndex index, List<Finding> findings)
    {
        foreach (var instance in index.Stack.Resources.OfType<InstanceSpec>())
        {
            CheckExposure(index, instance, findings);
        }
    }

    /// <summary>
    /// Security groups that nothing uses (TDSL425): no instance or interface endpoint of the program is
    /// in the group ([Uses&lt;G&gt;]), no rule of another group names it (as source or destination), and
    /// no output of its stack names it (<c>${G}</c>, the way to hand it to resources outside the
    /// program), and no boot script of an instance of its stack names it (<c>${G}</c> or
    /// <c>${G.GroupId}</c> in the user data file, which <paramref name="readFile"/> reads; null reads
    /// none). A substitution names a record of its own stack only (an imported record has no logical
    /// ID in the template, and TDSL203 reports one), so a boot script uses its own stack's groups.
    /// A program-wide rule: a stack sees the stacks it imports from, not those that import
    /// from it, so only the list of every stack can tell that no other stack uses the group. A group's
    /// rules that name the group itself do not count; stacks past the resource quota are left out, as
    /// the validator skips their rules.
    /// </summary>
    public static IEnumerable<ProgramFinding> UnusedGroups(IReadOnlyList<StackSpec> stacks, System.Func<string, string?>? readFile = null)
    {
        var used = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var stack in stacks)
        {
            foreach (var reference in StackPlan.References(stack))
            {
                var target = reference.Target;
                if (reference.Owner is SecurityGroupSpec owner && target.InStack && target.Name == owner.Name)
                {
                    continue;
                }

                if ((target.InStack ? stack.Key : target.Stack) is { } key)
                {
                    used.Add(key + "/" + target.Name);
                }
            }

            foreach (var output in stack.Outputs)
            {
                Substituted(stack, output.Value, used);
            }

            if (readFile is null)
            {
                continue;
            }

            foreach (var instance in stack.Resources.OfType<InstanceSpec>())
            {
                if (instance.UserData is { Length: > 0 } file && readFile(file) is { } script)
                {
                    Substituted(stack, script, used);
                }
            }
        }

        foreach (var stack in stacks.GroupBy(s => s.Key).Select(g => g.First()).OrderBy(s => s.Key, System.StringComparer.Ordinal))
        {
            if (StackPlan.ResourceCount(stack) > NamingRules.MaxResources)
            {
                continue;
            }

            foreach (var group in stack.Resources.OfType<SecurityGroupSpec>())
            {
                if (!used.Contains(stack.Key + "/" + group.Name))
                {
                    yield return new ProgramFinding(stack.Key, Finding.Create(DiagnosticDescriptors.UnusedSecurityGroup.Id, group.Path, group.Name));
                }
            }
        }
    }

    /// <summary>Adds the records that Fn::Sub text of <paramref name="stack"/> names (<c>${G}</c>, <c>${G.GroupId}</c>) to <paramref name="used"/>.</summary>
    private static void Substituted(StackSpec stack, string text, HashSet<string> used)
    {
        foreach (var name in SubstitutionRules.References(text))
        {
            var dot = name.IndexOf('.');
            used.Add(stack.Key + "/" + (dot < 0 ? name : name.Substring(0, dot)));
        }
    }

    /// <summary>The internet as a CIDR peer: 0.0.0.0/0, ::/0, or a parameter that defaults to one of them.</summary>
    private static string? World(StackIndex index, RuleSpec rule)
    {
        var peer = index.Parameter(rule.Peer) is { } parameter ? parameter.Default : rule.Peer;
        return peer is "0.0.0.0/0" or "::/0" ? peer : null;
    }

    private static bool Covers(RuleSpec rule, int port) =>
        rule.Protocol == ProtocolSpec.All || (rule.Protocol == ProtocolSpec.Tcp && rule.Port <= port && port <= rule.LastPort);

    private static bool AllPorts(RuleSpec rule) =>
        rule.Protocol == ProtocolSpec.All || (rule.Protocol is ProtocolSpec.Tcp or ProtocolSpec.Udp && rule.Port <= 0 && rule.LastPort >= 65535);

    private static void CheckGroup(StackIndex index, SecurityGroupSpec group, List<Finding> findings)
    {
        for (var i = 0; i < group.Ingress.Count; i++)
        {
            var rule = group.Ingress[i];
            var path = group.Path.Item("ingress", i);
            if (rule.Description is null)
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.RuleWithoutDescription.Id, path, group.Name));
            }

            if (World(index, rule) is not { } world)
            {
                continue;
            }

            var at = path.Child("source");
            if (AllPorts(rule))
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.AllPortsOpenToWorld.Id, at, group.Name, world,
                    rule.Protocol == ProtocolSpec.All ? "every protocol and port" : "every " + rule.Protocol.ToString().ToUpperInvariant() + " port"));
            }
            else if (AdminPorts.FirstOrDefault(p => Covers(rule, p.Port)) is { Service: not null } admin)
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.AdminPortOpenToWorld.Id, at, group.Name, world, Invariant.Format(admin.Port), admin.Service));
            }
            else if (DatabasePorts.FirstOrDefault(p => Covers(rule, p.Port)) is { Service: not null } database)
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.DatabasePortOpenToWorld.Id, at, group.Name, world, Invariant.Format(database.Port), database.Service));
            }
        }

        for (var i = 0; i < group.Egress.Count; i++)
        {
            var rule = group.Egress[i];
            var path = group.Path.Item("egress", i);
            if (rule.Description is null)
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.RuleWithoutDescription.Id, path, group.Name));
            }

            if (AllPorts(rule) && World(index, rule) is not null)
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.UnrestrictedEgress.Id, path.Child("destination"), group.Name));
            }
        }

        if (group.Egress.Count == 0)
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.UnrestrictedEgress.Id, group.Path.Child("attribute"), group.Name));
        }
    }

    private static void CheckInstance(StackIndex index, InstanceSpec instance, List<Finding> findings)
    {
        if (instance.UserData is { Length: > 0 } file && index.ReadFile(file) is { } script)
        {
            foreach (var name in SubstitutionRules.References(script).Distinct())
            {
                if (index.Parameter(name) is { NoEcho: true } secret)
                {
                    findings.Add(Finding.Create(DiagnosticDescriptors.NoEchoParameterInUserData.Id, instance.Path.Child("userData"), instance.Name, secret.Name));
                }
            }
        }

        if (instance.AllowImdsV1)
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.ImdsV1Allowed.Id, instance.Path.Child("allowImdsV1"), instance.Name));
        }

        if (!instance.EncryptRootVolume)
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.RootVolumeUnencrypted.Id, instance.Path.Child("encryptRootVolume"), instance.Name));
        }

        if (instance.SecurityGroups.Count == 0)
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.InstanceWithoutSecurityGroup.Id, instance.Path.Child("attribute"), instance.Name));
        }
    }

    /// <summary>
    /// A database instance where the internet can get at it once a rule lets it in (TDSL404): a public IP, or a subnet
    /// whose table sends 0.0.0.0/0 to an internet gateway, that route being the second place (in whichever stack declares it).
    /// </summary>
    private static void CheckExposure(StackIndex index, InstanceSpec instance, List<Finding> findings)
    {
        var databaseGroup = instance.SecurityGroups.Select(g => index.Resolve<SecurityGroupSpec>(g))
            .FirstOrDefault(g => g is not null && g.Ingress.Any(r => DatabasePorts.Any(p => r.Protocol == ProtocolSpec.Tcp && r.Port <= p.Port && p.Port <= r.LastPort)));
        if (databaseGroup is null)
        {
            return;
        }

        // Where the reachability model says the internet can get at it once a rule lets it in.
        if (index.Reachability.InternetFacing(instance) is { } facing)
        {
            var finding = Finding.Create(DiagnosticDescriptors.DatabaseTierExposed.Id, facing.At, instance.Name, databaseGroup.Name, facing.Reason);
            findings.Add(facing.Route is { } route ? finding with { Related = route.DestinationPath, RelatedStack = index.ForeignKey(route.Declared) } : finding);
        }
    }
}
