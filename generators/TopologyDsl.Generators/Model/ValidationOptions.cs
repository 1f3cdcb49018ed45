namespace TopologyDsl.Generators.Model;

/// <summary>
/// The adjustable AWS quotas the validator checks against, read from build properties so that a
/// project whose account has a raised quota says so once (see README, "Build properties").
/// </summary>
internal sealed record ValidationOptions(int SecurityGroupsPerInterface, int RulesPerSecurityGroup,
    int InterfaceEndpointsPerVpc = ValidationOptions.DefaultInterfaceEndpointsPerVpc, int GatewayEndpointsPerRegion = ValidationOptions.DefaultGatewayEndpointsPerRegion,
    int RulesPerNetworkAcl = ValidationOptions.DefaultRulesPerNetworkAcl, int ElasticIpsPerRegion = ValidationOptions.DefaultElasticIpsPerRegion)
{
    public const string SecurityGroupsPerInterfaceProperty = "build_property.TopologyDslSecurityGroupsPerInterface";
    public const string RulesPerSecurityGroupProperty = "build_property.TopologyDslRulesPerSecurityGroup";
    public const string InterfaceEndpointsPerVpcProperty = "build_property.TopologyDslInterfaceEndpointsPerVpc";
    public const string GatewayEndpointsPerRegionProperty = "build_property.TopologyDslGatewayEndpointsPerRegion";
    public const string RulesPerNetworkAclProperty = "build_property.TopologyDslRulesPerNetworkAcl";
    public const string ElasticIpsPerRegionProperty = "build_property.TopologyDslElasticIpsPerRegion";

    /// <summary>
    /// AWS PrivateLink quotas of a new account (Amazon VPC User Guide, "AWS PrivateLink quotas"): 50
    /// interface (and Gateway Load Balancer) endpoints per VPC and 20 gateway endpoints per region, both adjustable.
    /// </summary>
    public const int DefaultInterfaceEndpointsPerVpc = 50;

    /// <inheritdoc cref="DefaultInterfaceEndpointsPerVpc"/>
    public const int DefaultGatewayEndpointsPerRegion = 20;

    /// <summary>Amazon VPC User Guide, "Amazon VPC quotas", Network ACLs: 20 inbound and 20 outbound rules per ACL, adjustable up to 40.</summary>
    public const int DefaultRulesPerNetworkAcl = 20;

    /// <summary>Amazon EC2 User Guide, "Elastic IP address quota": 5 Elastic IP addresses per Region, adjustable (no stated ceiling).</summary>
    public const int DefaultElasticIpsPerRegion = 5;

    /// <summary>The defaults of a new account (Amazon VPC User Guide, "Amazon VPC quotas" and "AWS PrivateLink quotas").</summary>
    public static ValidationOptions Default { get; } = new(5, 60);

    /// <summary>The options from the build property values (null or malformed → the default; AWS's ceilings bound them where AWS states one).</summary>
    public static ValidationOptions From(string? securityGroupsPerInterface, string? rulesPerSecurityGroup,
        string? interfaceEndpointsPerVpc = null, string? gatewayEndpointsPerRegion = null, string? rulesPerNetworkAcl = null,
        string? elasticIpsPerRegion = null) => new(
        Read(securityGroupsPerInterface, Default.SecurityGroupsPerInterface, max: 16),
        Read(rulesPerSecurityGroup, Default.RulesPerSecurityGroup, max: 1000),
        Read(interfaceEndpointsPerVpc, DefaultInterfaceEndpointsPerVpc, max: int.MaxValue),
        // "You can create up to 255 gateway endpoints per VPC" (AWS PrivateLink quotas); the regional quota has no stated ceiling.
        Read(gatewayEndpointsPerRegion, DefaultGatewayEndpointsPerRegion, max: int.MaxValue),
        Read(rulesPerNetworkAcl, DefaultRulesPerNetworkAcl, max: 40),
        Read(elasticIpsPerRegion, DefaultElasticIpsPerRegion, max: int.MaxValue));

    private static int Read(string? text, int fallback, int max) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= 1
            ? System.Math.Min(value, max)
            : fallback;
}
