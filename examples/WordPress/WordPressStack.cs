using TopologyDsl;
using static TopologyDsl.Protocol;

namespace Examples.WordPress;

/// <summary>
/// The two-tier network of "Amazon Web Services 基礎からのネットワーク&amp;サーバー構築": WordPress on a
/// web server in a public subnet, MariaDB on a DB server in a private subnet that reaches the
/// internet through a NAT gateway, and SSH to the DB server through the web server.
/// </summary>
[Stack("wordpress", Description = "WordPress on a public subnet, MariaDB on a private one (the two-tier VPC of the book)")]
[Output("SiteUrl", "http://${WebServer.PublicIp}/", Description = "The WordPress site; its setup page opens on the first visit")]
// Intent, checked against the security groups, routes and gateways while you type (TDSL230, TDSL231):
// anyone can open the site, the web server reaches MariaDB, and nothing outside reaches the DB server.
[ReachableFromInternet<WordPressStack.WebServer>(Tcp, 80)]
[Reaches<WordPressStack.WebServer, WordPressStack.DbServer>(Tcp, 3306)]
[NeverReachableFromInternet<WordPressStack.DbServer>]
public static partial class WordPressStack
{
    // Parameters: nothing account- or region-specific is written into the template.

    [Parameter(Type = ParameterTypes.KeyPairName, Description = "EC2 key pair for SSH to both servers")]
    public partial record KeyName;

    [Parameter(Type = ParameterTypes.ImageIdFromSsm, Default = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
        Description = "Amazon Linux 2023 image, read from the public SSM parameter")]
    public partial record ImageId;

    [Parameter(Default = "t3.micro", AllowedValues = ["t3.micro", "t3.small", "t3.medium"], Description = "EC2 instance type of both servers")]
    public partial record InstanceType;

    [Parameter(Description = "IPv4 block allowed to SSH to the web server, such as 203.0.113.7/32 (your address)",
        AllowedPattern = @"^(\d{1,3}\.){3}\d{1,3}/\d{1,2}$", ConstraintDescription = "must be an IPv4 CIDR block such as 203.0.113.7/32")]
    public partial record AdminCidr;

    // The network.

    [Vpc("10.0.0.0/16", FlowLogs = true)]
    public partial record Network;

    [Subnet<Network>("10.0.1.0/24", Zone = 0)]
    public partial record PublicSubnet;

    [Subnet<Network>("10.0.2.0/24", Zone = 0)]
    public partial record PrivateSubnet;

    [InternetGateway<Network>]
    public partial record Gateway;

    [NatGateway<PublicSubnet>]
    public partial record Nat;

    [RouteTable<Network>, Associate<PublicSubnet>, Route<Gateway>("0.0.0.0/0")]
    public partial record PublicRoutes;

    [RouteTable<Network>, Associate<PrivateSubnet>, Route<Nat>("0.0.0.0/0")]
    public partial record PrivateRoutes;

    // Security groups. The book opens SSH and MariaDB to the world; here the web tier takes HTTP
    // from anywhere and SSH from the administrator's block only, the DB server takes MariaDB and SSH
    // from the web server only, and both reach out only for packages (HTTP and HTTPS).

    [SecurityGroup<Network>("Web server: HTTP from anywhere, SSH from the admin block")]
    [Ingress(Tcp, 80, "0.0.0.0/0", Description = "HTTP")]
    [Ingress(Tcp, 22, nameof(AdminCidr), Description = "SSH from the administrator")]
    [Egress(Tcp, 80, "0.0.0.0/0", Description = "Package repositories over HTTP")]
    [Egress(Tcp, 443, "0.0.0.0/0", Description = "Package repositories and WordPress downloads over HTTPS")]
    [EgressTo<DbAccess>(Tcp, 3306, Description = "MariaDB on the DB server")]
    [EgressTo<DbAccess>(Tcp, 22, Description = "SSH on to the DB server (ssh -J)")]
    public partial record WebAccess;

    [SecurityGroup<Network>("DB server: MariaDB and SSH from the web server only")]
    [IngressFrom<WebAccess>(Tcp, 3306, Description = "MariaDB from the web server")]
    [IngressFrom<WebAccess>(Tcp, 22, Description = "SSH through the web server")]
    [Egress(Tcp, 80, "0.0.0.0/0", Description = "Package repositories over HTTP, through the NAT gateway")]
    [Egress(Tcp, 443, "0.0.0.0/0", Description = "Package repositories over HTTPS, through the NAT gateway")]
    public partial record DbAccess;

    // The database password: generated and kept by Secrets Manager, fetched by each server at boot.
    // It never appears in the template, the parameters or the user data (the book types it in).

    [Secret(Description = "Password of the WordPress database user")]
    public partial record DbPassword;

    // The servers.

    [Instance<PublicSubnet>("10.0.1.10", PublicIp = true, UserData = "userdata/web.sh",
        ImageId = nameof(ImageId), InstanceType = nameof(InstanceType), KeyName = nameof(KeyName))]
    [Uses<WebAccess>, ReadsSecret<DbPassword>]
    public partial record WebServer;

    [Instance<PrivateSubnet>("10.0.2.10", UserData = "userdata/db.sh",
        ImageId = nameof(ImageId), InstanceType = nameof(InstanceType), KeyName = nameof(KeyName))]
    [Uses<DbAccess>, SshVia<WebServer>, ReadsSecret<DbPassword>]
    public partial record DbServer;
}
