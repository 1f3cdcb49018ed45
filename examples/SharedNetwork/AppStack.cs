using TopologyDsl;
using static TopologyDsl.Protocol;

namespace Examples.SharedNetwork;

/// <summary>
/// An application team's stack: servers in the private subnets of the network stack's application
/// VPC, and a cache in its services VPC that only the application servers may reach, across the
/// peering (and the reporting server of <see cref="ReportingStack"/>, across that stack's own peering).
/// Every reference to <see cref="NetworkStack"/> becomes an <c>!ImportValue</c> here and an export
/// there, so this stack deploys after it.
/// </summary>
[Stack("shared-app", Description = "An application in the shared network: servers in the application VPC, a cache in the services VPC")]
[Tag("CostCenter", "shop-7")] // this stack's own: the network stack's tags stay on its resources
// The intent, checked while typing: Redis from the application to the cache across the peering
// (routes both ways, the groups' rules on both sides), and neither server open to the internet.
[Reaches<AppServer, CacheServer>(Tcp, 6379)]
[NeverReachableFromInternet<AppServer>, NeverReachableFromInternet<CacheServer>]
public static partial class AppStack
{
    // Pinned, as in the WordPress example: an SSM parameter type is resolved again on every stack
    // update, and a new image would then replace the servers, which keep fixed addresses (TDSL334).
    [Parameter(Type = ParameterTypes.ImageId,
        Description = "Amazon Linux 2023 image ID, such as the value of the public SSM parameter /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64")]
    public partial record ImageId;

    [Parameter(Default = "t3.micro", AllowedValues = ["t3.micro", "t3.small"], Description = "EC2 instance type of the servers")]
    public partial record InstanceType;

    // Security groups: the application takes HTTP from inside its VPC; the cache takes Redis from the
    // application's group, a group of the peered VPC, and from the reporting subnet.

    [SecurityGroup<NetworkStack.Core>("Application servers: HTTP from the VPC")]
    [Ingress(Tcp, 8080, "10.0.0.0/16", Description = "HTTP from inside the application VPC")]
    [Egress(Tcp, 443, "0.0.0.0/0", Description = "Package repositories over HTTPS, through the NAT gateway")]
    [EgressTo<CacheAccess>(Tcp, 6379, Description = "Redis on the cache, across the peering")]
    public partial record AppAccess;

    [SecurityGroup<NetworkStack.Services>("Cache: Redis from the application servers only")]
    [IngressFrom<AppAccess>(Tcp, 6379, Description = "Redis from the application servers, across the peering")]
    // The reporting stack imports from this one, so this one names its subnet's block rather than its group.
    [Ingress(Tcp, 6379, "10.2.10.0/24", Description = "Redis from the reporting servers, across their peering")]
    [Egress(Tcp, 443, "10.1.0.0/16", Description = "HTTPS inside the services VPC")]
    public partial record CacheAccess;

    [Instance<NetworkStack.AppA>("10.0.10.10", ImageId = nameof(ImageId), InstanceType = nameof(InstanceType)), Uses<AppAccess>]
    public partial record AppServer;

    [Instance<NetworkStack.ServicesA>("10.1.10.10", ImageId = nameof(ImageId), InstanceType = nameof(InstanceType)), Uses<CacheAccess>]
    public partial record CacheServer;
}
