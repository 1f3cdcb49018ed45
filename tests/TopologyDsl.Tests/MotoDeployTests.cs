using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Threading;
using TopologyDsl.Testing;
using TopologyDsl.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace TopologyDsl.Tests;

/// <summary>
/// Deploys the committed WordPress and ThreeTier templates for real with <c>aws cloudformation deploy</c>, against
/// a moto_server (a local AWS emulator) that the test starts on a free port, with dummy credentials.
/// Then it checks what the emulator built against what the template says.
/// <para>
/// Gaps of the emulator (moto 5), found by deploying this template: its CloudFormation creates no
/// AWS::SecretsManager::Secret and no AWS::EC2::SecurityGroupEgress (the stack completes, the
/// resources are listed without a type), cannot create AWS::EC2::VPCCidrBlock, places instances
/// without reading <c>NetworkInterfaces</c> (so neither the subnet nor the fixed private address is
/// checked here), ignores <c>MetadataOptions</c> and an instance's <c>Volumes</c>, has no
/// AWS::EC2::EIPAssociation (moto 5.1's CloudFormation knows no such type: the stack completes
/// without it), and returns no stack outputs. It creates no network ACL, ACL entry, ACL association
/// or egress-only internet gateway either (listed without a type), and its Fn::GetAtt knows no VPC's
/// <c>Ipv6CidrBlocks</c>, so a dual-stack template is deployed here with its IPv6 parts taken out
/// (<see cref="WithoutIpv6"/>); and it drops the IPv6 range (CidrIpv6) of a security group's inline
/// rule. Those parts are covered by the schema and cfn-lint tests instead.
/// </para>
/// </summary>
public sealed class MotoDeployTests : IDisposable
{
    /// <summary>Types that moto's CloudFormation accepts but does not create (see the class summary).</summary>
    private static readonly HashSet<string> NotCreatedByMoto =
        ["AWS::SecretsManager::Secret", "AWS::EC2::SecurityGroupEgress", "AWS::EC2::VPCCidrBlock", "AWS::EC2::EIPAssociation",
         "AWS::EC2::NetworkAcl", "AWS::EC2::NetworkAclEntry", "AWS::EC2::SubnetNetworkAclAssociation", "AWS::EC2::EgressOnlyInternetGateway"];

