using System.Collections.Generic;
using TopologyDsl.Generators.Diagnostics;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Validation;

/// <summary>Topologies that deploy once but fail on a later update (TDSL334).</summary>
internal static class UpdateRules
{
    private const string SsmImage = "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>";

    public static void Check(StackIndex index, List<Finding> findings)
    {
        foreach (var resource in index.Stack.Resources)
        {
            // An SSM parameter type is resolved again on every stack update; ImageId is create-only, so
            // a newly published image replaces the instance, and CloudFormation creates the replacement
            // before it deletes the old one, which still holds the fixed address.
            if (resource is InstanceSpec { PrivateIp.Length: > 0 } instance
                && index.Parameter(instance.ImageId) is { Type: SsmImage } parameter)
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.FixedAddressWithResolvedImage.Id, instance.Path.Child("imageId"),
                    instance.Name, instance.PrivateIp, parameter.Name));
            }
        }
    }
}
