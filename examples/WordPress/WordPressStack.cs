using TopologyDsl;
using static TopologyDsl.Protocol;

namespace Examples.WordPress;

/// <summary>
/// The two-tier network of "Amazon Web Services 基礎からのネットワーク&amp;サーバー構築": WordPress on a
/// web server in a public subnet, MariaDB on a DB server in a private subnet that reaches the
/// internet through a NAT gateway, and SSH to the DB server through the web server.
/// </summary>
[Stack("wordpress", Description = "WordPress on a public subnet, MariaDB on a private one (the two-tier VPC of the book)")]
[Output("SiteUrl", "http://${WebServer.PublicIp}/", Description = "The WordPress site, installed at boot; log in at /wp-admin/ as AdminUser")]
[Output("AdminPasswordCommand", "aws secretsmanager get-secret-value --region ${AWS::Region} --secret-id ${AdminPassword} --query SecretString --output text",
    Description = "Prints the WordPress admin password, which Secrets Manager generated and keeps (needs secretsmanager:GetSecretValue on it)")]
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

    // The image is pinned: an SSM parameter type would be resolved again on every stack update, and a
    // newly published image would then replace both servers, which keep fixed addresses (TDSL334).
    [Parameter(Type = ParameterTypes.ImageId,
        Description = "Amazon Linux 2023 image ID, such as the value of the public SSM parameter /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64")]
    public partial record ImageId;

    [Parameter(Default = "t3.micro", AllowedValues = ["t3.micro", "t3.small", "t3.medium"], Description = "EC2 instance type of both servers")]
    public partial record InstanceType;

    // Octets 0 to 255 without leading zeros, prefix 1 to 32: a /0 would open SSH to the internet
    // (TDSL401) at deploy time. [0-9] rather than \d, which .NET and Java regexes read alike.
    [Parameter(Description = "IPv4 block allowed to SSH to the web server, such as 203.0.113.7/32 (your address)",
        AllowedPattern = AdminCidrPattern, ConstraintDescription = "must be an IPv4 CIDR block with a prefix from /1 to /32, such as 203.0.113.7/32")]
    public partial record AdminCidr;

    /// <summary>The AllowedPattern of <see cref="AdminCidr"/>.</summary>
    public const string AdminCidrPattern =
        "^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])/(3[0-2]|[12][0-9]|[1-9])$";

    // WordPress's administrator. web.sh writes both into wp core install's command line in single
    // quotes, so the patterns admit no quote, dollar sign, backslash or space.
    [Parameter(Description = "User name of the WordPress administrator (avoid 'admin', which bots try first)",
        AllowedPattern = AdminUserPattern, ConstraintDescription = "must be 3 to 60 letters, digits, dots, dashes or underscores, starting with a letter")]
    public partial record AdminUser;

    /// <summary>The AllowedPattern of <see cref="AdminUser"/>.</summary>
    public const string AdminUserPattern = "^[A-Za-z][A-Za-z0-9._-]{2,59}$";

    [Parameter(Description = "E-mail address of the WordPress administrator", MaxLength = 100,
        AllowedPattern = AdminEmailPattern, ConstraintDescription = "must be an e-mail address such as owner@example.com")]
    public partial record AdminEmail;

    /// <summary>The AllowedPattern of <see cref="AdminEmail"/>.</summary>
    public const string AdminEmailPattern = "^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$";

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

    // WordPress's admin password: the web server installs WordPress with it at boot, and the
    // AdminPasswordCommand output prints it for the owner.
    [Secret(Description = "Password of the WordPress administrator")]
    public partial record AdminPassword;

    // The servers. Each boot script signals CloudFormation when it ends (SignalTimeoutMinutes), so a
    // half-configured server fails the stack instead of reporting CREATE_COMPLETE. The web server's
    // script names the DB server's address, so CloudFormation creates the web server only after the
    // DB server has signalled that MariaDB is ready.

    // An Elastic IP: the site's address survives a stop and start (an instance-type change does both),
    // so WordPress, which stores its own URL, never redirects visitors to an address AWS gave away.
    // ${WebServer.PublicIp} (SiteUrl, web.sh) is the Elastic IP, which exists before the instance.
    [Instance<PublicSubnet>("10.0.1.10", ElasticIp = true, UserData = "userdata/web.sh", SignalTimeoutMinutes = 15,
        ImageId = nameof(ImageId), InstanceType = nameof(InstanceType), KeyName = nameof(KeyName))]
    [Uses<WebAccess>, ReadsSecret<DbPassword>, ReadsSecret<AdminPassword>]
    public partial record WebServer;

    [Instance<PrivateSubnet>("10.0.2.10", UserData = "userdata/db.sh", SignalTimeoutMinutes = 15,
        ImageId = nameof(ImageId), InstanceType = nameof(InstanceType), KeyName = nameof(KeyName))]
    [Uses<DbAccess>, SshVia<WebServer>, ReadsSecret<DbPassword>]
    public partial record DbServer;

    // MariaDB's data, on a volume of its own (db.sh mounts it at the datadir): it outlives the DB
    // server, so replacing the server (a new image, another subnet) keeps the database, and removing
    // the volume or deleting the stack leaves a snapshot (DeletionPolicy and UpdateReplacePolicy Snapshot).
    [DataVolume<DbServer>("/dev/sdf", 20)]
    public partial record DbData;
}
