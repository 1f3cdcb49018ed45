using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TopologyDsl.Generators.Diagnostics;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Parsing;

internal sealed record ParseResult(StackSpec Spec, SourceMap? SourceMap);

/// <summary>
/// Reads a [Stack] class and the resource records nested in it into a <see cref="StackSpec"/>, from
/// either reading of it (<see cref="StackSource"/>: the compiler's symbols, or the syntax alone). With
/// the readers in this folder, the only code that touches symbols and syntax. It reads constant attribute arguments and never runs
/// user code; shape problems become findings in the spec.
/// </summary>
internal static class TopologyParser
{
    /// <summary>The resource attributes, with the kind each declares and its short name for messages.</summary>
    private static readonly Dictionary<string, ResourceAttribute> ResourceAttributes = new()
    {
        [KnownNames.Vpc] = new(ResourceKind.Vpc, "Vpc"),
        [KnownNames.Subnet] = new(ResourceKind.Subnet, "Subnet"),
        [KnownNames.InternetGateway] = new(ResourceKind.InternetGateway, "InternetGateway"),
        [KnownNames.NatGateway] = new(ResourceKind.NatGateway, "NatGateway"),
        [KnownNames.RouteTable] = new(ResourceKind.RouteTable, "RouteTable"),
        [KnownNames.SecurityGroup] = new(ResourceKind.SecurityGroup, "SecurityGroup"),
        [KnownNames.Instance] = new(ResourceKind.Instance, "Instance"),
        [KnownNames.Parameter] = new(ResourceKind.Parameter, "Parameter"),
        [KnownNames.Secret] = new(ResourceKind.Secret, "Secret"),
        [KnownNames.DataVolume] = new(ResourceKind.DataVolume, "DataVolume"),
        [KnownNames.VpcPeering] = new(ResourceKind.VpcPeering, "VpcPeering"),
        [KnownNames.RemoteVpcPeering] = new(ResourceKind.VpcPeering, "VpcPeering"),
        [KnownNames.TransitGateway] = new(ResourceKind.TransitGateway, "TransitGateway"),
        [KnownNames.TransitGatewayAttachment] = new(ResourceKind.TransitGatewayAttachment, "TransitGatewayAttachment"),
        [KnownNames.TransitGatewayRouteTable] = new(ResourceKind.TransitGatewayRouteTable, "TransitGatewayRouteTable"),
        [KnownNames.NetworkAcl] = new(ResourceKind.NetworkAcl, "NetworkAcl"),
        [KnownNames.EgressOnlyInternetGateway] = new(ResourceKind.EgressOnlyInternetGateway, "EgressOnlyInternetGateway"),
        [KnownNames.GatewayEndpoint] = new(ResourceKind.GatewayEndpoint, "GatewayEndpoint"),
        [KnownNames.InterfaceEndpoint] = new(ResourceKind.InterfaceEndpoint, "InterfaceEndpoint"),
        [KnownNames.RouteOfTable] = new(ResourceKind.Route, "Route"),
        [KnownNames.AssociateAttachmentOfTable] = new(ResourceKind.TransitGatewayAssociation, "AssociateAttachment"),
        [KnownNames.PropagateOfTable] = new(ResourceKind.TransitGatewayPropagation, "Propagate"),
    };

