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

    /// <summary>
    /// Where a subnet's zone lies: a zone name gives its region (us-west-2 of us-west-2-lax-1a); a zone ID gives
    /// its region's short code (usw2 of usw2-lax1-az1) and, when <see cref="ZoneIdRegions"/> lists the code, the
    /// region. Null for a zone index or a malformed zone.
    /// </summary>
    private static (string? Region, string? Code)? Locate(SubnetSpec subnet) => subnet.ZoneForm switch
    {
        ZoneForm.Name when ZoneName.Match(subnet.ZoneName!) is { Success: true } m => (m.Groups["region"].Value, null),
        ZoneForm.Id when ZoneId.Match(subnet.ZoneId!) is { Success: true } m =>
            (ZoneIdRegions.RegionOf(m.Groups["region"].Value), m.Groups["region"].Value),
        _ => null,
    };

    /// <summary>
    /// The region a stack's zones name: that of its first subnet whose region is known (a zone name, or a zone ID
    /// whose code <see cref="ZoneIdRegions"/> lists), as TDSL125 compares the others with; null when no subnet names
    /// one (zone indexes only, or zone IDs of codes the table does not list).
    /// </summary>
    public static string? RegionOf(StackSpec stack)
    {
        foreach (var resource in stack.Resources)
        {
            if (resource is SubnetSpec subnet && Locate(subnet) is { Region: { } region })
            {
                return region;
            }
        }

        return null;
    }

    public static void Check(StackIndex index, List<Finding> findings)
    {
        // The first subnet whose region is known (a zone name, or a zone ID whose code the table lists), and the
        // first given by zone ID: a name and an ID compare by region, two IDs also by code (each region has one),
        // so an ID of a region newer than the table is compared with other IDs only.
        (SubnetSpec Subnet, string Region)? firstRegion = null;
        (SubnetSpec Subnet, string Code, string Region)? firstCode = null;
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

            if (Locate(subnet) is not { } here)
            {
                continue;
            }

            var shown = here.Region ?? here.Code!;
            if (here.Region is { } region && firstRegion is { } a && a.Region != region)
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.ZonesOfTwoRegions.Id, subnet.ZonePath, a.Subnet.ZonePath,
                    subnet.Name, subnet.ZoneText, shown, a.Subnet.Name, a.Subnet.ZoneText, a.Region));
            }
            else if (here.Code is { } code && firstCode is { } b && b.Code != code)
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.ZonesOfTwoRegions.Id, subnet.ZonePath, b.Subnet.ZonePath,
                    subnet.Name, subnet.ZoneText, shown, b.Subnet.Name, b.Subnet.ZoneText, b.Region));
            }

            if (here.Region is not null)
            {
                firstRegion ??= (subnet, here.Region);
            }

            if (here.Code is not null)
            {
                firstCode ??= (subnet, here.Code, shown);
            }
        }
    }
}
