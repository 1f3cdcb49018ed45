using Microsoft.CodeAnalysis.Diagnostics;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Parsing;

/// <summary>Reads the build properties TopologyDsl.targets makes visible to the compiler (CompilerVisibleProperty).</summary>
internal static class BuildOptions
{
    public static ValidationOptions Validation(AnalyzerConfigOptions global) => ValidationOptions.From(
        global.TryGetValue(ValidationOptions.SecurityGroupsPerInterfaceProperty, out var groups) ? groups : null,
        global.TryGetValue(ValidationOptions.RulesPerSecurityGroupProperty, out var rules) ? rules : null,
        global.TryGetValue(ValidationOptions.InterfaceEndpointsPerVpcProperty, out var interfaces) ? interfaces : null,
        global.TryGetValue(ValidationOptions.GatewayEndpointsPerRegionProperty, out var gateways) ? gateways : null,
        global.TryGetValue(ValidationOptions.RulesPerNetworkAclProperty, out var aclRules) ? aclRules : null,
        global.TryGetValue(ValidationOptions.ElasticIpsPerRegionProperty, out var elasticIps) ? elasticIps : null);
}