    /// <summary>Attributes that add to a resource of one kind, with the segment their paths use.</summary>
    private static readonly Dictionary<string, ModifierAttribute> ModifierAttributes = new()
    {
        [KnownNames.Associate] = new(ResourceKind.RouteTable, "Associate", "associate"),
        [KnownNames.Route] = new(ResourceKind.RouteTable, "Route", "route"),
        [KnownNames.Ingress] = new(ResourceKind.SecurityGroup, "Ingress", "ingress"),
        [KnownNames.IngressFrom] = new(ResourceKind.SecurityGroup, "IngressFrom", "ingress"),
        [KnownNames.Egress] = new(ResourceKind.SecurityGroup, "Egress", "egress"),
        [KnownNames.EgressTo] = new(ResourceKind.SecurityGroup, "EgressTo", "egress"),
        [KnownNames.Uses] = new(ResourceKind.Instance, "Uses", "uses"),
        [KnownNames.SshVia] = new(ResourceKind.Instance, "SshVia", "sshVia"),
        [KnownNames.ReadsSecret] = new(ResourceKind.Instance, "ReadsSecret", "readsSecret"),
        [KnownNames.AttachmentSubnet] = new(ResourceKind.TransitGatewayAttachment, "AttachmentSubnet", "subnet"),
        [KnownNames.AssociateAttachment] = new(ResourceKind.TransitGatewayRouteTable, "AssociateAttachment", "associate"),
        [KnownNames.Propagate] = new(ResourceKind.TransitGatewayRouteTable, "Propagate", "propagate"),
        [KnownNames.TransitGatewayRoute] = new(ResourceKind.TransitGatewayRouteTable, "TransitGatewayRoute", "route"),
        [KnownNames.AclIngress] = new(ResourceKind.NetworkAcl, "AclIngress", "ingress"),
        [KnownNames.AclEgress] = new(ResourceKind.NetworkAcl, "AclEgress", "egress"),
        [KnownNames.EndpointRouteTable] = new(ResourceKind.GatewayEndpoint, "EndpointRouteTable", "routeTable"),
        [KnownNames.EndpointSubnet] = new(ResourceKind.InterfaceEndpoint, "EndpointSubnet", "subnet"),
    };

    // The parser's small values are classes, not tuples: collections and LINQ over a struct are compiled
    // again by every fresh compiler process, over a class once for all.

    /// <summary>What a resource attribute declares: the kind, and its short name for messages.</summary>
    private sealed record ResourceAttribute(ResourceKind Kind, string Display);

    /// <summary>What a modifier attribute adds to: the kind it belongs to, its short name, and the segment its paths use.</summary>
    private sealed record ModifierAttribute(ResourceKind Owner, string Display, string Segment);

    /// <summary>A modifier attribute found on a record, before it is checked against the record's kind.</summary>
    private sealed record Modifier(AttributeView Data, ResourceKind Owner, string Display, string Segment);

    /// <summary>A modifier attribute that belongs to the record's kind, with its reader.</summary>
    private sealed record Usable(AttributeReader Reader, string Display);

    /// <summary>CloudWatch Logs retention of flow logs when the VPC does not say (the attribute's default).</summary>
    public const int DefaultFlowLogRetentionDays = 30;

    /// <summary>The length of a generated secret when the record does not say (the attribute's default).</summary>
    public const int DefaultSecretLength = 32;

    public static string MetadataName(INamedTypeSymbol type)
    {
        var definition = type.OriginalDefinition;
        var ns = definition.ContainingNamespace;
        return ns is null || ns.IsGlobalNamespace ? definition.MetadataName : ns.ToDisplayString() + "." + definition.MetadataName;
    }

    /// <summary>The type's [Stack] attribute, if it has one.</summary>
    public static AttributeData? StackAttributeOf(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass is { } c && MetadataName(c) == KnownNames.Stack)
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>The metadata name of each resource attribute.</summary>
    public static IEnumerable<string> ResourceAttributeNames => ResourceAttributes.Keys;

    /// <summary>The short name for messages of the resource attribute <paramref name="metadataName"/> (one of <see cref="ResourceAttributeNames"/>).</summary>
    public static string ResourceAttributeDisplay(string metadataName) => ResourceAttributes[metadataName].Display;

    public static ParseResult Parse(INamedTypeSymbol stack, AttributeData stackAttribute, bool withSourceMap, CancellationToken cancellationToken) =>
        Parse(stack, stackAttribute, withSourceMap, AttributeSource.Bound, cancellationToken);

    /// <summary>
    /// Reads the stack through its symbol, taking its records' attributes from <paramref name="attributes"/>: bound
    /// (the analyzer, which needs a source map) or read from syntax (<see cref="SyntaxAttributes"/>).
    /// </summary>
    public static ParseResult Parse(INamedTypeSymbol stack, AttributeData stackAttribute, bool withSourceMap, AttributeSource attributes, CancellationToken cancellationToken)
    {
        // A source map points at bound attributes' syntax.
        attributes = withSourceMap ? AttributeSource.Bound : attributes;
        return Parse(new SymbolStack(stack, stackAttribute, attributes, cancellationToken), withSourceMap, cancellationToken);
    }

