namespace TopologyDsl.Generators;

/// <summary>Metadata names of the attributes in the runtime library, matched as strings (the generator never references that assembly).</summary>
internal static class KnownNames
{
    /// <summary>The runtime library's assembly name: where it is not referenced, the analyzer registers nothing.</summary>
    public const string RuntimeAssembly = "TopologyDsl";

    public const string Stack = "TopologyDsl.StackAttribute";

    /// <summary>The command line's entry point, whose calls the analyzer checks (TDSL020).</summary>
    public const string SynthCommand = "TopologyDsl.Cli.SynthCommand";
    public const string Vpc = "TopologyDsl.VpcAttribute";
    public const string Subnet = "TopologyDsl.SubnetAttribute`1";
    public const string InternetGateway = "TopologyDsl.InternetGatewayAttribute`1";
    public const string NatGateway = "TopologyDsl.NatGatewayAttribute`1";
    public const string RouteTable = "TopologyDsl.RouteTableAttribute`1";
    public const string Associate = "TopologyDsl.AssociateAttribute`1";
    public const string Route = "TopologyDsl.RouteAttribute`1";
    public const string RouteOfTable = "TopologyDsl.RouteAttribute`2";
    public const string SecurityGroup = "TopologyDsl.SecurityGroupAttribute`1";
    public const string Ingress = "TopologyDsl.IngressAttribute";
    public const string IngressFrom = "TopologyDsl.IngressFromAttribute`1";
    public const string Egress = "TopologyDsl.EgressAttribute";
    public const string EgressTo = "TopologyDsl.EgressToAttribute`1";
    public const string Instance = "TopologyDsl.InstanceAttribute`1";
    public const string Uses = "TopologyDsl.UsesAttribute`1";
    public const string SshVia = "TopologyDsl.SshViaAttribute`1";
    public const string Parameter = "TopologyDsl.ParameterAttribute";
    public const string Secret = "TopologyDsl.SecretAttribute";
    public const string ReadsSecret = "TopologyDsl.ReadsSecretAttribute`1";
    public const string Output = "TopologyDsl.OutputAttribute";
    public const string Policies = "TopologyDsl.PoliciesAttribute";
    public const string DataVolume = "TopologyDsl.DataVolumeAttribute`1";
    public const string Tag = "TopologyDsl.TagAttribute";
    public const string VpcPeering = "TopologyDsl.VpcPeeringAttribute`2";
    public const string RemoteVpcPeering = "TopologyDsl.VpcPeeringAttribute`1";
    public const string TransitGateway = "TopologyDsl.TransitGatewayAttribute";
    public const string TransitGatewayAttachment = "TopologyDsl.TransitGatewayAttachmentAttribute`2";
    public const string AttachmentSubnet = "TopologyDsl.AttachmentSubnetAttribute`1";
    public const string TransitGatewayRouteTable = "TopologyDsl.TransitGatewayRouteTableAttribute`1";
    public const string AssociateAttachment = "TopologyDsl.AssociateAttachmentAttribute`1";
    public const string Propagate = "TopologyDsl.PropagateAttribute`1";
    public const string TransitGatewayRoute = "TopologyDsl.TransitGatewayRouteAttribute`1";
    public const string NetworkAcl = "TopologyDsl.NetworkAclAttribute`1";
    public const string AclIngress = "TopologyDsl.AclIngressAttribute";
    public const string AclEgress = "TopologyDsl.AclEgressAttribute";
    public const string EgressOnlyInternetGateway = "TopologyDsl.EgressOnlyInternetGatewayAttribute`1";
    public const string GatewayEndpoint = "TopologyDsl.GatewayEndpointAttribute`1";
    public const string EndpointRouteTable = "TopologyDsl.EndpointRouteTableAttribute`1";
    public const string InterfaceEndpoint = "TopologyDsl.InterfaceEndpointAttribute`1";
    public const string EndpointSubnet = "TopologyDsl.EndpointSubnetAttribute`1";
    public const string Reaches = "TopologyDsl.ReachesAttribute`2";
    public const string ReachableFromInternet = "TopologyDsl.ReachableFromInternetAttribute`1";
    public const string NeverReachableFromInternet = "TopologyDsl.NeverReachableFromInternetAttribute`1";
}
