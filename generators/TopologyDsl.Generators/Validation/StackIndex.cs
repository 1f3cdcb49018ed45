using System.Collections.Generic;
using System.Linq;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Validation;

/// <summary>
/// Look-ups over one stack spec that several rules share, built once per validation. The stack may
/// refer to records of other stacks of the program (<see cref="Others"/>: the stacks it imports
/// from, directly or through them); references resolve into those, and whole-topology rules see
/// their resources, but findings are reported only in this stack.
/// </summary>
internal sealed partial class StackIndex
{
    private readonly Dictionary<string, ResourceSpec> _byName = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, ResourceSpec>> _byStack = new(System.StringComparer.Ordinal);
    private readonly Dictionary<ResourceSpec, Seen> _seen = new(ReferenceComparer.Instance);
    private readonly string _stackKey;
    private readonly Dictionary<string, List<RouteTableSpec>> _tablesOfSubnet = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, List<TableRoute>> _routesOfTable = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, List<NetworkAclSpec>> _aclsOfSubnet = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _files = new(System.StringComparer.Ordinal);
    private readonly System.Func<string, string?> _readFile;
    private readonly HashSet<string>? _later;

    public StackIndex(StackSpec stack, System.Func<string, string?> readFile)
        : this(stack, EquatableArray<StackSpec>.Empty, readFile)
    {
    }

    public StackIndex(StackSpec stack, EquatableArray<StackSpec> others, System.Func<string, string?> readFile)
        : this(stack, others, readFile, later: null)
    {
    }

    /// <summary>
    /// The index of a stack seen with the stacks it imports from and with <paramref name="routing"/>, those whose records change
    /// the routes of its paths (<see cref="ProgramRules.Routing"/>): what its routed rules and its overview read. A routing stack
    /// deploys after the stack, so its table is a subnet's route table only when no table of the stack or of the stacks it
    /// imports from associates that subnet (AWS gives a subnet one route table; a second association is TDSL206 in its stack).
    /// </summary>
    public StackIndex(StackSpec stack, EquatableArray<StackSpec> imported, EquatableArray<StackSpec> routing, System.Func<string, string?> readFile)
        : this(stack, Wider(imported, routing), readFile, routing.Count == 0 ? null : new HashSet<string>(routing.Select(s => s.Key), System.StringComparer.Ordinal))
    {
    }