    /// <summary>Reads a stack from either reading of it (<see cref="StackSource"/>); a source map needs the symbol reading.</summary>
    public static ParseResult Parse(StackSource stack, bool withSourceMap, CancellationToken cancellationToken)
    {
        var identifier = withSourceMap ? stack.Identifier ?? Location.None : Location.None;
        var map = withSourceMap ? new SourceMap(identifier) : null;
        var findings = new List<Finding>();

        var stackReader = new AttributeReader(stack.StackAttribute, ModelPath.Stack, map, cancellationToken);
        var stackName = stackReader.ConstructorString(0, "name") ?? "";
        var description = stackReader.NamedString("Description", "description");

        var isPartial = stack.IsPartial;
        if (!isPartial)
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.StackNotPartial.Id, ModelPath.Stack.Child("class"), stack.Name));
        }

        if (stack.NotTopLevel)
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.StackNotTopLevel.Id, ModelPath.Stack.Child("class"), stack.Name));
        }

        map?.Add(ModelPath.Stack.Child("class"), identifier);
        foreach (var member in stack.MembersNamedLikeGeneratedCode)
        {
            var path = ModelPath.Stack.Child("member:" + member.Name);
            map?.Add(path, member.Location);
            findings.Add(Finding.Create(DiagnosticDescriptors.StackMemberNameTaken.Id, path, member.Name, stack.Name));
        }

        var outputs = new List<OutputSpec>();
        foreach (var attribute in stack.Attributes)
        {
            if (attribute.MetadataName == KnownNames.Output)
            {
                var reader = new AttributeReader(attribute, ModelPath.Stack.Item("output", outputs.Count), map, cancellationToken);
                outputs.Add(new OutputSpec(reader.ConstructorString(0, "name") ?? "", reader.ConstructorString(1, "value") ?? "",
                    reader.NamedString("Description", "description"), reader.NamedString("Export", "export")));
            }
        }

        var resources = new List<ResourceSpec>();
        foreach (var member in stack.Records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ParseResource(stack.Symbol, member, map, findings, cancellationToken) is { } resource)
            {
                resources.Add(resource);
            }
        }

        var intents = new List<IntentSpec>();
        ParseIntents(stack.Symbol, stack.Attributes, ModelPath.Stack, map, intents, cancellationToken);
        foreach (var member in stack.Records)
        {
            ParseIntents(stack.Symbol, member.Attributes, ModelPath.Resource(member.Name), map, intents, cancellationToken);
        }

        var tags = ParseTags(stack.Attributes, ModelPath.Stack, map, cancellationToken);
        var spec = new StackSpec(stack.Namespace, stack.Name, stack.IsStatic, isPartial, stackName, description,
            resources.ToEquatableArray(), outputs.ToEquatableArray(), findings.ToEquatableArray(), intents.ToEquatableArray(), tags);
        return new ParseResult(spec, map);
    }

    private static ResourceSpec? ParseResource(INamedTypeSymbol? stack, RecordSource record, SourceMap? map, List<Finding> findings, CancellationToken cancellationToken)
    {
        var resource = ParseResourceAttributes(stack, record, map, findings, cancellationToken);
        var tags = resource is null ? EquatableArray<TagSpec>.Empty : ParseTags(record.Attributes, resource.Path, map, cancellationToken);
        return resource is null || tags.Count == 0 ? resource : resource with { Tags = tags };
    }

    /// <summary>The [Tag] attributes of the stack class or a record, each at <c>owner/tag[i]</c> with <c>key</c> and <c>value</c> under it.</summary>
    private static EquatableArray<TagSpec> ParseTags(IReadOnlyList<AttributeView> attributes, ModelPath owner, SourceMap? map, CancellationToken cancellationToken)
    {
        var tags = new List<TagSpec>();
        foreach (var attribute in attributes)
        {
            if (attribute.MetadataName == KnownNames.Tag)
            {
                var reader = new AttributeReader(attribute, owner.Item("tag", tags.Count), map, cancellationToken);
                tags.Add(new TagSpec(reader.ConstructorString(0, "key") ?? "", reader.ConstructorString(1, "value") ?? ""));
            }
        }

        return tags.ToEquatableArray();
    }

    private static ResourceSpec? ParseResourceAttributes(INamedTypeSymbol? stack, RecordSource record, SourceMap? map, List<Finding> findings,
        CancellationToken cancellationToken)
    {
        AttributeView? declaring = null;
        var declaringKind = default(ResourceKind);
        var declaringDisplay = "";
        var modifiers = new List<Modifier>();
        AttributeView? policies = null;
        var path = ModelPath.Resource(record.Name);

        foreach (var attribute in record.Attributes)
        {
            if (attribute.MetadataName is not { } metadataName)
            {
                continue;
            }

            if (ResourceAttributes.TryGetValue(metadataName, out var info))
            {
                if (declaring is null)
                {
                    declaring = attribute;
                    declaringKind = info.Kind;
                    declaringDisplay = info.Display;
                }
                else
                {
                    var location = attribute.Location(cancellationToken);
                    var extra = path.Child("extra" + info.Display);
                    map?.Add(extra, location);
                    findings.Add(Finding.Create(DiagnosticDescriptors.SeveralResourceKinds.Id, extra, record.Name, declaringDisplay, info.Display));
                }
            }
            else if (ModifierAttributes.TryGetValue(metadataName, out var modifier))
            {
                modifiers.Add(new Modifier(attribute, modifier.Owner, modifier.Display, modifier.Segment));
            }
            else if (metadataName == KnownNames.Policies)
            {
                policies = attribute;
            }
        }

        if (declaring is null)
        {
            return null;
        }

        // The attributes apply to classes only; on a struct, interface or enum the compiler reports CS0592.
        if (!record.IsClass)
        {
            return null;
        }

        map?.Add(path, record.Identifier);
        var declaredPartial = record.IsPartial;
        if (!declaredPartial)
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.RecordNotPartial.Id, path, record.Name));
        }

        var shapeProblem = ShapeProblem(record);
        if (shapeProblem is not null)
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.ResourceShapeUnsupported.Id, path, record.Name, shapeProblem));
        }

        // Whether the generator may add its partial declaration; it emits nothing for the record otherwise.
        var isPartial = declaredPartial && shapeProblem is null;

        // The attributes apply to classes only (records are classes), so these are the two forms.
        var keyword = record.IsRecord ? TypeKeyword.Record : TypeKeyword.Class;

        // Modifiers that belong to another kind of resource are reported and left out.
        var counters = new Dictionary<string, int>();
        var usable = new List<Usable>();
        foreach (var (data, owner, display, segment) in modifiers)
        {
            counters.TryGetValue(segment, out var index);
            counters[segment] = index + 1;
            var reader = new AttributeReader(data, path.Item(segment, index), map, cancellationToken);
            // [Associate<TSubnet>] serves route tables and network ACLs alike; [Uses<TGroup>] gives security groups to
            // interface endpoints as it does to instances.
            if (owner != declaringKind && !(display == "Associate" && declaringKind == ResourceKind.NetworkAcl)
                && !(display == "Uses" && declaringKind == ResourceKind.InterfaceEndpoint))
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.AttributeWithoutResource.Id, reader.Path, display, record.Name, OwnerDisplay(owner)));
            }
            else
            {
                usable.Add(new Usable(reader, display));
            }
        }

        var main = new AttributeReader(declaring, path, map, cancellationToken);
        map?.Add(path.Child("attribute"), declaring.Location(cancellationToken));
        var resource = ParseKind(stack, declaring, declaringKind, main, usable, record.Name, keyword, isPartial, findings, path);
        if (policies is not null)
        {
            var policyPath = path.Child("policies");
            map?.Add(policyPath, policies.Location(cancellationToken));
            var reader = new AttributeReader(policies, policyPath, map, cancellationToken);
            resource = resource with
            {
                Policies = new PolicySpec((RemovalPolicySpec)reader.NamedInt("DeletionPolicy", "deletionPolicy"),
                    (RemovalPolicySpec)reader.NamedInt("UpdateReplacePolicy", "updateReplacePolicy")),
            };
        }

        return resource;
    }

    private static ResourceSpec ParseKind(INamedTypeSymbol? stack, AttributeView declaring, ResourceKind declaringKind, AttributeReader main,
        List<Usable> usable, string name, TypeKeyword keyword, bool isPartial, List<Finding> findings, ModelPath path)
    {
        switch (declaringKind)
        {
            case ResourceKind.Vpc:
                return new VpcSpec(name, keyword, isPartial, main.ConstructorString(0, "cidr") ?? "",
                    main.NamedStrings("SecondaryCidrBlocks", "secondary"), main.NamedBool("FlowLogs", "flowLogs"),
                    main.NamedInt("FlowLogRetentionDays", "flowLogRetentionDays", fallback: DefaultFlowLogRetentionDays),
                    main.Named("DnsSupport", "dnsSupport") is not false, main.Named("DnsHostnames", "dnsHostnames") is not false,
                    main.NamedBool("Ipv6", "ipv6"));
            case ResourceKind.Subnet:
            {
                var zoneName = main.NamedString("ZoneName", "zoneName");
                var zoneId = main.NamedString("ZoneId", "zoneId");
                var subnet = new SubnetSpec(name, keyword, isPartial, main.TypeArgument(stack, "vpc"), main.ConstructorString(0, "cidr") ?? "",
                    main.NamedInt("Zone", "zone"), (SubnetKindSpec)main.NamedInt("Kind", "kind"),
                    main.NamedInt("Ipv6Index", "ipv6Index", fallback: -1), main.NamedBool("AssignIpv6AddressOnCreation", "assignIpv6")) { ZoneName = zoneName, ZoneId = zoneId };

                // One zone, one form: AWS::EC2::Subnet takes AvailabilityZone or AvailabilityZoneId, not both (the schema's dependentExcluded).
                if (main.HasNamed("Zone") && (zoneName ?? zoneId) is not null)
                {
                    findings.Add(Finding.Create(DiagnosticDescriptors.ZoneGivenTwice.Id, path.Child(zoneName is not null ? "zoneName" : "zoneId"),
                        name, "Zone", zoneName is not null ? "ZoneName" : "ZoneId"));
                }

                if (zoneName is not null && zoneId is not null)
                {
                    findings.Add(Finding.Create(DiagnosticDescriptors.ZoneGivenTwice.Id, path.Child("zoneId"), name, "ZoneName", "ZoneId"));
                }

                return subnet;
            }

            case ResourceKind.EgressOnlyInternetGateway:
                return new EgressOnlyInternetGatewaySpec(name, keyword, isPartial, main.TypeArgument(stack, "vpc"));
            case ResourceKind.NetworkAcl:
            {
                static AclRuleSpec Rule(AttributeReader r) => new(r.ConstructorInt(0, "number"), r.ConstructorInt(1, "action") == 0,
                    (ProtocolSpec)r.ConstructorInt(2, "protocol"), r.ConstructorInt(3, "port"), r.NamedInt("ToPort", "toPort"),
                    r.ConstructorString(4, "cidr") ?? "", r.NamedInt("IcmpCode", "icmpCode", fallback: -1));
                return new NetworkAclSpec(name, keyword, isPartial, main.TypeArgument(stack, "vpc"),
                    usable.Where(u => u.Display == "Associate").Select(u => u.Reader.TypeArgument(stack, "subnet")).ToEquatableArray(),
                    usable.Where(u => u.Display == "AclIngress").Select(u => Rule(u.Reader)).ToEquatableArray(),
                    usable.Where(u => u.Display == "AclEgress").Select(u => Rule(u.Reader)).ToEquatableArray());
            }
            case ResourceKind.InternetGateway:
                return new InternetGatewaySpec(name, keyword, isPartial, main.TypeArgument(stack, "vpc"));
            case ResourceKind.NatGateway:
                return new NatGatewaySpec(name, keyword, isPartial, main.TypeArgument(stack, "subnet"));
            case ResourceKind.RouteTable:
            {
                var associations = usable.Where(u => u.Display == "Associate").Select(u => u.Reader.TypeArgument(stack, "subnet"));
                var routes = usable.Where(u => u.Display == "Route")
                    .Select(u => new RouteSpec(u.Reader.ConstructorString(0, "destination") ?? "", u.Reader.TypeArgument(stack, "target")));
                return new RouteTableSpec(name, keyword, isPartial, main.TypeArgument(stack, "vpc"),
                    associations.ToEquatableArray(), routes.ToEquatableArray());
            }

            case ResourceKind.SecurityGroup:
            {
                // Rules read the same way in both directions; the peer's path segment is "source" inbound, "destination" outbound.
                RuleSpec Rule(Usable u, string peer) => u.Display is "Ingress" or "Egress"
                    ? new RuleSpec((ProtocolSpec)u.Reader.ConstructorInt(0, "protocol"), u.Reader.ConstructorInt(1, "port"),
                        u.Reader.NamedInt("ToPort", "toPort"), u.Reader.ConstructorString(2, peer) ?? "", null,
                        u.Reader.NamedString("Description", "description"))
                    : new RuleSpec((ProtocolSpec)u.Reader.ConstructorInt(0, "protocol"), u.Reader.ConstructorInt(1, "port"),
                        u.Reader.NamedInt("ToPort", "toPort"), null, u.Reader.TypeArgument(stack, peer),
                        u.Reader.NamedString("Description", "description"));
                var ingress = usable.Where(u => u.Display is "Ingress" or "IngressFrom").Select(u => Rule(u, "source"));
                var egress = usable.Where(u => u.Display is "Egress" or "EgressTo").Select(u => Rule(u, "destination"));
                return new SecurityGroupSpec(name, keyword, isPartial, main.TypeArgument(stack, "vpc"),
                    main.ConstructorString(0, "description") ?? "", ingress.ToEquatableArray(), egress.ToEquatableArray());
            }

            case ResourceKind.Instance:
            {
                var groups = usable.Where(u => u.Display == "Uses").Select(u => u.Reader.TypeArgument(stack, "group"));
                var via = usable.FirstOrDefault(u => u.Display == "SshVia")?.Reader;
                // An Elastic IP implies a public IP: the boot script reaches the internet before the Elastic IP is associated.
                var elasticIp = main.NamedBool("ElasticIp", "elasticIp");
                return new InstanceSpec(name, keyword, isPartial, main.TypeArgument(stack, "subnet"), main.ConstructorString(0, "privateIp") ?? "",
                    main.NamedBool("PublicIp", "publicIp") || elasticIp, main.NamedString("UserData", "userData"), main.NamedString("ImageId", "imageId"),
                    main.NamedString("InstanceType", "instanceType"), main.NamedString("KeyName", "keyName"),
                    main.NamedInt("RootVolumeSize", "rootVolumeSize"), groups.ToEquatableArray(),
                    via?.TypeArgument(stack, "host"), via?.NamedString("User", "user") ?? "ec2-user",
                    main.NamedBool("AllowImdsV1", "allowImdsV1"), main.Named("EncryptRootVolume", "encryptRootVolume") is not false,
                    usable.Where(u => u.Display == "ReadsSecret").Select(u => u.Reader.TypeArgument(stack, "secret")).ToEquatableArray(),
                    main.NamedInt("SignalTimeoutMinutes", "signalTimeoutMinutes"), main.NamedBool("SessionManager", "sessionManager"),
                    ElasticIp: elasticIp, AssignedIp: declaring.ConstructorArgumentCount == 0, RootDevice: main.NamedString("RootDevice", "rootDevice"));
            }

            case ResourceKind.VpcPeering:
                return declaring.TypeArgumentCount == 2
                    ? new VpcPeeringSpec(name, keyword, isPartial, main.TypeArgument(stack, "vpc"), main.TypeArgument(stack, "peer", 1),
                        null, null, null, null, EquatableArray<string>.Empty)
                    : new VpcPeeringSpec(name, keyword, isPartial, main.TypeArgument(stack, "vpc"), null,
                        main.NamedString("PeerVpcId", "peerVpcId"), main.NamedString("PeerOwnerId", "peerOwnerId"),
                        main.NamedString("PeerRegion", "peerRegion"), main.NamedString("PeerRoleArn", "peerRoleArn"),
                        main.NamedStrings("PeerCidrBlocks", "peerCidr"));
            case ResourceKind.TransitGateway:
                return new TransitGatewaySpec(name, keyword, isPartial, main.NamedString("Description", "description"),
                    main.NamedLong("AmazonSideAsn", "amazonSideAsn"), main.Named("DefaultRouteTables", "defaultRouteTables") is not false);
            case ResourceKind.TransitGatewayAttachment:
                return new TransitGatewayAttachmentSpec(name, keyword, isPartial, main.TypeArgument(stack, "transitGateway"), main.TypeArgument(stack, "vpc", 1),
                    usable.Where(u => u.Display == "AttachmentSubnet").Select(u => u.Reader.TypeArgument(stack, "subnet")).ToEquatableArray());
            case ResourceKind.TransitGatewayRouteTable:
                return new TransitGatewayRouteTableSpec(name, keyword, isPartial, main.TypeArgument(stack, "transitGateway"),
                    usable.Where(u => u.Display == "AssociateAttachment").Select(u => u.Reader.TypeArgument(stack, "attachment")).ToEquatableArray(),
                    usable.Where(u => u.Display == "Propagate").Select(u => u.Reader.TypeArgument(stack, "attachment")).ToEquatableArray(),
                    usable.Where(u => u.Display == "TransitGatewayRoute")
                        .Select(u => new TransitGatewayRouteSpec(u.Reader.ConstructorString(0, "destination") ?? "", u.Reader.TypeArgument(stack, "attachment")))
                        .ToEquatableArray());
            case ResourceKind.Route:
                return new RouteResourceSpec(name, keyword, isPartial, main.TypeArgument(stack, "routeTable"),
                    new RouteSpec(main.ConstructorString(0, "destination") ?? "", main.TypeArgument(stack, "target", 1)));
            case ResourceKind.TransitGatewayAssociation or ResourceKind.TransitGatewayPropagation:
                return new TransitGatewayEntrySpec(name, keyword, isPartial, main.TypeArgument(stack, "routeTable"), main.TypeArgument(stack, "attachment", 1),
                    declaringKind == ResourceKind.TransitGatewayPropagation);
            case ResourceKind.DataVolume:
                return new DataVolumeSpec(name, keyword, isPartial, main.TypeArgument(stack, "instance"), main.ConstructorString(0, "device") ?? "",
                    main.ConstructorInt(1, "size"), (VolumeTypeSpec)main.NamedInt("Type", "type"), main.Named("Encrypted", "encrypted") is not false);
            case ResourceKind.GatewayEndpoint:
                return new GatewayEndpointSpec(name, keyword, isPartial, main.TypeArgument(stack, "vpc"), main.ConstructorString(0, "service") ?? "",
                    usable.Where(u => u.Display == "EndpointRouteTable").Select(u => u.Reader.TypeArgument(stack, "routeTable")).ToEquatableArray());
            case ResourceKind.InterfaceEndpoint:
                return new InterfaceEndpointSpec(name, keyword, isPartial, main.TypeArgument(stack, "vpc"), main.ConstructorString(0, "service") ?? "",
                    main.Named("PrivateDns", "privateDns") is not false,
                    usable.Where(u => u.Display == "EndpointSubnet").Select(u => u.Reader.TypeArgument(stack, "subnet")).ToEquatableArray(),
                    usable.Where(u => u.Display == "Uses").Select(u => u.Reader.TypeArgument(stack, "group")).ToEquatableArray());
            case ResourceKind.Secret:
                return new SecretSpec(name, keyword, isPartial, main.NamedString("Description", "description"), main.NamedInt("Length", "length", fallback: DefaultSecretLength));
            default:
                return new ParameterSpec(name, keyword, isPartial, main.NamedString("Type", "type") ?? "String",
                    main.NamedString("Description", "description"), main.NamedString("Default", "default"), main.NamedBool("NoEcho", "noEcho"),
                    main.NamedStrings("AllowedValues", "allowedValues"), main.NamedString("AllowedPattern", "allowedPattern"),
                    main.NamedInt("MinLength", "minLength"), main.NamedInt("MaxLength", "maxLength"),
                    main.NamedString("ConstraintDescription", "constraintDescription"));
        }
    }

    /// <summary>
    /// Whether <paramref name="declaration"/> carries the class's first [Stack] attribute: a class split
    /// over partial declarations may repeat it, and the generator reads the class once.
    /// </summary>
    public static bool IsFirstStackDeclaration(INamedTypeSymbol stack, SyntaxNode declaration)
    {
        var first = stack.GetAttributes().FirstOrDefault(a => a.AttributeClass is { } c && MetadataName(c) == KnownNames.Stack);
        return first?.ApplicationSyntaxReference is not { } reference
            || (reference.SyntaxTree == declaration.SyntaxTree && declaration.Span.Contains(reference.Span));
    }

    public static ImmutableArray<Diagnostic> DeclarationDiagnostics(INamedTypeSymbol stack, CancellationToken cancellationToken) =>
        DeclarationDiagnostics(stack, AttributeSource.Bound, cancellationToken);

    public static ImmutableArray<Diagnostic> DeclarationDiagnostics(INamedTypeSymbol stack, AttributeSource attributes, CancellationToken cancellationToken) =>
        DeclarationDiagnostics(new SymbolStack(stack, StackAttributeOf(stack)!, attributes, cancellationToken), cancellationToken);

    /// <summary>
    /// The declaration problems the generator reports itself (DiagnosticCatalog.ReportedByGenerator):
    /// a stack class that is not partial or not top-level, a resource type that is not partial or
    /// that cannot implement its interface. Each at the user's identifier of the type.
    /// </summary>
    public static ImmutableArray<Diagnostic> DeclarationDiagnostics(StackSource stack, CancellationToken cancellationToken)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        if (!stack.IsPartial)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.StackNotPartial, stack.Identifier, stack.Name));
        }

        if (stack.NotTopLevel)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.StackNotTopLevel, stack.Identifier, stack.Name));
        }

        foreach (var member in stack.MembersNamedLikeGeneratedCode)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.StackMemberNameTaken, member.Location, member.Name, stack.Name));
        }

        foreach (var member in stack.Records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!member.IsClass || !member.Attributes.Any(a => a.MetadataName is { } name && ResourceAttributes.ContainsKey(name)))
            {
                continue;
            }

            if (!member.IsPartial)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.RecordNotPartial, member.NotPartialIdentifier, member.Name));
            }

            if (ShapeProblem(member) is { } problem)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.ResourceShapeUnsupported, member.Identifier, member.Name, problem));
            }
        }

        return diagnostics.ToImmutable();
    }

    /// <summary>The method the generator adds to every stack class.</summary>
    public const string GeneratedMethod = "BuildTemplate";

    /// <summary>Why a class marked as a resource cannot implement its generated interface, or null when it can.</summary>
    private static string? ShapeProblem(RecordSource type) =>
        type.IsStatic ? "a static class"
        : type.IsGeneric ? "generic"
        : null;

    /// <summary>The reachability assertions on one type (the stack class or a record), each at <c>owner/intent[i]</c>.</summary>
    private static void ParseIntents(INamedTypeSymbol? stack, IReadOnlyList<AttributeView> attributes, ModelPath owner, SourceMap? map, List<IntentSpec> intents,
        CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var attribute in attributes)
        {
            var kind = attribute.MetadataName is { } metadataName ? metadataName switch
            {
                KnownNames.Reaches => IntentKind.Reaches,
                KnownNames.ReachableFromInternet => IntentKind.ReachableFromInternet,
                KnownNames.NeverReachableFromInternet => IntentKind.NeverReachableFromInternet,
                _ => (IntentKind?)null,
            } : null;
            if (kind is not { } intent)
            {
                continue;
            }

            var reader = new AttributeReader(attribute, owner.Item("intent", count++), map, cancellationToken);
            var from = intent == IntentKind.Reaches ? reader.TypeArgument(stack, "from") : null;
            var to = reader.TypeArgument(stack, "to", intent == IntentKind.Reaches ? 1 : 0);
            intents.Add(intent == IntentKind.NeverReachableFromInternet
                ? new IntentSpec(intent, from, to, ProtocolSpec.All, 0, 0, reader.Path)
                : new IntentSpec(intent, from, to, (ProtocolSpec)reader.ConstructorInt(0, "protocol"), reader.ConstructorInt(1, "port"),
                    reader.NamedInt("ToPort", "toPort"), reader.Path));
        }
    }

    public static string OwnerDisplay(ResourceKind kind) => kind switch
    {
        ResourceKind.RouteTable => "RouteTable",
        ResourceKind.NetworkAcl => "NetworkAcl",
        ResourceKind.SecurityGroup => "SecurityGroup",
        ResourceKind.Instance => "Instance",
        ResourceKind.TransitGatewayAttachment => "TransitGatewayAttachment",
        ResourceKind.TransitGatewayRouteTable => "TransitGatewayRouteTable",
        ResourceKind.GatewayEndpoint => "GatewayEndpoint",
        ResourceKind.InterfaceEndpoint => "InterfaceEndpoint",
        _ => kind.ToString(),
    };
}
