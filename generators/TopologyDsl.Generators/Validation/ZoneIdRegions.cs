using System;
using System.Collections.Generic;

namespace TopologyDsl.Generators.Validation;

/// <summary>
/// The Region of each zone ID's short code (use1 of use1-az1 is us-east-1). The codes abbreviate the
/// Region code, but not by one rule (ap-northeast-1 is apne1, ca-central-1 cac1, eu-north-1 eun1), so
/// they are listed as AWS lists them.
/// </summary>
/// <remarks>
/// Source: "AWS Availability Zones" in the AWS Regions and Availability Zones guide
/// (https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-availability-zones.html), the
/// tables of AZ ID and Region per geography, as the page read in autumn 2025: its newest Region is
/// Asia Pacific (New Zealand), ap-southeast-6, launched on 2 September 2025 (the guide's document history).
/// The page lists the commercial Regions only: the AWS GovCloud (US) and China Regions are not here, nor
/// is a Region launched later. A zone ID whose code is not listed is still compared with other zone IDs
/// (two codes are two Regions) but never with a zone name.
/// </remarks>
internal static class ZoneIdRegions
{
    private static readonly Dictionary<string, string> Regions = new(StringComparer.Ordinal)
    {
        // North America
        ["use1"] = "us-east-1",
        ["use2"] = "us-east-2",
        ["usw1"] = "us-west-1",
        ["usw2"] = "us-west-2",
        ["cac1"] = "ca-central-1",
        ["caw1"] = "ca-west-1",
        ["mxc1"] = "mx-central-1",

        // Africa
        ["afs1"] = "af-south-1",

        // Asia Pacific
        ["ape1"] = "ap-east-1",
        ["ape2"] = "ap-east-2",
        ["apne1"] = "ap-northeast-1",
        ["apne2"] = "ap-northeast-2",
        ["apne3"] = "ap-northeast-3",
        ["aps1"] = "ap-south-1",
        ["aps2"] = "ap-south-2",
        ["apse1"] = "ap-southeast-1",
        ["apse2"] = "ap-southeast-2",
        ["apse3"] = "ap-southeast-3",
        ["apse4"] = "ap-southeast-4",
        ["apse5"] = "ap-southeast-5",
        ["apse6"] = "ap-southeast-6",
        ["apse7"] = "ap-southeast-7",

        // Europe
        ["euc1"] = "eu-central-1",
        ["euc2"] = "eu-central-2",
        ["eun1"] = "eu-north-1",
        ["eus1"] = "eu-south-1",
        ["eus2"] = "eu-south-2",
        ["euw1"] = "eu-west-1",
        ["euw2"] = "eu-west-2",
        ["euw3"] = "eu-west-3",

        // Middle East
        ["ilc1"] = "il-central-1",
        ["mec1"] = "me-central-1",
        ["mes1"] = "me-south-1",

        // South America
        ["sae1"] = "sa-east-1",
    };

    /// <summary>The codes and their Regions, for tests.</summary>
    public static IReadOnlyDictionary<string, string> All => Regions;

    /// <summary>The Region whose zone IDs start with <paramref name="code"/> (us-east-1 for use1); null when the table does not list it.</summary>
    public static string? RegionOf(string code) => Regions.TryGetValue(code, out var region) ? region : null;
}
