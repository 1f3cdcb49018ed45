namespace TopologyDsl.Generators.Tests;

public class KnownNamesTests
{
    [Theory]
    [InlineData(KnownNames.Stack, typeof(StackAttribute))]
    [InlineData(KnownNames.Vpc, typeof(VpcAttribute))]
    [InlineData(KnownNames.Subnet, typeof(SubnetAttribute<>))]
    [InlineData(KnownNames.InternetGateway, typeof(InternetGatewayAttribute<>))]
    [InlineData(KnownNames.NatGateway, typeof(NatGatewayAttribute<>))]
    [InlineData(KnownNames.Policies, typeof(PoliciesAttribute))]
    [InlineData(KnownNames.DataVolume, typeof(DataVolumeAttribute<>))]
    [InlineData(KnownNames.RouteTable, typeof(RouteTableAttribute<>))]
    [InlineData(KnownNames.Associate, typeof(AssociateAttribute<>))]
    [InlineData(KnownNames.Route, typeof(RouteAttribute<>))]
    [InlineData(KnownNames.RouteOfTable, typeof(RouteAttribute<,>))]
    [InlineData(KnownNames.SecurityGroup, typeof(SecurityGroupAttribute<>))]
    [InlineData(KnownNames.Ingress, typeof(IngressAttribute))]
    [InlineData(KnownNames.IngressFrom, typeof(IngressFromAttribute<>))]
    [InlineData(KnownNames.Instance, typeof(InstanceAttribute<>))]
    [InlineData(KnownNames.Uses, typeof(UsesAttribute<>))]
    [InlineData(KnownNames.SshVia, typeof(SshViaAttribute<>))]
    [InlineData(KnownNames.Parameter, typeof(ParameterAttribute))]
    [InlineData(KnownNames.Output, typeof(OutputAttribute))]
    [InlineData(KnownNames.Tag, typeof(TagAttribute))]
    [InlineData(KnownNames.VpcPeering, typeof(VpcPeeringAttribute<,>))]
    [InlineData(KnownNames.RemoteVpcPeering, typeof(VpcPeeringAttribute<>))]
    [InlineData(KnownNames.TransitGateway, typeof(TransitGatewayAttribute))]
    [InlineData(KnownNames.TransitGatewayAttachment, typeof(TransitGatewayAttachmentAttribute<,>))]
    [InlineData(KnownNames.AttachmentSubnet, typeof(AttachmentSubnetAttribute<>))]
    [InlineData(KnownNames.TransitGatewayRouteTable, typeof(TransitGatewayRouteTableAttribute<>))]
    [InlineData(KnownNames.AssociateAttachment, typeof(AssociateAttachmentAttribute<>))]
    [InlineData(KnownNames.Propagate, typeof(PropagateAttribute<>))]
    [InlineData(KnownNames.AssociateAttachmentOfTable, typeof(AssociateAttachmentAttribute<,>))]
    [InlineData(KnownNames.PropagateOfTable, typeof(PropagateAttribute<,>))]
    [InlineData(KnownNames.TransitGatewayRoute, typeof(TransitGatewayRouteAttribute<>))]
    [InlineData(KnownNames.NetworkAcl, typeof(NetworkAclAttribute<>))]
    [InlineData(KnownNames.AclIngress, typeof(AclIngressAttribute))]
    [InlineData(KnownNames.AclEgress, typeof(AclEgressAttribute))]
    [InlineData(KnownNames.EgressOnlyInternetGateway, typeof(EgressOnlyInternetGatewayAttribute<>))]
    [InlineData(KnownNames.Reaches, typeof(ReachesAttribute<,>))]
    [InlineData(KnownNames.ReachableFromInternet, typeof(ReachableFromInternetAttribute<>))]
    [InlineData(KnownNames.NeverReachableFromInternet, typeof(NeverReachableFromInternetAttribute<>))]
    public void KnownName_MatchesTheAttributeType(string name, System.Type type) => Assert.Equal(type.FullName, name);

    [Fact]
    public void RuntimeAssembly_IsTheAttributesAssembly() => Assert.Equal(KnownNames.RuntimeAssembly, typeof(StackAttribute).Assembly.GetName().Name);

    [Fact]
    public void ProtocolEnum_MatchesTheModel()
    {
        Assert.Equal(System.Enum.GetNames<Protocol>(), System.Enum.GetNames<Model.ProtocolSpec>());
        Assert.Equal((int)Protocol.All, (int)Model.ProtocolSpec.All);
    }
}
