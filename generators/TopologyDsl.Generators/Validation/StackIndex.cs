using System.Collections.Generic;
using System.Linq;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Validation;

/// <summary>Look-ups over one stack spec that several rules share, built once per validation.</summary>
internal sealed class StackIndex
{
    private readonly Dictionary<string, ResourceSpec> _byName = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, List<RouteTableSpec>> _tablesOfSubnet = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _files = new(System.StringComparer.Ordinal);
    private readonly System.Func<string, string?> _readFile;

    public StackIndex(StackSpec stack, System.Func<string, string?> readFile)
    {
        Stack = stack;
        _readFile = readFile;
        foreach (var resource in stack.Resources)
        {
            if (!_byName.ContainsKey(resource.Name))
            {
                _byName.Add(resource.Name, resource);
            }
        }

        foreach (var table in stack.Resources.OfType<RouteTableSpec>())
        {
            foreach (var association in table.Associations)
            {
                if (Resolve<SubnetSpec>(association) is { } subnet)
                {
                    if (!_tablesOfSubnet.TryGetValue(subnet.Name, out var tables))
                    {
                        _tablesOfSubnet.Add(subnet.Name, tables = []);
                    }

                    if (!tables.Contains(table))
                    {
                        tables.Add(table);
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

    public StackSpec Stack { get; }

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

    public T? Resolve<T>(RefSpec? reference) where T : ResourceSpec =>
        reference is { InStack: true } && _byName.TryGetValue(reference.Name, out var resource) ? resource as T : null;

    public ResourceSpec? Find(string name) => _byName.TryGetValue(name, out var resource) ? resource : null;

    public ParameterSpec? Parameter(string? name) => name is null ? null : Find(name) as ParameterSpec;

    /// <summary>The VPC a resource belongs to, following subnets; null where a reference does not resolve.</summary>
    public VpcSpec? VpcOf(ResourceSpec? resource) => resource switch
    {
        VpcSpec v => v,
        SubnetSpec s => Resolve<VpcSpec>(s.Vpc),
        InternetGatewaySpec g => Resolve<VpcSpec>(g.Vpc),
        NatGatewaySpec n => VpcOf(Resolve<SubnetSpec>(n.Subnet)),
        RouteTableSpec t => Resolve<VpcSpec>(t.Vpc),
        SecurityGroupSpec g => Resolve<VpcSpec>(g.Vpc),
        InstanceSpec i => VpcOf(Resolve<SubnetSpec>(i.Subnet)),
        _ => null,
    };

    /// <summary>The VPC's valid blocks as networks: the primary first, then the secondaries, each with its index (-1 for the primary).</summary>
    public static IReadOnlyList<(Cidr Block, int Index)> Blocks(VpcSpec vpc)
    {
        var blocks = new List<(Cidr, int)>();
        if (Cidr.TryParse(vpc.CidrBlock, out var primary))
        {
            blocks.Add((primary.Network, -1));
        }

        for (var i = 0; i < vpc.SecondaryCidrBlocks.Count; i++)
        {
            if (Cidr.TryParse(vpc.SecondaryCidrBlocks[i], out var secondary))
            {
                blocks.Add((secondary.Network, i));
            }
        }

        return blocks;
    }

    /// <summary>The index of the VPC block holding <paramref name="block"/> (-1 for the primary), or null when none does.</summary>
    public static int? BlockHolding(VpcSpec vpc, Cidr block)
    {
        foreach (var (candidate, index) in Blocks(vpc))
        {
            if (candidate.Contains(block))
            {
                return index;
            }
        }

        return null;
    }

    public static string DescribeBlocks(VpcSpec vpc) => string.Join(" or ", Blocks(vpc).Select(b => b.Block.ToString()));

    public IReadOnlyList<RouteTableSpec> TablesOf(SubnetSpec subnet) =>
        _tablesOfSubnet.TryGetValue(subnet.Name, out var tables) ? tables : [];

    /// <summary>Whether the subnet's route table sends some destination to an internet gateway.</summary>
    public bool RoutesToInternet(SubnetSpec subnet) =>
        TablesOf(subnet).Any(t => t.Routes.Any(r => Resolve<InternetGatewaySpec>(r.Target) is not null));

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