    /// <summary>Values for the template's parameters that have no default.</summary>
    private static readonly Dictionary<string, string> ParameterValues = new()
    {
        ["KeyName"] = "topologydsl-test",
        ["AdminCidr"] = "203.0.113.7/32",
        ["AdminEmail"] = "admin@example.com",
        ["AdminUser"] = "admin",
        ["ImageId"] = "ami-0123456789abcdef0",
    };

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "topologydsl-moto-" + Guid.NewGuid().ToString("N"));
    private Process? _moto;
    private Dictionary<string, string> _environment = [];
    private string _endpoint = "";

    public void Dispose()
    {
        if (_moto is { HasExited: false })
        {
            _moto.Kill(entireProcessTree: true);
            _moto.WaitForExit();
        }

        _moto?.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [SkippableFact]
    public void WordPressTemplate_DeploysToTheEmulator_AndBuildsWhatItSays() =>
        DeployAndCheck("wordpress", Repo.PathOf("examples", "WordPress", "templates", "wordpress.yaml"));

    [SkippableFact]
    public void ThreeTierTemplate_DeploysToTheEmulator_AndBuildsWhatItSays() =>
        DeployAndCheck("three-tier", Repo.PathOf("examples", "ThreeTier", "templates", "three-tier.yaml"));

    private void DeployAndCheck(string stackName, string path)
    {
        var aws = Tool.Find("aws");
        var motoServer = Tool.Find("moto_server");
        Skip.If(aws is null, "the AWS CLI (aws) is not on PATH");
        Skip.If(motoServer is null, "moto_server is not on PATH (pip install 'moto[server]')");
        StartMoto(motoServer);

        var template = TemplateYaml.Parse(File.ReadAllText(path));
        if (WithoutIpv6(template))
        {
            path = Path.Combine(_folder, stackName + "-ipv4.yaml");
            var stream = new YamlStream(new YamlDocument(template));
            using var writer = new StreamWriter(path);
            stream.Save(writer, assignAnchors: false);
        }

        var parameters = Parameters(template);
        var deploy = Aws(aws, ["cloudformation", "deploy", "--stack-name", stackName, "--template-file", path, "--capabilities", "CAPABILITY_IAM",
            "--parameter-overrides", .. parameters.Select(p => p.Key + "=" + p.Value)]);
        Assert.True(deploy.Exit == 0, deploy.ToString());

        var stack = Json(aws, "cloudformation", "describe-stacks", "--stack-name", stackName)["Stacks"]![0]!;
        Assert.Equal("CREATE_COMPLETE", (string?)stack["StackStatus"]);

        // Every resource of a type the emulator creates is there, complete, with the template's type.
        var listed = Json(aws, "cloudformation", "describe-stack-resources", "--stack-name", stackName)["StackResources"]!.AsArray()
            .Where(r => r!["LogicalResourceId"] is not null)
            .ToDictionary(r => (string)r!["LogicalResourceId"]!, r => r!);
        var resources = template.Map("Resources").Entries().ToDictionary(e => e.Key, e => (YamlMappingNode)e.Value);
        foreach (var (id, resource) in resources)
        {
            var type = ((YamlScalarNode)resource.Get("Type")!).Value!;
            if (NotCreatedByMoto.Contains(type))
            {
                continue;
            }

            Assert.True(listed.TryGetValue(id, out var entry), $"{id} ({type}) was not created");
            Assert.Equal((type, "CREATE_COMPLETE"), ((string?)entry!["ResourceType"], (string?)entry["ResourceStatus"]));
        }

        string Physical(string id) => (string)listed[id]["PhysicalResourceId"]!;
        IEnumerable<(string Id, YamlMappingNode Properties)> OfType(string type) =>
            resources.Where(r => ((YamlScalarNode)r.Value.Get("Type")!).Value == type).Select(r => (r.Key, (YamlMappingNode)r.Value.Get("Properties")!));
        string Scalar(YamlMappingNode properties, string key) => ((YamlScalarNode)properties.Get(key)!).Value!;
        string Target(YamlMappingNode properties, string key) => ((YamlScalarNode)TemplateYaml.Intrinsic(properties.Get(key)!).Argument).Value!.Split('.')[0];

        // The VPC and its subnets, with the template's blocks.
        var (vpcId, vpc) = Assert.Single(OfType("AWS::EC2::VPC"));
        var vpcs = Json(aws, "ec2", "describe-vpcs", "--vpc-ids", Physical(vpcId))["Vpcs"]!;
        Assert.Equal(Scalar(vpc, "CidrBlock"), (string?)vpcs[0]!["CidrBlock"]);
        foreach (var (id, subnet) in OfType("AWS::EC2::Subnet"))
        {
            var found = Json(aws, "ec2", "describe-subnets", "--subnet-ids", Physical(id))["Subnets"]![0]!;
            Assert.Equal((Scalar(subnet, "CidrBlock"), Physical(vpcId)), ((string?)found["CidrBlock"], (string?)found["VpcId"]));
        }

        // Each route goes where the template sends it: the internet gateway or the NAT gateway.
        var routes = OfType("AWS::EC2::Route").ToList();
        Assert.NotEmpty(routes);
        foreach (var (id, route) in routes)
        {
            var table = Json(aws, "ec2", "describe-route-tables", "--route-table-ids", Physical(Target(route, "RouteTableId")))["RouteTables"]![0]!;
            var destination = Scalar(route, "DestinationCidrBlock");
            var (key, target) = route.Get("GatewayId") is not null ? ("GatewayId", Target(route, "GatewayId")) : ("NatGatewayId", Target(route, "NatGatewayId"));
            Assert.True(table["Routes"]!.AsArray().Any(r => (string?)r!["DestinationCidrBlock"] == destination && (string?)r[key] == Physical(target)),
                $"route {id}: no {destination} via {key} {target} in {table.ToJsonString()}");
        }

        // Inbound rules: the groups' own (to a CIDR or a parameter) and those between groups.
        var groups = OfType("AWS::EC2::SecurityGroup").ToDictionary(g => g.Id, g => GroupPermissions(aws, Physical(g.Id)));
        foreach (var (id, group) in OfType("AWS::EC2::SecurityGroup"))
        {
            foreach (var rule in (group.Get("SecurityGroupIngress") as YamlSequenceNode)?.Cast<YamlMappingNode>() ?? [])
            {
                // moto's CloudFormation drops the IPv6 range of a group's inline rule (see the class summary).
                if (rule.Get("CidrIpv6") is not null)
                {
                    continue;
                }

                var cidr = rule.Get("CidrIp") is YamlScalarNode { Tag.IsEmpty: true } literal ? literal.Value! : parameters[Target(rule, "CidrIp")];
                Assert.True(groups[id].Any(p => Same(p, rule) && p["IpRanges"]!.AsArray().Any(r => (string?)r!["CidrIp"] == cidr)),
                    $"{id}: no inbound {Scalar(rule, "FromPort")} from {cidr}");
            }
        }

        foreach (var (id, rule) in OfType("AWS::EC2::SecurityGroupIngress"))
        {
            var group = Target(rule, "GroupId");
            var source = Physical(Target(rule, "SourceSecurityGroupId"));
            Assert.True(groups[group].Any(p => Same(p, rule) && p["UserIdGroupPairs"]!.AsArray().Any(pair => (string?)pair!["GroupId"] == source)),
                $"{id}: {group} takes no {Scalar(rule, "FromPort")} from {source}");
        }

        // The instances run, and the VPC records its flow logs.
        foreach (var (id, _) in OfType("AWS::EC2::Instance"))
        {
            var instance = Json(aws, "ec2", "describe-instances", "--instance-ids", Physical(id))["Reservations"]![0]!["Instances"]![0]!;
            Assert.Equal("running", (string?)instance["State"]!["Name"]);
        }

        // Data volumes, with the template's size, in the zone of their instance's subnet (moto reads
        // no other property of a volume); Elastic IPs allocated.
        foreach (var (id, volume) in OfType("AWS::EC2::Volume"))
        {
            var found = Json(aws, "ec2", "describe-volumes", "--volume-ids", Physical(id))["Volumes"]![0]!;
            var (_, host) = Assert.Single(OfType("AWS::EC2::Instance"), i => (i.Properties.Get("Volumes") as YamlSequenceNode)?.Cast<YamlMappingNode>()
                .Any(v => Target(v, "VolumeId") == id) == true);
            var nic = (YamlMappingNode)((YamlSequenceNode)host.Get("NetworkInterfaces")!).Children[0];
            var subnet = Json(aws, "ec2", "describe-subnets", "--subnet-ids", Physical(Target(nic, "SubnetId")))["Subnets"]![0]!;
            Assert.Equal((Scalar(volume, "Size"), (string?)subnet["AvailabilityZone"]), (found["Size"]!.ToString(), (string?)found["AvailabilityZone"]));
        }

        foreach (var (id, _) in OfType("AWS::EC2::EIP"))
        {
            var addresses = Json(aws, "ec2", "describe-addresses")["Addresses"]!.AsArray();
            Assert.Contains(addresses, a => (string?)a!["PublicIp"] == Physical(id) || (string?)a!["AllocationId"] == Physical(id));
        }

        // Each VPC endpoint has the template's type, the region's service name, and its route tables or subnets.
        foreach (var (id, endpoint) in OfType("AWS::EC2::VPCEndpoint"))
        {
            var found = Json(aws, "ec2", "describe-vpc-endpoints", "--vpc-endpoint-ids", Physical(id))["VpcEndpoints"]![0]!;
            var service = ((YamlScalarNode)TemplateYaml.Intrinsic(endpoint.Get("ServiceName")!).Argument).Value!.Replace("${AWS::Region}", "us-east-1");
            Assert.Equal((Scalar(endpoint, "VpcEndpointType"), service, Physical(vpcId)),
                ((string?)found["VpcEndpointType"], (string?)found["ServiceName"], (string?)found["VpcId"]));
            var (key, expected) = endpoint.Get("RouteTableIds") is YamlSequenceNode tables ? ("RouteTableIds", tables) : ("SubnetIds", (YamlSequenceNode)endpoint.Get("SubnetIds")!);
            Assert.Equal(expected.Select(t => Physical(((YamlScalarNode)TemplateYaml.Intrinsic(t).Argument).Value!)).Order(),
                found[key]!.AsArray().Select(t => (string)t!).Order());
        }

        if (OfType("AWS::EC2::FlowLog").Any())
        {
            var logs = Json(aws, "ec2", "describe-flow-logs")["FlowLogs"]!.AsArray();
            Assert.Contains(logs, l => (string?)l!["ResourceId"] == Physical(vpcId));
        }
    }

    /// <summary>
    /// Deploys the multi-stack example's committed templates in the deploy order that <c>synth</c>
    /// prints, and checks that the application stack's imports resolve to the network stack's
    /// resources and that the peering joins the two VPCs. It creates each stack with
    /// <c>aws cloudformation create-stack</c> and waits for it: moto 5's change sets, which
    /// <c>deploy</c> uses, record no stack outputs, so the exports of a stack deployed that way are
    /// invisible to the next stack (an emulator gap; on AWS the README's <c>deploy</c> commands work).
    /// </summary>
    [SkippableFact]
    public void SharedNetworkTemplates_DeployInOrder_AndTheImportsResolveToTheNetworkStack()
    {
        var aws = Tool.Find("aws");
        var motoServer = Tool.Find("moto_server");
        Skip.If(aws is null, "the AWS CLI (aws) is not on PATH");
        Skip.If(motoServer is null, "moto_server is not on PATH (pip install 'moto[server]')");
        StartMoto(motoServer);

        var order = TopologyDsl.CloudFormation.DeployOrder.Sort([Examples.SharedNetwork.ReportingStack.BuildTemplate(), Examples.SharedNetwork.AppStack.BuildTemplate(),
            Examples.SharedNetwork.NetworkStack.BuildTemplate()]);
        Assert.Equal(["shared-network", "shared-app", "shared-reporting"], order.Select(t => t.StackName));
        var physical = new Dictionary<string, Dictionary<string, string>>();
        foreach (var stackName in order.Select(t => t.StackName))
        {
            var path = Repo.PathOf("examples", "SharedNetwork", "templates", stackName + ".yaml");
            var template = TemplateYaml.Parse(File.ReadAllText(path));
            var create = Aws(aws, ["cloudformation", "create-stack", "--stack-name", stackName, "--template-body", "file://" + path, "--capabilities", "CAPABILITY_IAM",
                "--parameters", .. Parameters(template).Select(p => $"ParameterKey={p.Key},ParameterValue={p.Value}")]);
            Assert.True(create.Exit == 0, create.ToString());
            var wait = Aws(aws, ["cloudformation", "wait", "stack-create-complete", "--stack-name", stackName]);
            Assert.True(wait.Exit == 0, wait.ToString());

            var listed = Json(aws, "cloudformation", "describe-stack-resources", "--stack-name", stackName)["StackResources"]!.AsArray()
                .Where(r => r!["LogicalResourceId"] is not null)
                .ToDictionary(r => (string)r!["LogicalResourceId"]!, r => r!);
            foreach (var (id, resource) in template.Map("Resources").Entries())
            {
                var type = ((YamlScalarNode)((YamlMappingNode)resource).Get("Type")!).Value!;
                if (!NotCreatedByMoto.Contains(type))
                {
                    Assert.True(listed.TryGetValue(id, out var entry), $"{stackName}: {id} ({type}) was not created");
                    Assert.Equal((type, "CREATE_COMPLETE"), ((string?)entry!["ResourceType"], (string?)entry["ResourceStatus"]));
                }
            }

            physical[stackName] = listed.ToDictionary(r => r.Key, r => (string)r.Value["PhysicalResourceId"]!);
        }

        // Each export carries the network stack's physical ID, and the app's groups sit in those VPCs.
        var exports = Json(aws, "cloudformation", "list-exports")["Exports"]!.AsArray()
            .ToDictionary(e => (string)e!["Name"]!, e => (string)e!["Value"]!);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["shared-network-AppA"] = physical["shared-network"]["AppA"],
                ["shared-network-Core"] = physical["shared-network"]["Core"],
                ["shared-network-Services"] = physical["shared-network"]["Services"],
                ["shared-network-ServicesA"] = physical["shared-network"]["ServicesA"],
                ["shared-network-ServicesRoutes"] = physical["shared-network"]["ServicesRoutes"],
                ["shared-app-CacheAccess"] = physical["shared-app"]["CacheAccess"],
            },
            exports);
        foreach (var (group, vpc) in new[] { ("AppAccess", "Core"), ("CacheAccess", "Services") })
        {
            var found = Json(aws, "ec2", "describe-security-groups", "--group-ids", physical["shared-app"][group])["SecurityGroups"]![0]!;
            Assert.Equal(physical["shared-network"][vpc], (string?)found["VpcId"]);
        }

        var peering = Json(aws, "ec2", "describe-vpc-peering-connections", "--vpc-peering-connection-ids", physical["shared-network"]["CoreToServices"])["VpcPeeringConnections"]![0]!;
        Assert.Equal((physical["shared-network"]["Core"], physical["shared-network"]["Services"]),
            ((string?)peering["RequesterVpcInfo"]!["VpcId"], (string?)peering["AccepterVpcInfo"]!["VpcId"]));

        // The reporting stack's route record is a route of the network stack's table, through the reporting stack's peering.
        var routes = Json(aws, "ec2", "describe-route-tables", "--route-table-ids", physical["shared-network"]["ServicesRoutes"])["RouteTables"]![0]!["Routes"]!.AsArray();
        Assert.Contains(routes, r => (string?)r!["DestinationCidrBlock"] == "10.2.0.0/16"
            && (string?)r["VpcPeeringConnectionId"] == physical["shared-reporting"]["ReportingToServices"]);
    }

    private static bool Same(JsonNode permission, YamlMappingNode rule) =>
        (string?)permission["IpProtocol"] == ((YamlScalarNode)rule.Get("IpProtocol")!).Value
        && permission["FromPort"]?.ToString() == ((YamlScalarNode)rule.Get("FromPort")!).Value;

    private List<JsonNode> GroupPermissions(string aws, string groupId) =>
        Json(aws, "ec2", "describe-security-groups", "--group-ids", groupId)["SecurityGroups"]![0]!["IpPermissions"]!.AsArray().Select(p => p!).ToList();

    /// <summary>A value for each parameter without a default.</summary>
    private static Dictionary<string, string> Parameters(YamlMappingNode template)
    {
        var values = new Dictionary<string, string>();
        foreach (var (name, node) in (template.Get("Parameters") as YamlMappingNode)?.Entries() ?? [])
        {
            if (((YamlMappingNode)node).Get("Default") is null)
            {
                Assert.True(ParameterValues.TryGetValue(name, out var value), $"parameter {name} has no default; give the test a value for it");
                values[name] = value!;
            }
        }

        return values;
    }

    /// <summary>
    /// Takes the IPv6 parts out of a dual-stack template, which moto cannot deploy (see the class
    /// summary): the Amazon-provided block, the subnets' /64 and address setting, the IPv6 routes, and
    /// every DependsOn on what was taken out. Returns whether it took anything out.
    /// </summary>
    private static bool WithoutIpv6(YamlMappingNode template)
    {
        var resources = template.Map("Resources");
        var removed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, node) in resources.Entries().ToList())
        {
            var resource = (YamlMappingNode)node;
            var type = ((YamlScalarNode)resource.Get("Type")!).Value;
            var properties = resource.Get("Properties") as YamlMappingNode;
            if ((type == "AWS::EC2::VPCCidrBlock" && properties?.Get("AmazonProvidedIpv6CidrBlock") is not null)
                || (type == "AWS::EC2::Route" && properties?.Get("DestinationIpv6CidrBlock") is not null))
            {
                resources.Children.Remove(new YamlScalarNode(id));
                removed.Add(id);
            }
            else if (type == "AWS::EC2::Subnet" && properties is not null)
            {
                properties.Children.Remove(new YamlScalarNode("Ipv6CidrBlock"));
                properties.Children.Remove(new YamlScalarNode("AssignIpv6AddressOnCreation"));
            }
        }

        foreach (var (_, node) in resources.Entries())
        {
            var resource = (YamlMappingNode)node;
            switch (resource.Get("DependsOn"))
            {
                case YamlScalarNode one when removed.Contains(one.Value!):
                    resource.Children.Remove(new YamlScalarNode("DependsOn"));
                    break;
                case YamlSequenceNode many:
                    foreach (var item in many.Children.OfType<YamlScalarNode>().Where(i => removed.Contains(i.Value!)).ToList())
                    {
                        many.Children.Remove(item);
                    }

                    if (many.Children.Count == 0)
                    {
                        resource.Children.Remove(new YamlScalarNode("DependsOn"));
                    }

                    break;
            }
        }

        return removed.Count > 0;
    }

    private void StartMoto(string motoServer)
    {
        Directory.CreateDirectory(_folder);
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        _endpoint = $"http://127.0.0.1:{port}";
        _environment = new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = "testing",
            ["AWS_SECRET_ACCESS_KEY"] = "testing",
            ["AWS_SESSION_TOKEN"] = "testing",
            ["AWS_DEFAULT_REGION"] = "us-east-1",
            ["AWS_CONFIG_FILE"] = Path.Combine(_folder, "no-config"),
            ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_folder, "no-credentials"),
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["AWS_PAGER"] = "",
        };
        _moto = Process.Start(Tool.StartInfo(motoServer, ["-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], _folder, _environment))!;
        _moto.StandardInput.Close();
        _moto.BeginOutputReadLine();
        _moto.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            Assert.False(_moto.HasExited, "moto_server stopped at start");
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(250);
            }
        }
    }

    private ToolRun Aws(string aws, IEnumerable<string> args) =>
        Tool.Run(aws, ["--endpoint-url", _endpoint, "--output", "json", .. args], _folder, _environment);

    private JsonNode Json(string aws, params string[] args)
    {
        var run = Aws(aws, args);
        Assert.True(run.Exit == 0, run.ToString());
        return JsonNode.Parse(run.Out)!;
    }
}