    /// <param name="later">The keys of the stacks among <paramref name="others"/> that deploy after the stack (its routing stacks): their tables count for a subnet only when no other table associates it. Null for none.</param>
    private StackIndex(StackSpec stack, EquatableArray<StackSpec> others, System.Func<string, string?> readFile, HashSet<string>? later)
    {
        _later = later;
        Stack = stack;
        Others = others;
        _readFile = readFile;
        _stackKey = stack.Key;
        foreach (var resource in stack.Resources)
        {
            if (!_byName.ContainsKey(resource.Name))
            {
                _byName.Add(resource.Name, resource);
            }

            _seen[resource] = new Seen(stack, _stackKey, resource.Name, local: true);
        }

        var all = new List<ResourceSpec>();
        foreach (var other in others)
        {
            var otherKey = other.Key;
            if (otherKey == _stackKey || _byStack.ContainsKey(otherKey))
            {
                continue;
            }

            var names = new Dictionary<string, ResourceSpec>(System.StringComparer.Ordinal);
            foreach (var resource in other.Resources)
            {
                if (!names.ContainsKey(resource.Name))
                {
                    names.Add(resource.Name, resource);
                }

                _seen[resource] = new Seen(other, otherKey, resource.Name, local: false);
                all.Add(resource);
            }

            _byStack.Add(otherKey, names);
        }

        all.AddRange(stack.Resources);
        AllResources = all;

        // The tables of the stacks that deploy first (this one, those it imports from), then the later stacks' for a subnet
        // none of those associates.
        AddTables(all.OfType<RouteTableSpec>().Where(t => !IsLater(t)), skip: null);
        if (later is not null)
        {
            AddTables(all.OfType<RouteTableSpec>().Where(IsLater), new HashSet<string>(_tablesOfSubnet.Keys, System.StringComparer.Ordinal));
        }

        // A table's routes: its own [Route] attributes, then the route records of the stacks seen that
        // name it (another stack's first, this stack's last, so a conflict is reported in this stack).
        foreach (var table in all.OfType<RouteTableSpec>())
        {
            if (!_routesOfTable.ContainsKey(Key(table)))
            {
                _routesOfTable.Add(Key(table), table.Routes.Select((r, i) => new TableRoute(table, r, table, table.Path.Item("route", i))).ToList());
            }
        }

        foreach (var record in all.OfType<RouteResourceSpec>())
        {
            if (ResolveFrom<RouteTableSpec>(record, record.RouteTable) is { } table && _routesOfTable.TryGetValue(Key(table), out var routes))
            {
                routes.Add(new TableRoute(table, record.Route, record, record.Path));
            }
        }

        foreach (var acl in all.OfType<NetworkAclSpec>())
        {
            foreach (var association in acl.Associations)
            {
                if (ResolveFrom<SubnetSpec>(acl, association) is { } subnet)
                {
                    if (!_aclsOfSubnet.TryGetValue(Key(subnet), out var acls))
                    {
                        _aclsOfSubnet.Add(Key(subnet), acls = []);
                    }

                    if (!acls.Contains(acl))
                    {
                        acls.Add(acl);
                    }
                }
            }
        }

        Names = StackPlan.Names(stack).ToList();
        Outputs = StackPlan.Outputs(stack).ToList();
        NameTypes = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var name in Names)
        {
            if (!NameTypes.ContainsKey(name.LogicalId))
            {
                NameTypes.Add(name.LogicalId, name.CfnType);
            }
        }
    }

    /// <summary>Records each subnet the tables associate under its key, except the subnets in <paramref name="skip"/>.</summary>
    private void AddTables(IEnumerable<RouteTableSpec> routeTables, HashSet<string>? skip)
    {
        foreach (var table in routeTables)
        {
            foreach (var association in table.Associations)
            {
                if (ResolveFrom<SubnetSpec>(table, association) is { } subnet && (skip is null || !skip.Contains(Key(subnet))))
                {
                    if (!_tablesOfSubnet.TryGetValue(Key(subnet), out var tables))
                    {
                        _tablesOfSubnet.Add(Key(subnet), tables = []);
                    }

                    if (!tables.Contains(table))
                    {
                        tables.Add(table);
                    }
                }
            }
        }
    }

    /// <summary>
    /// The stacks a stack imports from and those that route into the tables its paths take (<see cref="ProgramRules.Routing"/>),
    /// in key order: what its reachability and overview see.
    /// </summary>
    public static EquatableArray<StackSpec> Wider(EquatableArray<StackSpec> imported, EquatableArray<StackSpec> routing) =>
        routing.Count == 0 ? imported : imported.Concat(routing).OrderBy(s => s.Key, System.StringComparer.Ordinal).ToEquatableArray();

    /// <summary>The stacks this one imports from, directly or not, that were found.</summary>
    public EquatableArray<StackSpec> Others { get; }

    /// <summary>The resources of the other stacks, then this stack's: the order in which whole-topology rules meet them, so a conflict is reported in this stack.</summary>
    public IReadOnlyList<ResourceSpec> AllResources { get; }

    /// <summary>The stack a resource is declared in.</summary>
    public StackSpec OwnerOf(ResourceSpec resource) => _seen.TryGetValue(resource, out var seen) ? seen.Owner : Stack;

    /// <summary>The key of the stack a resource is declared in (<see cref="StackSpec.Key"/>, computed once per stack seen).</summary>
    public string OwnerKeyOf(ResourceSpec resource) => _seen.TryGetValue(resource, out var seen) ? seen.OwnerKey : _stackKey;

    /// <summary>Whether the resource is declared in one of the routing stacks the index was built with, which deploy after this stack.</summary>
    public bool IsLater(ResourceSpec resource) => _later is not null && _later.Contains(OwnerKeyOf(resource));

    /// <summary>Whether the resource is declared in this stack (findings are reported only there).</summary>
    public bool IsLocal(ResourceSpec resource) => OwnerKeyOf(resource) == _stackKey;

    /// <summary>
    /// The key of the stack that declares the resource when that is another stack, else null: what a finding whose
    /// second place is in the resource holds as <see cref="Finding.RelatedStack"/>, so the place resolves in its own stack.
    /// </summary>
    public string? ForeignKey(ResourceSpec resource) => OwnerKeyOf(resource) is var key && key == _stackKey ? null : key;

    /// <summary>A key unique in the program: the stack's key and the record's name.</summary>
    /// <remarks>
    /// Rules compare resources by key in their inner loops (<see cref="Same"/>), so each record's key
    /// and display name are built once, with the index, rather than on every comparison.
    /// </remarks>
    public string Key(ResourceSpec resource) => _seen.TryGetValue(resource, out var seen) ? seen.Key : _stackKey + "/" + resource.Name;

    /// <summary>How messages name a resource: its name, qualified by its stack class when it is another stack's.</summary>
    public string Display(ResourceSpec resource) => _seen.TryGetValue(resource, out var seen) ? seen.Display : resource.Name;

    /// <summary>Resolves a reference written in <paramref name="from"/>, which may be a record of another stack (whose own references are relative to it).</summary>
    public T? ResolveFrom<T>(ResourceSpec from, RefSpec? reference) where T : ResourceSpec => ResolveIn<T>(OwnerKeyOf(from), reference);

    private T? ResolveIn<T>(string writtenIn, RefSpec? reference) where T : ResourceSpec
    {
        // A reference the compiler rejects (IsError) still resolves when it names a record: the
        // compiler's own error explains it, and the rules can go on checking the rest.
        if (reference is null)
        {
            return null;
        }

        var key = reference.InStack ? writtenIn : reference.Stack;
        if (key is null)
        {
            return null;
        }

        if (key == _stackKey)
        {
            return _byName.TryGetValue(reference.Name, out var local) ? local as T : null;
        }

        return _byStack.TryGetValue(key, out var names) && names.TryGetValue(reference.Name, out var found) ? found as T : null;
    }

    /// <summary>Whether the stack with this key is among those seen (this one or an imported one).</summary>
    public bool Knows(string stackKey) => stackKey == _stackKey || _byStack.ContainsKey(stackKey);

    public StackSpec Stack { get; }

    /// <summary>Where a record seen is declared, and its program-wide key and display name, each built when first asked.</summary>
    private sealed class Seen(StackSpec owner, string ownerKey, string name, bool local)
    {
        private string? _key;
        private string? _display;

        public StackSpec Owner { get; } = owner;

        public string OwnerKey { get; } = ownerKey;

        public string Key => _key ??= OwnerKey + "/" + name;

        public string Display => _display ??= local ? name : Owner.ClassName + "." + name;
    }

    /// <summary>Who can reach whom, built when a rule first asks.</summary>
    public Reachability Reachability => _reachability ??= new Reachability(this);

    private Reachability? _reachability;

    /// <summary>
    /// A project file's text by the path the user wrote, read once however many rules (and the
    /// emitter) ask: in the analyzer each read is an AdditionalText.GetText.
    /// </summary>
    public string? ReadFile(string path)
    {
        if (!_files.TryGetValue(path, out var text))
        {
            _files.Add(path, text = _readFile(path));
        }

        return text;
    }

    /// <summary>Every parameter and resource name the template will hold.</summary>
    public List<PlannedName> Names { get; }

    public List<PlannedName> Outputs { get; }

    /// <summary>Logical ID to CloudFormation type ("Parameter" for parameters).</summary>
    public Dictionary<string, string> NameTypes { get; }

    /// <summary>Resolves a reference written in this stack.</summary>
    public T? Resolve<T>(RefSpec? reference) where T : ResourceSpec => ResolveIn<T>(_stackKey, reference);

    public ResourceSpec? Find(string name) => _byName.TryGetValue(name, out var resource) ? resource : null;

    public ParameterSpec? Parameter(string? name) => name is null ? null : Find(name) as ParameterSpec;

    /// <summary>The VPC a resource belongs to, following subnets; null where a reference does not resolve.</summary>
    public VpcSpec? VpcOf(ResourceSpec? resource) => resource switch
    {
        VpcSpec v => v,
        SubnetSpec s => ResolveFrom<VpcSpec>(s, s.Vpc),
        InternetGatewaySpec g => ResolveFrom<VpcSpec>(g, g.Vpc),
        NatGatewaySpec n => VpcOf(ResolveFrom<SubnetSpec>(n, n.Subnet)),
        RouteTableSpec t => ResolveFrom<VpcSpec>(t, t.Vpc),
        RouteResourceSpec r => VpcOf(ResolveFrom<RouteTableSpec>(r, r.RouteTable)),
        SecurityGroupSpec g => ResolveFrom<VpcSpec>(g, g.Vpc),
        InstanceSpec i => VpcOf(ResolveFrom<SubnetSpec>(i, i.Subnet)),
        TransitGatewayAttachmentSpec a => ResolveFrom<VpcSpec>(a, a.Vpc),
        NetworkAclSpec a => ResolveFrom<VpcSpec>(a, a.Vpc),
        EgressOnlyInternetGatewaySpec e => ResolveFrom<VpcSpec>(e, e.Vpc),
        GatewayEndpointSpec e => ResolveFrom<VpcSpec>(e, e.Vpc),
        InterfaceEndpointSpec e => ResolveFrom<VpcSpec>(e, e.Vpc),
        _ => null,
    };

    /// <summary>Whether two resources are the same record of the program.</summary>
    public bool Same(ResourceSpec? a, ResourceSpec? b) => a is not null && b is not null && Key(a) == Key(b);

    /// <summary>The peering connections of the program seen from here that join the two VPCs (either way round).</summary>
    public IEnumerable<VpcPeeringSpec> PeeringsBetween(VpcSpec a, VpcSpec b) =>
        AllResources.OfType<VpcPeeringSpec>().Where(p =>
        {
            var (x, y) = (ResolveFrom<VpcSpec>(p, p.Vpc), ResolveFrom<VpcSpec>(p, p.Peer));
            return (Same(x, a) && Same(y, b)) || (Same(x, b) && Same(y, a));
        });

    /// <summary>The attachments of the program seen from here that join the VPC to the transit gateway.</summary>
    public IEnumerable<TransitGatewayAttachmentSpec> AttachmentsOf(VpcSpec vpc, TransitGatewaySpec gateway) =>
        AllResources.OfType<TransitGatewayAttachmentSpec>().Where(a =>
            Same(ResolveFrom<VpcSpec>(a, a.Vpc), vpc) && Same(ResolveFrom<TransitGatewaySpec>(a, a.TransitGateway), gateway));

    /// <summary>The VPC's valid blocks as networks: the primary first, then the secondaries.</summary>
    public static IReadOnlyList<Cidr> Blocks(VpcSpec vpc)
    {
        var blocks = new List<Cidr>();
        if (Cidr.TryParse(vpc.CidrBlock, out var primary))
        {
            blocks.Add(primary.Network);
        }

        foreach (var text in vpc.SecondaryCidrBlocks)
        {
            if (Cidr.TryParse(text, out var secondary))
            {
                blocks.Add(secondary.Network);
            }
        }

        return blocks;
    }

    /// <summary>The index of the VPC block holding <paramref name="block"/> (-1 for the primary), or null when none does.</summary>
    public static int? BlockHolding(VpcSpec vpc, Cidr block)
    {
        // The blocks in the order of Blocks(vpc), read in place: rules ask this for every subnet they meet.
        if (Cidr.TryParse(vpc.CidrBlock, out var primary) && primary.Network.Contains(block))
        {
            return -1;
        }

        for (var i = 0; i < vpc.SecondaryCidrBlocks.Count; i++)
        {
            if (Cidr.TryParse(vpc.SecondaryCidrBlocks[i], out var secondary) && secondary.Network.Contains(block))
            {
                return i;
            }
        }

        return null;
    }

    public static string DescribeBlocks(VpcSpec vpc) => string.Join(" or ", Blocks(vpc));

    /// <summary>The network ACLs associated with the subnet (one, unless TDSL250); none means the VPC's default ACL, which allows everything.</summary>
    public IReadOnlyList<NetworkAclSpec> AclsOf(SubnetSpec subnet) =>
        _aclsOfSubnet.TryGetValue(Key(subnet), out var acls) ? acls : [];

    /// <summary>
    /// The route tables associated with the subnet (one, unless TDSL206); none means the VPC's main table. With routing
    /// stacks, one of theirs counts only for a subnet no table of this stack or of the stacks it imports from associates.
    /// </summary>
    public IReadOnlyList<RouteTableSpec> TablesOf(SubnetSpec subnet) =>
        _tablesOfSubnet.TryGetValue(Key(subnet), out var tables) ? tables : [];

    /// <summary>
    /// Every route of a table that the stacks seen hold: its own [Route] attributes, then the route
    /// records ([Route&lt;TRouteTable, TTarget&gt;]) naming it, from any of those stacks. Rules and
    /// reachability read a table's routes only through this, so both forms follow one code path.
    /// </summary>
    public IReadOnlyList<TableRoute> RoutesOf(RouteTableSpec table) =>
        _routesOfTable.TryGetValue(Key(table), out var routes) ? routes : [];

    /// <summary>Resolves a route's target from where the route is written.</summary>
    public T? TargetOf<T>(TableRoute route) where T : ResourceSpec => ResolveFrom<T>(route.Declared, route.Route.Target);

    /// <summary>Whether the subnet's route table sends some destination to an internet gateway.</summary>
    public bool RoutesToInternet(SubnetSpec subnet) =>
        TablesOf(subnet).Any(t => RoutesOf(t).Any(r => TargetOf<InternetGatewaySpec>(r) is not null));

    /// <summary>
    /// Finds a project file by the path the user wrote, relative to the project: the AdditionalFiles
    /// item whose full path ends with it (the shortest such path, if several do).
    /// </summary>
    public static T? FindFile<T>(IEnumerable<T> files, System.Func<T, string> pathOf, string relativePath) where T : class
    {
        var wanted = Normalize(relativePath);
        T? best = null;
        var bestLength = int.MaxValue;
        foreach (var file in files)
        {
            var path = Normalize(pathOf(file));
            if ((path == wanted || path.EndsWith("/" + wanted, System.StringComparison.Ordinal)) && path.Length < bestLength)
            {
                best = file;
                bestLength = path.Length;
            }
        }

        return best;
    }

    public static string? FindFile(IEnumerable<ProjectFile> files, string relativePath) =>
        FindFile(files, f => f.Path, relativePath)?.Text;

    public static string Normalize(string path)
    {
        var p = path.Replace('\\', '/');
        while (p.StartsWith("./", System.StringComparison.Ordinal))
        {
            p = p.Substring(2);
        }

        return p;
    }
}

/// <summary>
/// A route of a route table, in either form: a [Route] on the table (<see cref="Declared"/> is the
/// table, <see cref="Path"/> is <c>{table}/route[i]</c>) or a route record, maybe of another stack
/// (<see cref="Declared"/> is the record, <see cref="Path"/> the record's). Under <see cref="Path"/>,
/// <c>destination</c> and <c>target</c> are where the route's values are written; the target is
/// resolved from <see cref="Declared"/>.
/// </summary>
internal sealed record TableRoute(RouteTableSpec Table, RouteSpec Route, ResourceSpec Declared, ModelPath Path)
{
    public ModelPath DestinationPath => Path.Child("destination");

    public ModelPath TargetPath => Path.Child("target");
}

/// <summary>Compares by reference: two equal specs in two stacks are still two records.</summary>
internal sealed class ReferenceComparer : IEqualityComparer<object>
{
    public static readonly ReferenceComparer Instance = new();

    public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

    public int GetHashCode(object obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
}
