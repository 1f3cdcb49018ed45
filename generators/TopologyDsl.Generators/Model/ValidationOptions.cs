namespace TopologyDsl.Generators.Model;

/// <summary>
/// The adjustable AWS quotas the validator checks against, read from build properties so that a
/// project whose account has a raised quota says so once (see README, "Build properties").
/// </summary>
internal sealed record ValidationOptions(int SecurityGroupsPerInterface, int RulesPerSecurityGroup, int RulesPerNetworkAcl = 20)
{
    public const string SecurityGroupsPerInterfaceProperty = "build_property.TopologyDslSecurityGroupsPerInterface";
    public const string RulesPerSecurityGroupProperty = "build_property.TopologyDslRulesPerSecurityGroup";
    public const string RulesPerNetworkAclProperty = "build_property.TopologyDslRulesPerNetworkAcl";

    /// <summary>
    /// The defaults of a new account (Amazon VPC User Guide, "Amazon VPC quotas"): 5 groups per
    /// interface, 60 rules per group and direction, 20 rules per network ACL and direction.
    /// </summary>
    public static ValidationOptions Default { get; } = new(5, 60, 20);

    /// <summary>The options from the build property values (null or malformed → the default; AWS's ceilings bound them: 16 groups, 1000 group rules, 40 ACL rules).</summary>
    public static ValidationOptions From(string? securityGroupsPerInterface, string? rulesPerSecurityGroup, string? rulesPerNetworkAcl = null) => new(
        Read(securityGroupsPerInterface, Default.SecurityGroupsPerInterface, max: 16),
        Read(rulesPerSecurityGroup, Default.RulesPerSecurityGroup, max: 1000),
        Read(rulesPerNetworkAcl, Default.RulesPerNetworkAcl, max: 40));

    private static int Read(string? text, int fallback, int max) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= 1
            ? System.Math.Min(value, max)
            : fallback;
}
