using System.Collections.Generic;
using System.Text.RegularExpressions;
using TopologyDsl.Generators.Diagnostics;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Validation;

/// <summary>An instance's root device (TDSL414, TDSL416) and instance type (TDSL417), checked from <see cref="ShapeRules"/>.</summary>
internal static class InstanceRules
{
    /// <summary>The root device name the template writes unless the record sets one: Amazon Linux's.</summary>
    public const string DefaultRootDevice = "/dev/xvda";

    /// <summary>
    /// The forms of a root device name: <c>/dev/sd[a-z]</c>, <c>/dev/sd[a-z]1</c> or <c>/dev/xvd[a-z]</c>, of the names the
    /// Amazon EC2 User Guide lists ("Device names for volumes on Amazon EC2 instances": /dev/sda1 or /dev/xvda reserved for
    /// the root, differing by AMI; the Windows table reserves /dev/sda1). The runtime's Instance.RootDeviceName takes the same.
    /// </summary>
    private static readonly Regex RootDeviceForm = new("^/dev/(sd[a-z]1?|xvd[a-z])$", RegexOptions.CultureInvariant);

    private const string SsmImage = "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>";

    /// <summary>
    /// Public SSM parameters whose images have a known root device, by path prefix. Windows: the Amazon EC2 User Guide,
    /// "Device names for volumes on Amazon EC2 instances", Windows table (root: /dev/sda1; AWS publishes the
    /// /aws/service/ami-windows-latest/ images). Amazon Linux (/dev/xvda) and Canonical's Ubuntu (/dev/sda1): the
    /// RootDeviceName their published images report (aws ec2 describe-images --query 'Images[].RootDeviceName', the
    /// command that guide gives for an AMI's root device). Any other image is left unchecked.
    /// </summary>
    private static readonly (string Prefix, string Device)[] KnownImages =
    [
        ("/aws/service/ami-amazon-linux-latest/", "/dev/xvda"),
        ("/aws/service/canonical/ubuntu/", "/dev/sda1"),
        ("/aws/service/ami-windows-latest/", "/dev/sda1"),
    ];

    /// <summary>The form TDSL204 asks of a literal instance type; TDSL417 looks up only what has it.</summary>
    private static readonly Regex InstanceTypeForm = new(@"^[a-z][a-z0-9-]*\.[a-z0-9-]+$", RegexOptions.CultureInvariant);

    public static void Check(StackIndex index, InstanceSpec instance, List<Finding> findings)
    {
        CheckInstanceType(index, instance, findings);
        if (instance.RootDevice is { } device && !RootDeviceForm.IsMatch(device))
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.MalformedRootDevice.Id, instance.Path.Child("rootDevice"), instance.Name, device));
            return;
        }

        var root = instance.RootDevice ?? DefaultRootDevice;
        if (index.Parameter(instance.ImageId) is { Type: SsmImage, Default: { } path } parameter && ImageRootDevice(path) is { } imageRoot
            && imageRoot != root)
        {
            // At the RootDevice the record wrote, or at its image when it keeps the default; the image's device is the fix.
            findings.Add(Finding.Create(DiagnosticDescriptors.RootDeviceNotImages.Id,
                instance.Path.Child(instance.RootDevice is null ? "imageId" : "rootDevice"), parameter.Path.Child("default"),
                instance.Name, root, parameter.Name, path, imageRoot) with { Suggestion = imageRoot });
        }
    }

    /// <summary>
    /// TDSL417: a literal instance type, or the default and allowed values of the parameter the instance takes its type
    /// from, that is not in <see cref="InstanceTypes"/>. A parameter's values are reported once however many instances
    /// use it (the validator drops equal findings).
    /// </summary>
    private static void CheckInstanceType(StackIndex index, InstanceSpec instance, List<Finding> findings)
    {
        if (instance.InstanceType is not { Length: > 0 } written)
        {
            return;
        }

        if (index.Parameter(written) is not { } parameter)
        {
            Unknown(instance.Path.Child("instanceType"), "InstanceType of instance '" + instance.Name + "'", written, findings);
            return;
        }

        if (parameter.Default is { } value)
        {
            Unknown(parameter.Path.Child("default"), "The default of parameter '" + parameter.Name + "'", value, findings);
        }

        for (var i = 0; i < parameter.AllowedValues.Count; i++)
        {
            Unknown(parameter.Path.Item("allowedValues", i), "An allowed value of parameter '" + parameter.Name + "'", parameter.AllowedValues[i], findings);
        }
    }

    private static void Unknown(ModelPath path, string what, string type, List<Finding> findings)
    {
        if (!InstanceTypeForm.IsMatch(type) || InstanceTypes.IsKnown(type))
        {
            return;
        }

        var suggestion = InstanceTypes.Suggest(type);
        findings.Add(new Finding(DiagnosticDescriptors.UnknownInstanceType.Id, path,
            new[] { what, type, suggestion is null ? "" : "; did you mean '" + suggestion + "'?" }.ToEquatableArray(), Suggestion: suggestion));
    }

    /// <summary>The root device of the images a public SSM parameter names; null when it is not one of <see cref="KnownImages"/>.</summary>
    public static string? ImageRootDevice(string ssmPath)
    {
        foreach (var (prefix, device) in KnownImages)
        {
            if (ssmPath.StartsWith(prefix, System.StringComparison.Ordinal))
            {
                return device;
            }
        }

        return null;
    }
}
