namespace TopologyDsl.Resources;

/// <summary>The CloudFormation type names this library writes.</summary>
public static class CfnTypes
{
#pragma warning disable CS1591 // Each name is its own documentation.
    public const string Vpc = "AWS::EC2::VPC";
    public const string VpcCidrBlock = "AWS::EC2::VPCCidrBlock";
    public const string Subnet = "AWS::EC2::Subnet";
    public const string InternetGateway = "AWS::EC2::InternetGateway";
    public const string VpcGatewayAttachment = "AWS::EC2::VPCGatewayAttachment";
    public const string RouteTable = "AWS::EC2::RouteTable";
    public const string Route = "AWS::EC2::Route";
    public const string SubnetRouteTableAssociation = "AWS::EC2::SubnetRouteTableAssociation";
    public const string Eip = "AWS::EC2::EIP";
    public const string NatGateway = "AWS::EC2::NatGateway";
    public const string SecurityGroup = "AWS::EC2::SecurityGroup";
    public const string SecurityGroupIngress = "AWS::EC2::SecurityGroupIngress";
    public const string SecurityGroupEgress = "AWS::EC2::SecurityGroupEgress";
    public const string Instance = "AWS::EC2::Instance";
    public const string Volume = "AWS::EC2::Volume";
    public const string EipAssociation = "AWS::EC2::EIPAssociation";
    public const string FlowLog = "AWS::EC2::FlowLog";
    public const string LogGroup = "AWS::Logs::LogGroup";
    public const string IamRole = "AWS::IAM::Role";
    public const string InstanceProfile = "AWS::IAM::InstanceProfile";
    public const string Secret = "AWS::SecretsManager::Secret";
    public const string VpcPeeringConnection = "AWS::EC2::VPCPeeringConnection";
    public const string TransitGateway = "AWS::EC2::TransitGateway";
    public const string TransitGatewayAttachment = "AWS::EC2::TransitGatewayAttachment";
    public const string TransitGatewayRouteTable = "AWS::EC2::TransitGatewayRouteTable";
    public const string TransitGatewayRouteTableAssociation = "AWS::EC2::TransitGatewayRouteTableAssociation";
    public const string TransitGatewayRouteTablePropagation = "AWS::EC2::TransitGatewayRouteTablePropagation";
    public const string TransitGatewayRoute = "AWS::EC2::TransitGatewayRoute";
    public const string NetworkAcl = "AWS::EC2::NetworkAcl";
    public const string NetworkAclEntry = "AWS::EC2::NetworkAclEntry";
    public const string SubnetNetworkAclAssociation = "AWS::EC2::SubnetNetworkAclAssociation";
    public const string EgressOnlyInternetGateway = "AWS::EC2::EgressOnlyInternetGateway";
    public const string VpcEndpoint = "AWS::EC2::VPCEndpoint";
#pragma warning restore CS1591
}
