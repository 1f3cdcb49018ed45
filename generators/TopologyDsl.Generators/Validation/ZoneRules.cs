using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using TopologyDsl.Generators.Diagnostics;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Validation;

/// <summary>
/// Zones given by name or ID: their form, and that a stack's zones all belong to one region. The forms
/// are those the Amazon EC2 User Guide ("Regions and Zones": Availability Zones, AZ IDs, Local Zones)
/// writes: a zone name is a region code and a letter (us-east-1a) or, for a Local Zone, the region code,
/// a location and a letter (us-west-2-lax-1a); a zone ID is the region's short code, -az and a number
/// (use1-az1), or for a Local Zone the short code, a location and -az and a number (usw2-lax1-az1).
/// </summary>
internal static class ZoneRules
{
    private static readonly Regex ZoneName = new(@"^(?<region>[a-z]{2}(?:-[a-z]+)+-[0-9]+)(?:[a-z]|-[a-z]+-[0-9]+[a-z])$", RegexOptions.CultureInvariant);

    private static readonly Regex ZoneId = new(@"^(?<region>[a-z]{2,6}[0-9]+)-(?:[a-z]+[0-9]+-)?az[0-9]+$", RegexOptions.CultureInvariant);

    /// <summary>The region of a zone name (us-west-2 of us-west-2-lax-1a), or the region code of a zone ID (usw2 of usw2-az1); null when malformed.</summary>
    public static string? RegionOf(SubnetSpec subnet) => subnet.ZoneForm switch
    {
        ZoneForm.Name when ZoneName.Match(subnet.ZoneName!) is { Success: true } m => m.Groups["region"].Value,
        ZoneForm.Id when ZoneId.Match(subnet.ZoneId!) is { Success: true } m => m.Groups["region"].Value,
        _ => null,
    };

    public static void Check(StackIndex index, List<Finding> findings)
    {
        // The first subnet seen in each form's region: names and IDs are compared apart (a region's
        // short code in zone IDs is not derived from its name by any documented rule).
        var first = new Dictionary<ZoneForm, (SubnetSpec Subnet, string Region)>();
        foreach (var subnet in index.Stack.Resources.OfType<SubnetSpec>())
        {
            if (subnet.ZoneName is { } name)
            {
                if (!ZoneName.IsMatch(name))
                {
                    findings.Add(Finding.Create(DiagnosticDescriptors.MalformedZone.Id, subnet.Path.Child("zoneName"), "ZoneName", subnet.Name, name,
                        "a zone name such as us-east-1a or us-west-2-lax-1a"));
                }
                else
                {
                    findings.Add(Finding.Create(DiagnosticDescriptors.ZoneByName.Id, subnet.Path.Child("zoneName"), subnet.Name, name));
                }
            }

            if (subnet.ZoneId is { } id && !ZoneId.IsMatch(id))
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.MalformedZone.Id, subnet.Path.Child("zoneId"), "ZoneId", subnet.Name, id,
                    "a zone ID such as use1-az1 or usw2-lax1-az1"));
            }

            if (subnet.ZoneForm == ZoneForm.Index || RegionOf(subnet) is not { } region)
            {
                continue;
            }

            if (!first.TryGetValue(subnet.ZoneForm, out var earlier))
            {
                first.Add(subnet.ZoneForm, (subnet, region));
            }
            else if (earlier.Region != region)
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.ZonesOfTwoRegions.Id, subnet.ZonePath, earlier.Subnet.ZonePath,
                    subnet.Name, subnet.ZoneText, region, earlier.Subnet.Name, earlier.Subnet.ZoneText, earlier.Region));
            }
        }
    }
}
