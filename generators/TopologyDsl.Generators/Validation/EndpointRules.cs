using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using TopologyDsl.Generators.Diagnostics;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Validation;

/// <summary>
/// VPC endpoints and Session Manager: the service's name, the wiring of an endpoint (its subnets,
/// route tables and groups in its VPC, one subnet per zone, private DNS), two endpoints that AWS
/// would refuse side by side, whether the instances that use a service can reach its endpoint, and
/// whether a Session Manager instance can ever reach Systems Manager.
/// </summary>
internal static class EndpointRules
{
    /// <summary>The endpoint services the SSM agent calls (Session Manager needs all three without the internet).</summary>
    public static readonly string[] SessionManagerServices = ["ssm", "ssmmessages", "ec2messages"];

    /// <summary>The services a gateway endpoint serves.</summary>
    private static readonly string[] GatewayServices = ["s3", "dynamodb"];

    /// <summary>The last part of an endpoint service name: DNS labels of lower-case letters, digits and hyphens, such as <c>ecr.dkr</c>.</summary>
    private static readonly Regex ServiceForm = new("^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*$", RegexOptions.CultureInvariant);

    /// <summary>A region written into the name, such as <c>eu-west-1</c> or <c>us-gov-west-1</c>.</summary>
    private static readonly Regex RegionInName = new("(?<![a-z])[a-z]{2}(-gov|-iso[a-z]?)?-(north|south|east|west|central|northeast|southeast|northwest|southwest)-[0-9]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly PortRange Https = PortRange.Single(ProtocolSpec.Tcp, 443);

    public static void Check(StackIndex index, List<Finding> findings)
    {
        foreach (var resource in index.Stack.Resources)
        {
            switch (resource)
            {
                case GatewayEndpointSpec g:
                    CheckService(g.Name, g.Service, gateway: true, g.Path.Child("service"), findings);
                    var vpc = index.Resolve<VpcSpec>(g.Vpc);
                    for (var i = 0; i < g.RouteTables.Count; i++)
                    {
                        if (index.Resolve<RouteTableSpec>(g.RouteTables[i]) is { } table)
                        {
                            ReferenceRules.SameVpc(index, g, vpc, table, g.Path.Item("routeTable", i).Child("routeTable"), findings);
                        }
                    }

                    break;
                case InterfaceEndpointSpec e:
                    CheckService(e.Name, e.Service, gateway: false, e.Path.Child("service"), findings);
                    CheckInterface(index, e, findings);
                    break;
                case InstanceSpec i when i.SessionManager:
                    CheckWayOut(index, i, findings);
                    CheckSessionManager(index, i, findings);
                    break;
            }
        }

        CheckDuplicates(index, findings);
        CheckUsers(index, findings);
    }

    /// <summary>
    /// The rules of this family that read the paths of the stack's instances, which the routes other stacks add to
    /// their subnets' tables change: whether a Session Manager instance has a way to Systems Manager (TDSL244). Run
    /// again with the stacks that route into those tables (<see cref="TopologyValidator.Routed"/>). The other rules
    /// read the endpoints' own wiring: the way to an interface endpoint is the VPC's local route, and a gateway
    /// endpoint serves the route tables it is joined to, whatever routes they hold.
    /// </summary>
    public static void CheckPaths(StackIndex index, List<Finding> findings)
    {
        foreach (var instance in index.Stack.Resources.OfType<InstanceSpec>())
        {
            if (instance.SessionManager)
            {
                CheckWayOut(index, instance, findings);
            }
        }
    }

    private static void CheckService(string endpoint, string service, bool gateway, ModelPath path, List<Finding> findings)
    {
        var problem = Problem(service, gateway);
        if (problem is not null)
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.EndpointServiceInvalid.Id, path, endpoint, service, problem) with { Suggestion = Suggest(service, gateway) });
        }
    }

    /// <summary>
    /// The short name a wrong service name stands for, when that is plain (the code fix writes it):
    /// the whole name without <c>com.amazonaws.</c> and the region (written or substituted), in lower case.
    /// </summary>
    internal static string? Suggest(string service, bool gateway)
    {
        var name = service.Trim().ToLowerInvariant();
        if (name.StartsWith("com.amazonaws.", System.StringComparison.Ordinal))
        {
            name = name.Substring("com.amazonaws.".Length);
        }

        name = Regex.Replace(name, "^(\\$\\{aws::region\\}|" + RegionInName + ")\\.", "", RegexOptions.CultureInvariant);
        name = Regex.Replace(name, "\\.(" + RegionInName + ")$", "", RegexOptions.CultureInvariant);
        return name != service && Problem(name, gateway) is null ? name : null;
    }

    /// <summary>What is wrong with a service name, in words after "which", or null when nothing is.</summary>
    internal static string? Problem(string service, bool gateway)
    {
        if (service.Length == 0)
        {
            return "is empty; give the service's short name, such as \"ssm\"";
        }

        var region = RegionInName.Match(service);
        if (region.Success)
        {
            return "hard-codes region " + region.Value + "; give only the service's short name: the generator writes com.amazonaws.${AWS::Region}.<service>, which is right in every region";
        }

        if (service.Contains("${"))
        {
            return "substitutes a value; give only the service's short name: the generator writes com.amazonaws.${AWS::Region}.<service>";
        }

        if (service.StartsWith("com.amazonaws.", System.StringComparison.OrdinalIgnoreCase) || service.StartsWith("aws.", System.StringComparison.OrdinalIgnoreCase))
        {
            return "is a whole endpoint service name; give only its last part (\"ssm\", \"ecr.api\"): the generator adds com.amazonaws.${AWS::Region}.";
        }

        if (!ServiceForm.IsMatch(service))
        {
            return "is not a service's short name (lower-case letters, digits, hyphens and dots, such as \"ecr.api\")";
        }

        if (gateway && !GatewayServices.Contains(service))
        {
            return "has no gateway endpoint: gateway endpoints serve only s3 and dynamodb; declare [InterfaceEndpoint] for other services";
        }

        return null;
    }

    private static void CheckInterface(StackIndex index, InterfaceEndpointSpec endpoint, List<Finding> findings)
    {
        var vpc = index.Resolve<VpcSpec>(endpoint.Vpc);
        // Keyed by the zone as written, in its form (an index, a name, an ID): zones named in different
        // forms are not compared, as in the transit gateway attachment's check (TDSL120).
        var zones = new Dictionary<(ZoneForm, string), (SubnetSpec Subnet, ModelPath Path)>();
        for (var i = 0; i < endpoint.Subnets.Count; i++)
        {
            var path = endpoint.Path.Item("subnet", i).Child("subnet");
            if (index.Resolve<SubnetSpec>(endpoint.Subnets[i]) is not { } subnet)
            {
                continue;
            }

            ReferenceRules.SameVpc(index, endpoint, vpc, subnet, path, findings);
            if (vpc is not null && !index.Same(vpc, index.VpcOf(subnet)))
            {
                continue;
            }

            if (zones.TryGetValue((subnet.ZoneForm, subnet.ZoneText), out var first))
            {
                if (!index.Same(first.Subnet, subnet))
                {
                    findings.Add(Finding.Create(DiagnosticDescriptors.EndpointSubnetsShareZone.Id, path, first.Path,
                        endpoint.Name, index.Display(first.Subnet), index.Display(subnet), subnet.ZoneText));
                }
            }
            else
            {
                zones.Add((subnet.ZoneForm, subnet.ZoneText), (subnet, path));
            }
        }

        for (var i = 0; i < endpoint.SecurityGroups.Count; i++)
        {
            if (index.Resolve<SecurityGroupSpec>(endpoint.SecurityGroups[i]) is { } group)
            {
                ReferenceRules.SameVpc(index, endpoint, vpc, group, endpoint.Path.Item("uses", i).Child("group"), findings);
            }
        }

        if (endpoint.PrivateDns && vpc is not null && !(vpc.DnsSupport && vpc.DnsHostnames))
        {
            var off = !vpc.DnsSupport && !vpc.DnsHostnames ? "DNS support and DNS host names" : !vpc.DnsSupport ? "DNS support" : "DNS host names";
            findings.Add(Finding.Create(DiagnosticDescriptors.PrivateDnsWithoutVpcDns.Id, endpoint.Path.Child("vpc"), endpoint.Name, index.Display(vpc), off));
        }
    }

    /// <summary>Two gateway endpoints of one service in one route table; two interface endpoints of one service with private DNS in one VPC.</summary>
    private static void CheckDuplicates(StackIndex index, List<Finding> findings)
    {
        var gatewayOf = new Dictionary<(string Table, string Service), GatewayEndpointSpec>();
        var interfaceOf = new Dictionary<(string Vpc, string Service), InterfaceEndpointSpec>();
        foreach (var resource in index.AllResources)
        {
            var local = index.IsLocal(resource);
            switch (resource)
            {
                case GatewayEndpointSpec g:
                    for (var i = 0; i < g.RouteTables.Count; i++)
                    {
                        if (index.ResolveFrom<RouteTableSpec>(g, g.RouteTables[i]) is not { } table)
                        {
                            continue;
                        }

                        var key = (index.Key(table), g.Service);
                        if (gatewayOf.TryGetValue(key, out var first))
                        {
                            if (local && !index.Same(first, g))
                            {
                                findings.Add(Finding.Create(DiagnosticDescriptors.DuplicateEndpoint.Id, g.Path.Item("routeTable", i).Child("routeTable"),
                                    g.Name, g.Service, index.Display(first), "in route table '" + index.Display(table) + "'"));
                            }
                        }
                        else
                        {
                            gatewayOf.Add(key, g);
                        }
                    }

                    break;
                case InterfaceEndpointSpec { PrivateDns: true } e when index.ResolveFrom<VpcSpec>(e, e.Vpc) is { } vpc:
                    var vpcKey = (index.Key(vpc), e.Service);
                    if (interfaceOf.TryGetValue(vpcKey, out var earlier))
                    {
                        if (local)
                        {
                            findings.Add(Finding.Create(DiagnosticDescriptors.DuplicateEndpoint.Id, e.Path.Child("service"),
                                e.Name, e.Service, index.Display(earlier), "with private DNS in VPC '" + index.Display(vpc) + "'"));
                        }
                    }
                    else
                    {
                        interfaceOf.Add(vpcKey, e);
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// The services an instance calls, with why and where the model says so: its secrets (its first
    /// [ReadsSecret]), Session Manager (its SessionManager setting), and the AWS CLI in its boot script (its UserData).
    /// </summary>
    internal static IEnumerable<(string Service, string Why, ModelPath At)> ServicesUsedBy(StackIndex index, InstanceSpec instance)
    {
        if (instance.Secrets.Count > 0)
        {
            yield return ("secretsmanager", "it reads a secret", instance.Path.Item("readsSecret", 0));
        }

        if (instance.SessionManager)
        {
            foreach (var service in SessionManagerServices)
            {
                yield return (service, "Session Manager", instance.Path.Child("sessionManager"));
            }
        }

        if (instance.UserData is { Length: > 0 } file && index.ReadFile(file) is { } script)
        {
            foreach (var (command, service) in ReachabilityRules.NetworkCommands(script))
            {
                if (command == "aws" && service is not null)
                {
                    yield return (service, "its boot script runs 'aws " + CliCommand(service) + "'", instance.Path.Child("userData"));
                }
            }
        }
    }

    private static string CliCommand(string service) => service switch
    {
        "ecr.api" => "ecr",
        _ => service,
    };

    /// <summary>
    /// The interface endpoints the instances of the VPC call (private DNS on) must let them in on TCP 443.
    /// Private DNS sends every instance of the VPC to the endpoint, whichever stack declares either: an
    /// endpoint of this stack is checked against the instances of this stack and of those it imports from,
    /// reported at the endpoint's group (once per endpoint); an endpoint imported from another stack, against
    /// this stack's instances, reported at what makes the instance call the service (once per endpoint), since
    /// the stack that declares the endpoint cannot see them.
    /// </summary>
    private static void CheckUsers(StackIndex index, List<Finding> findings)
    {
        var model = index.Reachability;
        var users = model.Instances.Concat(index.AllResources.OfType<InstanceSpec>().Where(i => !index.IsLocal(i) && model.Models(i))).ToList();
        // What each instance calls, found once (a boot script is scanned once, however many endpoints there are).
        var calls = new Dictionary<InstanceSpec, List<(string Service, string Why, ModelPath At)>>(ReferenceComparer.Instance);
        List<(string Service, string Why, ModelPath At)> Calls(InstanceSpec instance)
        {
            if (!calls.TryGetValue(instance, out var found))
            {
                calls.Add(instance, found = ServicesUsedBy(index, instance).ToList());
            }

            return found;
        }

        foreach (var endpoint in index.AllResources.OfType<InterfaceEndpointSpec>())
        {
            var local = index.IsLocal(endpoint);
            if (!endpoint.PrivateDns || index.ResolveFrom<VpcSpec>(endpoint, endpoint.Vpc) is not { } vpc || endpoint.Subnets.Count == 0)
            {
                continue;
            }

            foreach (var instance in local ? users : model.Instances)
            {
                if (!index.Same(index.VpcOf(instance), vpc)
                    || Calls(instance).FirstOrDefault(u => u.Service == endpoint.Service) is not { Service: not null } use)
                {
                    continue;
                }

                if (model.ExplainEndpoint(instance, endpoint, Https) is { } broken)
                {
                    var at = !local ? use.At
                        : endpoint.SecurityGroups.Count > 0 ? endpoint.Path.Item("uses", 0).Child("group") : endpoint.Path.Child("attribute");
                    findings.Add(Finding.Create(DiagnosticDescriptors.EndpointClosedToItsUsers.Id, at,
                        index.Display(endpoint), endpoint.Service, index.Display(instance), use.Why, broken.Reason));
                    break;
                }
            }
        }
    }

    /// <summary>Whether an endpoint the instance can reach serves the service: a gateway endpoint of its route table, or an interface endpoint of its VPC with private DNS.</summary>
    internal static bool Serves(StackIndex index, InstanceSpec instance, string service)
    {
        if (index.Resolve<SubnetSpec>(instance.Subnet) is not { } subnet)
        {
            return false;
        }

        var model = index.Reachability;
        foreach (var endpoint in StackPlan.EndpointsServing(index, subnet))
        {
            switch (endpoint)
            {
                case GatewayEndpointSpec g when g.Service == service && model.ExplainGateway(instance, g) is null:
                    return true;
                case InterfaceEndpointSpec e when e.Service == service && e.PrivateDns && model.ExplainEndpoint(instance, e, Https) is null:
                    return true;
            }
        }

        return false;
    }

    /// <summary>A Session Manager instance with neither a way to the internet nor the three endpoints with private DNS in its VPC (TDSL244).</summary>
    private static void CheckWayOut(StackIndex index, InstanceSpec instance, List<Finding> findings)
    {
        var model = index.Reachability;
        if (!model.Models(instance) || index.VpcOf(instance) is not { } vpc)
        {
            return;
        }

        if (model.Explain(model.EndpointOf(instance), Endpoint.Internet, Https) is { } broken)
        {
            // Endpoints that exist but refuse the instance are TDSL243's; here only the ones missing
            // altogether, or present without private DNS: the agent calls the services' public names,
            // which only private DNS points at the endpoint.
            var inVpc = index.AllResources.OfType<InterfaceEndpointSpec>()
                .Where(e => e.Subnets.Count > 0 && index.Same(index.ResolveFrom<VpcSpec>(e, e.Vpc), vpc))
                .ToList();
            var missing = SessionManagerServices.Where(s => !inVpc.Any(e => e.PrivateDns && e.Service == s)).ToList();
            if (missing.Count > 0)
            {
                var withoutDns = missing.Where(s => inVpc.Any(e => e.Service == s)).ToList();
                var absent = missing.Except(withoutDns).ToList();
                var what = absent.Count > 0 ? "has no interface endpoint for " + Invariant.List(absent) : "";
                if (withoutDns.Count > 0)
                {
                    what += (what.Length > 0 ? ", and " : "") + "has its endpoints for " + Invariant.List(withoutDns)
                        + " with private DNS off, so the agent, which calls the services by their public names, does not use them";
                }

                findings.Add(Finding.Create(DiagnosticDescriptors.SessionManagerCannotRegister.Id, instance.Path.Child("sessionManager"),
                    instance.Name, broken.Reason, index.Display(vpc), what));
            }
        }
    }

    /// <summary>A Session Manager instance that still lets SSH in (TDSL415).</summary>
    private static void CheckSessionManager(StackIndex index, InstanceSpec instance, List<Finding> findings)
    {
        foreach (var group in instance.SecurityGroups.Select(g => index.Resolve<SecurityGroupSpec>(g)).Where(g => g is not null).Distinct())
        {
            var ssh = group!.Ingress.FirstOrDefault(r => r.Protocol == ProtocolSpec.Tcp && PortRange.Of(r).Covers(PortRange.Single(ProtocolSpec.Tcp, 22)));
            if (ssh is not null)
            {
                var from = ssh.PeerGroup is { } peer ? "group '" + peer.Display + "'" : ssh.Peer ?? "";
                findings.Add(Finding.Create(DiagnosticDescriptors.SshOpenOnSessionManagerInstance.Id, instance.Path.Child("sessionManager"),
                    instance.Name, group.Name, from));
                break;
            }
        }
    }
}
