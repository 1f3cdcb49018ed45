using System;

namespace TopologyDsl;

/// <summary>A VPC endpoint (<see cref="GatewayEndpointAttribute{TVpc}"/>, <see cref="InterfaceEndpointAttribute{TVpc}"/>).</summary>
public interface IVpcEndpoint : IResource { }

/// <summary>
/// The AWS services a VPC endpoint most often serves, by the last part of their endpoint service name.
/// The generator writes the whole name for the stack's region: <c>!Sub com.amazonaws.${AWS::Region}.ssm</c>.
/// Any other service's short name works too (<c>"ecs"</c>, <c>"sqs"</c>); never a name with a region in it.
/// </summary>
public static class EndpointServices
{
    /// <summary>Amazon S3: a gateway endpoint (free), or an interface endpoint. Amazon Linux 2023's package repositories are served from S3.</summary>
    public const string S3 = "s3";

    /// <summary>Amazon DynamoDB: a gateway endpoint.</summary>
    public const string DynamoDb = "dynamodb";

    /// <summary>AWS Systems Manager; Session Manager needs it with <see cref="SsmMessages"/> and <see cref="Ec2Messages"/>.</summary>
    public const string Ssm = "ssm";

    /// <summary>Session Manager's data channel.</summary>
    public const string SsmMessages = "ssmmessages";

    /// <summary>The Systems Manager agent's message channel.</summary>
    public const string Ec2Messages = "ec2messages";

    /// <summary>AWS Secrets Manager (what <c>[ReadsSecret&lt;T&gt;]</c> instances call).</summary>
    public const string SecretsManager = "secretsmanager";

    /// <summary>Amazon CloudWatch Logs.</summary>
    public const string Logs = "logs";

    /// <summary>The Amazon ECR API.</summary>
    public const string EcrApi = "ecr.api";

    /// <summary>The Amazon ECR Docker registry.</summary>
    public const string EcrDkr = "ecr.dkr";

    /// <summary>AWS STS.</summary>
    public const string Sts = "sts";

    /// <summary>AWS KMS.</summary>
    public const string Kms = "kms";
}

/// <summary>
/// A gateway endpoint (AWS::EC2::VPCEndpoint, type Gateway) of <typeparamref name="TVpc"/> for
/// <see cref="EndpointServices.S3"/> or <see cref="EndpointServices.DynamoDb"/>: the route tables named by
/// <see cref="EndpointRouteTableAttribute{TRouteTable}"/> get a route to the service's prefix list, so their
/// subnets reach it without the internet.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GatewayEndpointAttribute<TVpc>(string service) : Attribute where TVpc : IVpc
{
    /// <summary>The service: <c>s3</c> or <c>dynamodb</c>.</summary>
    public string Service { get; } = service;
}

/// <summary>A route table of the same VPC that the gateway endpoint adds its route to.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class EndpointRouteTableAttribute<TRouteTable> : Attribute where TRouteTable : IRouteTable;

/// <summary>
/// An interface endpoint (AWS::EC2::VPCEndpoint, type Interface) of <typeparamref name="TVpc"/>: a
/// network interface in each subnet named by <see cref="EndpointSubnetAttribute{TSubnet}"/> (one per zone),
/// guarded by the security groups named by <c>[Uses&lt;TGroup&gt;]</c>, which must let in HTTPS (TCP 443)
/// from the instances that call the service.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class InterfaceEndpointAttribute<TVpc>(string service) : Attribute where TVpc : IVpc
{
    /// <summary>The service's short name, such as <see cref="EndpointServices.Ssm"/>.</summary>
    public string Service { get; } = service;

    /// <summary>
    /// Whether the service's usual host name (<c>ssm.eu-west-1.amazonaws.com</c>) resolves to the endpoint
    /// inside the VPC (on by default), so that the AWS CLI and the SSM agent use it unchanged. Needs the
    /// VPC's DNS support and host names.
    /// </summary>
    public bool PrivateDns { get; set; } = true;
}

/// <summary>A subnet the interface endpoint places a network interface in (at most one per availability zone).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class EndpointSubnetAttribute<TSubnet> : Attribute where TSubnet : ISubnet;
