using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace TopologyDsl.Generators.Diagnostics;

/// <summary>
/// Every diagnostic TopologyDsl reports. IDs are grouped by range: 0xx attribute usage and shape,
/// 1xx addressing, 2xx references between resources, 3xx CloudFormation limits and naming.
/// An ID is never reused or renumbered. docs/diagnostics.md and AnalyzerReleases.*.md list the same
/// IDs; a test keeps the three in step.
/// </summary>
internal static class DiagnosticDescriptors
{
    public const string HelpBase = "https://github.com/TopologyDsl/TopologyDsl/blob/main/docs/diagnostics.md#";

    private const string Usage = "TopologyDsl.Usage";
    private const string Addressing = "TopologyDsl.Addressing";
    private const string References = "TopologyDsl.References";
    private const string Limits = "TopologyDsl.Limits";
    private const string Security = "TopologyDsl.Security";

    // 0xx: attribute usage and shape

    public static readonly DiagnosticDescriptor RecordNotPartial = Create("TDSL001", Usage, DiagnosticSeverity.Error,
        "Resource record is not partial",
        "Resource record '{0}' must be declared partial, so that the generator can add its resource interface",
        "The generator adds an interface such as IVpc to every resource record, which is what lets other attributes refer to it. Add the partial keyword: 'public partial record Network;'.");

    public static readonly DiagnosticDescriptor ResourceOutsideStack = Create("TDSL002", Usage, DiagnosticSeverity.Error,
        "Resource declared outside a stack",
        "Record '{0}' has the resource attribute [{1}] but is not nested in a class marked [Stack]",
        "Every resource belongs to one stack: declare the record inside the static partial class that carries [Stack(\"name\")].");

    public static readonly DiagnosticDescriptor StackNotPartial = Create("TDSL003", Usage, DiagnosticSeverity.Error,
        "Stack class is not partial",
        "Stack class '{0}' must be declared partial, so that the generator can add BuildTemplate()",
        "Declare the stack as 'public static partial class Name'.");

    public static readonly DiagnosticDescriptor StackNotTopLevel = Create("TDSL004", Usage, DiagnosticSeverity.Error,
        "Stack class is nested or generic",
        "Stack class '{0}' must be a non-generic class declared directly in a namespace",
        "Move the [Stack] class out of the type that contains it and remove its type parameters.");

    public static readonly DiagnosticDescriptor SeveralResourceKinds = Create("TDSL005", Usage, DiagnosticSeverity.Error,
        "Record declares more than one resource",
        "Record '{0}' is marked both [{1}] and [{2}]; a record declares one resource",
        "Split the record in two, one resource attribute each.");

    public static readonly DiagnosticDescriptor AttributeWithoutResource = Create("TDSL006", Usage, DiagnosticSeverity.Error,
        "Attribute needs another attribute on the same record",
        "[{0}] on '{1}' needs [{2}] on the same record",
        "Routes and associations belong to a route table, inbound rules to a security group, security groups and jump hosts to an instance. Put the attribute on a record of that kind.");

    public static readonly DiagnosticDescriptor InvalidStackName = Create("TDSL007", Usage, DiagnosticSeverity.Error,
        "Invalid stack name",
        "Stack name '{0}' is not valid: a stack name starts with a letter and has only letters, digits and hyphens, at most 128 characters",
        "CloudFormation rejects other stack names. The name is also the template's file name.");

    public static readonly DiagnosticDescriptor ValueOutOfRange = Create("TDSL008", Usage, DiagnosticSeverity.Error,
        "Value out of range",
        "{0} of '{1}' is {2}, but must be {3}",
        "Change the value to one in the range the message gives.");

    public static readonly DiagnosticDescriptor UnknownParameterType = Create("TDSL009", Usage, DiagnosticSeverity.Error,
        "Unknown parameter type",
        "Parameter '{0}' has type '{1}', which CloudFormation does not know",
        "Use String, Number, a List<...> or an AWS-specific type such as AWS::EC2::KeyPair::KeyName (see ParameterTypes).");

    public static readonly DiagnosticDescriptor MissingValue = Create("TDSL010", Usage, DiagnosticSeverity.Error,
        "Required value missing",
        "{0} of '{1}' is missing; give {2}",
        "Give the value; CloudFormation needs it to create the resource. The message shows what a valid value looks like.");

    public static readonly DiagnosticDescriptor ResourceShapeUnsupported = Create("TDSL011", Usage, DiagnosticSeverity.Error,
        "Resource type cannot take its resource interface",
        "Resource type '{0}' is {1}, so the generator cannot add its resource interface; declare it as 'public partial record {0};'",
        "The generator adds an interface such as IVpc to every resource type, which is what lets other attributes refer to it. A static class cannot implement an interface, and a generic type cannot be named without type arguments. Declare the resource as 'public partial record Name;'.");

    public static readonly DiagnosticDescriptor StackMemberNameTaken = Create("TDSL012", Usage, DiagnosticSeverity.Error,
        "Stack member named like generated code",
        "Stack member '{0}' takes the name of the BuildTemplate() method that the generator adds to stack '{1}'",
        "The generator adds 'public static Template BuildTemplate()' to every stack class, so no member of the stack may be named BuildTemplate (a method of that name with parameters is fine). Rename the member.");

    public static readonly DiagnosticDescriptor TagOnUntaggedKind = Create("TDSL013", Usage, DiagnosticSeverity.Warning,
        "Tag on a record that makes no taggable resource",
        "[Tag(\"{0}\", ...)] on '{1}' is dropped: {2} takes no tags",
        "Only resources whose CloudFormation type has a Tags property take tags; a template parameter has none. Remove the attribute, or tag the resources that use the parameter.");

    public static readonly DiagnosticDescriptor TagKeyLength = Create("TDSL014", Usage, DiagnosticSeverity.Error,
        "Tag key empty or too long",
        "Tag key '{0}' of {1} has {2} characters, but a tag key has 1 to 128",
        "AWS refuses an empty tag key and one of more than 128 characters (Amazon EC2 User Guide, \"Tag restrictions\"; the Key of the resource schemas' Tag). Shorten the key.");

    public static readonly DiagnosticDescriptor TagValueLength = Create("TDSL015", Usage, DiagnosticSeverity.Error,
        "Tag value too long",
        "The value of tag '{0}' of {1} has {2} characters, but a tag value has at most 256",
        "AWS refuses a tag value of more than 256 characters (Amazon EC2 User Guide, \"Tag restrictions\"; the Value of the resource schemas' Tag). Shorten the value.");

    public static readonly DiagnosticDescriptor TagKeyReserved = Create("TDSL016", Usage, DiagnosticSeverity.Error,
        "Tag key with the reserved aws: prefix",
        "Tag key '{0}' of {1} begins with 'aws:', which AWS reserves for its own tags",
        "Keys that begin with aws: (in any case) are reserved for AWS, and AWS refuses to create them (Amazon EC2 User Guide, \"Tag restrictions\"). Choose another key, such as one with your organisation's prefix.");

    public static readonly DiagnosticDescriptor DuplicateTagKey = Create("TDSL017", Usage, DiagnosticSeverity.Error,
        "Tag key given twice",
        "Tag key '{0}' is given twice on {1}",
        "A resource has one value per tag key, so the second tag would silently replace the first. Keep one [Tag] per key on the record or stack (a record's tag may override the stack's).");

    public static readonly DiagnosticDescriptor TooManyTags = Create("TDSL018", Usage, DiagnosticSeverity.Error,
        "More than 50 tags on one resource",
        "{0} gets {1} tags (its Name, the stack's tags and its own), but a resource takes at most 50",
        "AWS allows 50 user tags per resource (Amazon EC2 User Guide, \"Tag restrictions\"); the Name tag counts. Move tags from the stack to the records that need them, or drop some.");

    public static readonly DiagnosticDescriptor TagCharactersRefused = Create("TDSL019", Usage, DiagnosticSeverity.Error,
        "Tag with characters a tagged resource refuses",
        "The {0} of tag '{1}' reaches {2} ({3}), which takes only letters, digits, spaces and _ . : / = + - @ in tags",
        "EC2 resources take any character in tags, but IAM roles do not (the Tags pattern of the AWS::IAM::Role schema), and the stack's tags reach the roles the generator adds for flow logs and secrets. Use only letters, digits, spaces and _ . : / = + - @.");

    public static readonly DiagnosticDescriptor StackNotSynthesized = Create("TDSL020", Usage, DiagnosticSeverity.Warning,
        "Imported stack not given to synth",
        "Stack '{0}' imports from stack '{1}' ({2}), which this call does not pass: synth writes no template for it, checks none, and leaves it out of the deploy order",
        "SynthCommand.Run writes, checks and orders the templates it is given. A stack that another stack given to it imports from must be deployed first; pass its template too: SynthCommand.Run(args, Network.BuildTemplate(), App.BuildTemplate()).");

    public static readonly DiagnosticDescriptor StackReadDifferently = Create("TDSL021", Usage, DiagnosticSeverity.Error,
        "Stack read differently by the generator",
        "The generator read stack '{0}' from its syntax differently from the compiler ({1}), so its template would not be what the code says",
        "The generator reads stacks from syntax, without the compiler, and a name in scope that it cannot see misled it: most likely a type in a referenced assembly, in the stack's namespace, named like one of TopologyDsl's attributes, enums or constant classes. Qualify the name (global::TopologyDsl.VpcAttribute) or rename the type that hides it.");

    // 1xx: addressing

    public static readonly DiagnosticDescriptor MalformedCidr = Create("TDSL101", Addressing, DiagnosticSeverity.Error,
        "Malformed CIDR block",
        "{0} of '{1}' is '{2}', which is not an IPv4 CIDR block such as {3}",
        "Write four numbers from 0 to 255 without leading zeros, a slash and a prefix length from 0 to 32.");

    public static readonly DiagnosticDescriptor MalformedIpAddress = Create("TDSL102", Addressing, DiagnosticSeverity.Error,
        "Malformed IP address",
        "{0} of '{1}' is '{2}', which is not an IPv4 address such as 10.0.1.10",
        "Write four numbers from 0 to 255 without leading zeros.");

    public static readonly DiagnosticDescriptor CidrHostBitsSet = Create("TDSL103", Addressing, DiagnosticSeverity.Error,
        "CIDR block has host bits set",
        "{0} of '{1}' is {2}, which has host bits set; the block is {3}",
        "EC2 takes a block by its network address. Write the address the message suggests; the code fix does it for you.");

    public static readonly DiagnosticDescriptor VpcCidrSize = Create("TDSL104", Addressing, DiagnosticSeverity.Error,
        "VPC block size not allowed",
        "VPC '{0}' uses {1}; a VPC block must be between /16 and /28",
        "AWS allows VPC IPv4 blocks from /16 (65,536 addresses) to /28 (16 addresses).");

    public static readonly DiagnosticDescriptor SubnetCidrSize = Create("TDSL105", Addressing, DiagnosticSeverity.Error,
        "Subnet block size not allowed",
        "Subnet '{0}' uses {1}; a subnet block must be between /16 and /28",
        "AWS allows subnet IPv4 blocks from /16 to /28.");

    public static readonly DiagnosticDescriptor SubnetOutsideVpc = Create("TDSL106", Addressing, DiagnosticSeverity.Error,
        "Subnet outside its VPC",
        "Subnet '{0}' uses {1}, which is not inside VPC '{2}' {3}",
        "A subnet's block must lie inside its VPC's block. Pick a block inside the VPC, or widen the VPC.");

    public static readonly DiagnosticDescriptor SubnetsOverlap = Create("TDSL107", Addressing, DiagnosticSeverity.Error,
        "Subnets overlap",
        "Subnet '{0}' uses {1}, which overlaps subnet '{2}' {3} in VPC '{4}'",
        "The subnets of one VPC cannot share addresses. Give one of them a free block of the VPC; the code fix writes in the first free block of the same size.");

    public static readonly DiagnosticDescriptor InstanceIpOutsideSubnet = Create("TDSL108", Addressing, DiagnosticSeverity.Error,
        "Instance address outside its subnet",
        "Instance '{0}' has address {1}, which is not inside subnet '{2}' {3}",
        "An instance's private address comes from its subnet's block. Choose an address in the subnet, or move the instance.");

    public static readonly DiagnosticDescriptor InstanceIpReserved = Create("TDSL109", Addressing, DiagnosticSeverity.Error,
        "Instance address reserved by AWS",
        "Instance '{0}' has address {1}, which is {2} of subnet '{3}' {4}; AWS reserves it",
        "AWS reserves five addresses in every subnet: the network address, +1 for the VPC router, +2 for DNS, +3 for future use, and the broadcast address. Use another address, such as the one after them.");

    public static readonly DiagnosticDescriptor DuplicatePrivateIp = Create("TDSL110", Addressing, DiagnosticSeverity.Error,
        "Two instances with one address",
        "Instance '{0}' has address {1}, which instance '{2}' already has",
        "Each private address belongs to one network interface. Give each instance its own.");

    public static readonly DiagnosticDescriptor VpcCidrPublic = Create("TDSL111", Addressing, DiagnosticSeverity.Warning,
        "VPC uses publicly routable addresses",
        "VPC '{0}' uses {1}, which is outside the private ranges (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10)",
        "Addresses outside RFC 1918 and the shared range belong to someone on the internet: instances in this VPC cannot reach them. Use a private range.");

    public static readonly DiagnosticDescriptor VpcCidrDockerBridge = Create("TDSL112", Addressing, DiagnosticSeverity.Info,
        "VPC overlaps Docker's default bridge",
        "VPC '{0}' uses {1}, which overlaps 172.17.0.0/16, Docker's default bridge network",
        "Containers on instances in this VPC cannot reach the overlapping addresses without changing Docker's bridge. Prefer another range.");

    public static readonly DiagnosticDescriptor RouteShadowsLocal = Create("TDSL113", Addressing, DiagnosticSeverity.Error,
        "Route overlaps the VPC's own block",
        "Route table '{0}' sends {1} to '{2}', but that overlaps VPC '{3}' {4}, which the local route serves",
        "Traffic inside the VPC takes the local route; EC2 rejects a gateway route to a destination inside the VPC's block. Route a destination outside it.");

    public static readonly DiagnosticDescriptor DuplicateRoute = Create("TDSL114", Addressing, DiagnosticSeverity.Error,
        "Two routes to one destination",
        "Route table '{0}' has two routes for {1}",
        "A route table holds one route per destination. Remove one of them.");

    public static readonly DiagnosticDescriptor SecondaryCidrOverlap = Create("TDSL115", Addressing, DiagnosticSeverity.Error,
        "Secondary VPC block overlaps another block",
        "Secondary block {0} of VPC '{1}' overlaps its block {2}",
        "The blocks of one VPC cannot share addresses. Choose a secondary block apart from the primary and the other secondaries.");

    public static readonly DiagnosticDescriptor SecondaryCidrRestricted = Create("TDSL116", Addressing, DiagnosticSeverity.Error,
        "Secondary VPC block from a restricted range",
        "Secondary block {0} of VPC '{1}' lies in {2}, which AWS does not allow beside the primary block {3}",
        "AWS restricts which ranges a VPC can add: beside a primary block in 10.0.0.0/8, no 172.16.0.0/12, 192.168.0.0/16 or 198.19.0.0/16 (and beside one in 10.0.0.0/15, nothing from 10.0.0.0/16); beside 172.16.0.0/12, no 10.0.0.0/8, 192.168.0.0/16, 172.31.0.0/16 or 198.19.0.0/16; beside 192.168.0.0/16, no 10.0.0.0/8, 172.16.0.0/12 or 198.19.0.0/16; beside 198.19.0.0/16, none of the RFC 1918 ranges; beside a public or 100.64.0.0/10 block, none of the RFC 1918 ranges and not 198.19.0.0/16 (Amazon VPC User Guide, VPC CIDR blocks, IPv4 CIDR block association restrictions). Pick a block from an allowed range.");

    public static readonly DiagnosticDescriptor TooManyVpcCidrBlocks = Create("TDSL117", Addressing, DiagnosticSeverity.Error,
        "Too many VPC blocks",
        "VPC '{0}' has {1} IPv4 blocks; AWS allows 5 per VPC by default",
        "The quota 'IPv4 CIDR blocks per VPC' is 5 by default and can be raised to 50 in Service Quotas. Remove blocks, or raise the quota and set this diagnostic's severity to none in .editorconfig.");


    public static readonly DiagnosticDescriptor PeeredVpcsOverlap = Create("TDSL118", Addressing, DiagnosticSeverity.Error,
        "Peered VPCs with overlapping blocks",
        "Peering '{0}' joins VPC '{1}' ({2}) and '{3}' ({4}), whose blocks overlap",
        "AWS refuses to peer VPCs whose IPv4 blocks overlap, primary or secondary. Give one of the VPCs a block of its own, such as another /16 of 10.0.0.0/8.");

    public static readonly DiagnosticDescriptor PeeringRouteOutsidePeer = Create("TDSL119", Addressing, DiagnosticSeverity.Warning,
        "Route through a peering to a destination outside the peer",
        "Route table '{0}' sends {1} through peering '{2}', but the peer VPC '{3}' holds only {4}",
        "A peering connection carries traffic only to addresses of the VPC on its other side; the rest is dropped. Route the peer VPC's block, or a block inside it.");

    public static readonly DiagnosticDescriptor AttachmentSubnetsShareZone = Create("TDSL120", Addressing, DiagnosticSeverity.Error,
        "Transit gateway attachment with two subnets in one zone",
        "Attachment '{0}' uses subnet '{1}' and subnet '{2}', both in availability zone {3}",
        "A transit gateway VPC attachment takes at most one subnet per availability zone; AWS refuses a second. Keep one subnet per zone.");

    public static readonly DiagnosticDescriptor AttachedVpcsOverlap = Create("TDSL121", Addressing, DiagnosticSeverity.Warning,
        "VPCs with overlapping blocks attached to one transit gateway",
        "Transit gateway '{0}' joins VPC '{1}' ({2}) and '{3}' ({4}), whose blocks overlap",
        "The transit gateway route table cannot tell the two VPCs apart: propagated routes to the shared addresses are ambiguous and traffic reaches one of them at most. Give each attached VPC blocks of its own.");

    public static readonly DiagnosticDescriptor TransitGatewayRouteOutsideAttachment = Create("TDSL122", Addressing, DiagnosticSeverity.Warning,
        "Transit gateway route to an attachment whose VPC does not hold the destination",
        "Route {0} of transit gateway route table '{1}' goes to attachment '{2}', but its VPC '{3}' holds only {4}",
        "Traffic for addresses the attached VPC does not hold is dropped there, unless that VPC routes it on (an egress or inspection VPC). Route the VPC's own block, or set this diagnostic's severity to none for such a VPC.");

    public static readonly DiagnosticDescriptor ZoneGivenTwice = Create("TDSL123", Addressing, DiagnosticSeverity.Error,
        "Availability zone given twice",
        "Subnet '{0}' gives its availability zone both as {1} and as {2}; give it one way",
        "A subnet is in one zone: give Zone (an index into the region's zones), ZoneName or ZoneId, not two of them. AWS::EC2::Subnet takes AvailabilityZone or AvailabilityZoneId, never both.");

    public static readonly DiagnosticDescriptor MalformedZone = Create("TDSL124", Addressing, DiagnosticSeverity.Error,
        "Malformed availability zone name or ID",
        "{0} of subnet '{1}' is '{2}', which is not {3}",
        "A zone name is the region's code and a letter (us-east-1a; a Local Zone us-west-2-lax-1a); a zone ID is the region's short code, -az and a number (use1-az1; a Local Zone usw2-lax1-az1), as the Amazon EC2 User Guide's \"Regions and Zones\" writes them. Copy the value from 'aws ec2 describe-availability-zones'.");

    public static readonly DiagnosticDescriptor ZonesOfTwoRegions = Create("TDSL125", Addressing, DiagnosticSeverity.Error,
        "Availability zones of two regions in one stack",
        "Subnet '{0}' is in {1} of region {2}, but subnet '{3}' is in {4} of region {5}; a stack deploys to one region",
        "A CloudFormation stack and every subnet it creates live in one region, so zones of another region do not exist where the stack deploys. Put the subnets of each region in a stack of their own.");

    public static readonly DiagnosticDescriptor ZoneByName = Create("TDSL126", Addressing, DiagnosticSeverity.Warning,
        "Availability zone given by name",
        "Subnet '{0}' names its zone '{1}', which is a different physical zone in each AWS account; prefer ZoneId or Zone",
        "AWS maps zone names to physical zones independently for each account, so 'us-east-1a' in two accounts may be two zones, and the template deploys only in that region (cfn-lint W3010). ZoneId names the same physical zone in every account; Zone picks one of the region's zones wherever the stack deploys.");
    public static readonly DiagnosticDescriptor RouteToReservedRange = Create("TDSL127", Addressing, DiagnosticSeverity.Error,
        "Route to the range AWS reserves for its own services",
        "Route table '{0}' routes {1}, which lies in 169.254.168.0/22, the link-local range AWS reserves for the instance metadata service and the Amazon DNS server",
        "AWS refuses a route whose destination is 169.254.168.0/22 or a block inside it (Amazon VPC User Guide, Subnet route tables). Instances reach those services without a route; remove the route.");

    public static readonly DiagnosticDescriptor RouteToLinkLocal = Create("TDSL128", Addressing, DiagnosticSeverity.Warning,
        "Route to a link-local block",
        "Route table '{0}' sends {1} to '{2}', but link-local addresses (169.254.0.0/16) are not forwarded by routers",
        "Link-local addresses (RFC 3927) are valid only on the instance's own link, and AWS forwards no packet for 169.254.168.0/22 whatever the route (Amazon VPC User Guide, Subnet route tables). Route the block the traffic is really for, or remove the route.");

    // 140-149: network ACL rule numbers and quotas, IPv6 blocks of subnets (Validation/NetworkAclRules.cs, Validation/Ipv6Rules.cs)

    public static readonly DiagnosticDescriptor AclRuleNumberOutOfRange = Create("TDSL140", Addressing, DiagnosticSeverity.Error,
        "Network ACL rule number out of range",
        "Rule number {0} of network ACL '{1}' is outside 1-32766",
        "EC2 numbers network ACL rules from 1 to 32766 (32767 is the default deny it adds itself). Leave gaps (100, 110, 120...) so that rules can be inserted later.");

    public static readonly DiagnosticDescriptor DuplicateAclRuleNumber = Create("TDSL141", Addressing, DiagnosticSeverity.Error,
        "Network ACL rule number used twice",
        "Network ACL '{0}' has two {1} rules numbered {2}",
        "A number identifies one inbound and one outbound rule of an ACL; EC2 refuses a second entry with the same number and direction. Renumber one of them; the code fix gives the later one the next free number after its twin (100 becomes 110, or 101 when 110 is taken), so that it keeps its place in the evaluation order.");

    public static readonly DiagnosticDescriptor Ipv6IndexOutOfRange = Create("TDSL142", Addressing, DiagnosticSeverity.Error,
        "IPv6 subnet index out of range",
        "IPv6 index {0} of subnet '{1}' is outside 0-255: the VPC's /56 holds 256 blocks of /64",
        "Amazon gives a VPC one /56 IPv6 block; each subnet takes one of its 256 /64 blocks by index (!Select [index, !Cidr [block, 256, 64]]). Use an index from 0 to 255, or -1 for an IPv4-only subnet.");

    public static readonly DiagnosticDescriptor DuplicateIpv6Index = Create("TDSL143", Addressing, DiagnosticSeverity.Error,
        "Two subnets with one IPv6 block",
        "Subnet '{0}' takes IPv6 index {1} of VPC '{2}', which subnet '{3}' already takes",
        "Two subnets cannot share a /64: EC2 rejects the second with a CIDR conflict. The code fix writes the next index no subnet of the VPC takes.");

    public static readonly DiagnosticDescriptor Ipv6SubnetWithoutVpcBlock = Create("TDSL144", Addressing, DiagnosticSeverity.Error,
        "IPv6 subnet in a VPC without an IPv6 block",
        "Subnet '{0}' takes an IPv6 /64, but VPC '{1}' has no IPv6 block",
        "A subnet's /64 is carved from the VPC's Amazon-provided /56. Set Ipv6 = true on the VPC's attribute, or remove Ipv6Index from the subnet.");

    public static readonly DiagnosticDescriptor Ipv6SubnetOfImportedVpc = Create("TDSL148", Addressing, DiagnosticSeverity.Error,
        "IPv6 subnet of a VPC in another stack",
        "Subnet '{0}' takes an IPv6 /64 of VPC '{1}', which another stack declares: its IPv6 block is known only to that stack",
        "A subnet's /64 is computed from the VPC's block with !GetAtt, which works only in the VPC's own template (CloudFormation exports the VPC's ID, not its IPv6 block). Declare the IPv6 subnet in the VPC's stack, or leave this subnet IPv4-only.");

    public static readonly DiagnosticDescriptor Ipv6AssignWithoutBlock = Create("TDSL145", Addressing, DiagnosticSeverity.Error,
        "IPv6 addresses assigned in a subnet without an IPv6 block",
        "Subnet '{0}' assigns IPv6 addresses on creation but has no IPv6 block",
        "EC2 refuses AssignIpv6AddressOnCreation on a subnet without an IPv6 CIDR block. Give the subnet an Ipv6Index (in a VPC with Ipv6 = true), or remove the setting.");

    public static readonly DiagnosticDescriptor TooManyAclRules = Create("TDSL146", Addressing, DiagnosticSeverity.Error,
        "Too many rules in a network ACL",
        "Network ACL '{0}' has {1} {2} rules; EC2 allows {3} per direction",
        "Amazon VPC quotas (Network ACLs): 20 inbound and 20 outbound rules per ACL by default, adjustable up to 40 (IPv4 and IPv6 rules counted apart). After AWS raises the quota, set the build property TopologyDslRulesPerNetworkAcl; otherwise merge port ranges or blocks.");

    public static readonly DiagnosticDescriptor TooManyNetworkAcls = Create("TDSL147", Addressing, DiagnosticSeverity.Error,
        "Too many network ACLs in a VPC",
        "VPC '{0}' has {1} network ACLs; EC2 allows 200 per VPC",
        "Amazon VPC quotas (Network ACLs): 200 network ACLs per VPC, the default one included, adjustable. Associate several subnets with one ACL instead.");

    // 2xx: references

    public static readonly DiagnosticDescriptor NotAResourceOfStack = Create("TDSL201", References, DiagnosticSeverity.Error,
        "Reference to something that is not a resource of this stack",
        "'{0}' refers to '{1}', which is not a {2} of stack '{3}'",
        "A resource can refer to resources declared in its own [Stack] class, or in another [Stack] class of the program (imported), with the right attribute.");

    public static readonly DiagnosticDescriptor UserDataFileNotFound = Create("TDSL202", References, DiagnosticSeverity.Error,
        "User data file not found",
        "Instance '{0}' uses user data file '{1}', which is not among the project's AdditionalFiles",
        "The generator reads user data at compile time. Add <AdditionalFiles Include=\"path\" /> to the project file, with the path relative to the project.");

    public static readonly DiagnosticDescriptor UnknownSubstitution = Create("TDSL203", References, DiagnosticSeverity.Error,
        "Substitution names nothing in the stack",
        "'${{{0}}}' in {1} names nothing in stack '{2}'{3}",
        "CloudFormation substitutes ${Parameter}, ${Resource}, ${Resource.Attribute} and pseudo parameters such as ${AWS::Region}. Fix the name, or write ${!Literal} for a literal ${Literal}.");

    public static readonly DiagnosticDescriptor InvalidInstanceSetting = Create("TDSL204", References, DiagnosticSeverity.Error,
        "Instance setting is neither a parameter nor a valid value",
        "{0} of instance '{1}' is '{2}', which is neither a parameter of this stack nor {3}",
        "Name a parameter of the stack with nameof(Parameter), or write a literal value of the right form.");

    public static readonly DiagnosticDescriptor CrossVpcReference = Create("TDSL205", References, DiagnosticSeverity.Error,
        "Resources of different VPCs wired together",
        "'{0}' is in VPC '{1}', but '{2}' is in VPC '{3}'",
        "Subnets, route tables, gateways, security groups and instances work together only within one VPC. Name a resource of the same VPC; to reach another VPC's network, peer the two VPCs ([VpcPeering]) or attach both to a transit gateway, and route to the peering or the transit gateway instead of the other VPC's gateway.");

    public static readonly DiagnosticDescriptor SubnetInSeveralRouteTables = Create("TDSL206", References, DiagnosticSeverity.Error,
        "Subnet associated with more than one route table",
        "Subnet '{0}' is associated with route table '{1}' and with '{2}'; a subnet has one route table",
        "Remove one of the [Associate] attributes.");

    public static readonly DiagnosticDescriptor SeveralInternetGateways = Create("TDSL207", References, DiagnosticSeverity.Error,
        "VPC with more than one internet gateway",
        "Internet gateway '{0}' is attached to VPC '{1}', which already has internet gateway '{2}'",
        "A VPC can have one internet gateway attached. Remove one.");

    public static readonly DiagnosticDescriptor NatGatewayWithoutInternetRoute = Create("TDSL208", References, DiagnosticSeverity.Error,
        "NAT gateway cannot reach the internet",
        "NAT gateway '{0}' is in subnet '{1}', whose route table has no route to an internet gateway",
        "A public NAT gateway sends traffic out through the internet gateway of its subnet's route table. Put it in a public subnet, or add [Route<Gateway>(\"0.0.0.0/0\")] to that subnet's route table.");

    public static readonly DiagnosticDescriptor PublicIpWithoutInternetRoute = Create("TDSL209", References, DiagnosticSeverity.Warning,
        "Public IP unreachable",
        "Instance '{0}' has a public IP, but its subnet '{1}' has no route to an internet gateway",
        "Without a route to an internet gateway, nothing can reach the public address. Route the subnet to an internet gateway, or drop PublicIp.");

    public static readonly DiagnosticDescriptor DuplicateLogicalId = Create("TDSL210", References, DiagnosticSeverity.Error,
        "Duplicate logical ID",
        "The logical ID '{0}' of {1} is also the logical ID of {2}",
        "Every parameter, resource and output of a template needs its own name, including the resources the generator adds (an internet gateway's Attachment, a NAT gateway's Eip). Rename one of the records.");

    public static readonly DiagnosticDescriptor JumpHostWithoutPublicIp = Create("TDSL211", References, DiagnosticSeverity.Warning,
        "Jump host has no public IP",
        "Instance '{0}' is reached through '{1}', which has no public IP",
        "ssh -J needs a jump host the user can reach. Give it PublicIp = true.");

    public static readonly DiagnosticDescriptor PublicSubnetWithoutInternetRoute = Create("TDSL212", References, DiagnosticSeverity.Warning,
        "Public subnet without a route to the internet",
        "Subnet '{0}' is declared public, but its route table has no route to an internet gateway",
        "A public subnet needs a route table with a route to an internet gateway. Associate it with one, or declare it private.");

    public static readonly DiagnosticDescriptor PrivateSubnetWithInternetRoute = Create("TDSL213", References, DiagnosticSeverity.Warning,
        "Private subnet routed to the internet",
        "Subnet '{0}' is declared private, but route table '{1}' sends traffic to internet gateway '{2}'",
        "Instances in a private subnet should reach the internet through a NAT gateway at most. Associate it with a route table without an internet gateway route, or declare it public.");

    public static readonly DiagnosticDescriptor SecretNotReadable = Create("TDSL214", References, DiagnosticSeverity.Warning,
        "Secret used by an instance that cannot read it",
        "The user data of instance '{0}' uses secret '{1}', but the instance may not read it",
        "${Secret} in user data is the secret's ARN; fetching the value needs secretsmanager:GetSecretValue. Add [ReadsSecret<Secret>] to the instance, which gives it a role that may read that secret and nothing else.");

    public static readonly DiagnosticDescriptor SignalNeverSent = Create("TDSL215", References, DiagnosticSeverity.Warning,
        "Instance waits for a signal its user data never sends",
        "Instance '{0}' waits {1} minutes for a signal, but its user data '{2}' never runs cfn-signal, so the stack will time out and roll back",
        "SignalTimeoutMinutes makes CloudFormation wait for one success signal from the instance. End the user data with /opt/aws/bin/cfn-signal --exit-code $? --stack '${AWS::StackName}' --resource '${LogicalId}' --region '${AWS::Region}' (best from an EXIT trap, so failures are signalled too), or remove SignalTimeoutMinutes.");

    public static readonly DiagnosticDescriptor SignalWithoutUserData = Create("TDSL216", References, DiagnosticSeverity.Warning,
        "Signal wait without user data",
        "Instance '{0}' waits {1} minutes for a signal but has no user data to send it",
        "Nothing on the instance will run cfn-signal, so CloudFormation will time out and roll the stack back. Add UserData with a script that ends with cfn-signal, or remove SignalTimeoutMinutes.");

    public static readonly DiagnosticDescriptor SignalNotAwaited = Create("TDSL217", References, DiagnosticSeverity.Warning,
        "User data sends a signal nobody waits for",
        "The user data '{1}' of instance '{0}' runs cfn-signal, but the instance sets no SignalTimeoutMinutes, so the stack reports it created before the script ends",
        "Without a CreationPolicy CloudFormation marks the instance created as soon as it runs and rejects the signal. Set SignalTimeoutMinutes on [Instance] (such as 15), so that a failed boot script fails the stack.");

    public static readonly DiagnosticDescriptor PeeringRouteFromThirdVpc = Create("TDSL218", References, DiagnosticSeverity.Error,
        "Route to a peering from a VPC that is not one of its sides",
        "Route table '{0}' of VPC '{1}' routes to peering '{2}', which joins '{3}' and '{4}'",
        "Only route tables of the two peered VPCs can send traffic to a peering connection. Peer this VPC as well, or route from a table of one of the two sides.");

    public static readonly DiagnosticDescriptor VpcPeeredWithItself = Create("TDSL219", References, DiagnosticSeverity.Error,
        "VPC peered with itself",
        "Peering '{0}' joins VPC '{1}' with itself",
        "A peering connection joins two different VPCs. Name the other VPC as the second type argument.");

    public static readonly DiagnosticDescriptor DuplicatePeering = Create("TDSL220", References, DiagnosticSeverity.Error,
        "Two peerings between the same VPCs",
        "Peering '{0}' joins '{1}' and '{2}', which peering '{3}' already joins",
        "AWS allows one active peering connection between two VPCs. Remove one, and route both ways through the other.");

    public static readonly DiagnosticDescriptor RouteToUnattachedTransitGateway = Create("TDSL221", References, DiagnosticSeverity.Error,
        "Route to a transit gateway the VPC is not attached to",
        "Route table '{0}' of VPC '{1}' routes to transit gateway '{2}', but no attachment joins '{1}' to it",
        "A VPC sends traffic to a transit gateway through its attachment. Add [TransitGatewayAttachment<Gateway, Vpc>] with a subnet per zone.");

    public static readonly DiagnosticDescriptor DuplicateAttachment = Create("TDSL222", References, DiagnosticSeverity.Error,
        "VPC attached twice to one transit gateway",
        "Attachment '{0}' joins VPC '{1}' to transit gateway '{2}', which attachment '{3}' already does",
        "A VPC can be attached to a transit gateway once. Add the subnets to the first attachment.");

    public static readonly DiagnosticDescriptor AttachmentWithoutSubnets = Create("TDSL223", References, DiagnosticSeverity.Error,
        "Transit gateway attachment without subnets",
        "Attachment '{0}' names no subnet",
        "The attachment places a network interface in one subnet per availability zone and serves only those zones. Add [AttachmentSubnet<Subnet>] for each zone the VPC uses.");

    public static readonly DiagnosticDescriptor AttachmentInSeveralRouteTables = Create("TDSL224", References, DiagnosticSeverity.Error,
        "Attachment associated with more than one transit gateway route table",
        "Attachment '{0}' is associated with transit gateway route table '{1}' and with '{2}'; an attachment has one route table",
        "Traffic arriving from an attachment is routed by exactly one table. Remove one of the associations ([AssociateAttachment] attributes or association records, in any stack); propagate to as many tables as needed.");

    public static readonly DiagnosticDescriptor TransitGatewayMismatch = Create("TDSL225", References, DiagnosticSeverity.Error,
        "Transit gateway route table and attachment of different transit gateways",
        "'{0}' belongs to transit gateway '{1}', but attachment '{2}' belongs to '{3}'",
        "A transit gateway route table associates, propagates and routes only attachments of its own transit gateway.");

    public static readonly DiagnosticDescriptor AssociationWithDefaultRouteTable = Create("TDSL226", References, DiagnosticSeverity.Error,
        "Attachment associated with a table while its transit gateway uses the default table",
        "Attachment '{0}' is associated with '{1}', but transit gateway '{2}' already associates every attachment with its default route table",
        "With DefaultRouteTables (the default), AWS associates each attachment with the default table and a second association fails. Set DefaultRouteTables = false on the transit gateway.");

    public static readonly DiagnosticDescriptor StackCycle = Create("TDSL227", References, DiagnosticSeverity.Error,
        "Stacks that import from each other",
        "Stack '{0}' imports from '{1}', and the imports lead back to it: {2}",
        "CloudFormation deploys an exporting stack before the stacks that import from it, so two stacks that import from each other cannot be deployed. Move the shared records into one stack, or into a third stack both import from. A peering between VPCs of two stacks needs no cycle: in the stack that holds the peering, declare the other side's route on its own record, [Route<HubStack.HubRoutes, SpokeToHub>(\"10.20.0.0/16\")], instead of [Route<SpokeToHub>] on the other stack's table. Likewise a spoke associates and propagates its own transit gateway attachment in a hub's table on records of its own, [AssociateAttachment<HubStack.SpokeTable, SpokeAttach>] and [Propagate<HubStack.SpokeTable, SpokeAttach>], instead of attributes on the hub's table that name the spoke's attachment.");

    public static readonly DiagnosticDescriptor ImportNotUseful = Create("TDSL228", References, DiagnosticSeverity.Error,
        "Reference to another stack's record that cannot be imported",
        "'{0}' refers to '{1}' of another stack, but {2}",
        "Declare the record in the same stack as the resource that refers to it.");

    public static readonly DiagnosticDescriptor InvalidPeeringSetting = Create("TDSL229", References, DiagnosticSeverity.Error,
        "Peering setting is neither a parameter nor a valid value",
        "{0} of peering '{1}' is '{2}', which is neither a parameter of this stack nor {3}",
        "Name a parameter of the stack with nameof(Parameter), or write a literal value of the right form.");
    public static readonly DiagnosticDescriptor NatGatewayInAnotherZone = Create("TDSL270", References, DiagnosticSeverity.Info,
        "Subnet routed through a NAT gateway in another zone",
        "Subnet '{0}' (zone {1}) reaches the internet through NAT gateway '{2}' in zone {3}",
        "An outage of the NAT gateway's zone then cuts this subnet off too, and traffic that crosses zones is charged per GB. Give each zone its own NAT gateway (in a public subnet of that zone) and its own private route table.");

    // 250-259: network ACLs and IPv6 routing (Validation/NetworkAclRules.cs, Validation/Ipv6Rules.cs)

    public static readonly DiagnosticDescriptor SubnetInSeveralAcls = Create("TDSL250", References, DiagnosticSeverity.Error,
        "Subnet associated with two network ACLs",
        "Subnet '{0}' is already associated with network ACL '{1}'; '{2}' associates it again",
        "A subnet has exactly one network ACL: a second association replaces the first, and which one wins depends on the order CloudFormation happens to create them. Keep one [Associate<Subnet>].");

    public static readonly DiagnosticDescriptor ShadowedAclRule = Create("TDSL251", References, DiagnosticSeverity.Warning,
        "Network ACL rule that can never match",
        "{0} rule {1} of network ACL '{2}' never decides anything: rule {3} ({4}) comes first and already decides all of its traffic",
        "Network ACL rules are evaluated from the lowest number and the first match decides, so a rule whose traffic a lower-numbered rule covers entirely is dead. Give it a lower number than the rule that wins, narrow that rule, or remove this one.");

    public static readonly DiagnosticDescriptor AclReturnTrafficBlocked = Create("TDSL252", References, DiagnosticSeverity.Warning,
        "Network ACL lets connections in or out but not their replies",
        "Network ACL '{0}' allows {1} {2} {3} {4} (rule {5}), but no {6} rule lets the replies ({9} 1024-65535) {7} {4}: add [{8}]",
        "Network ACLs are stateless: the replies of a connection are matched by the rules of the other direction, and they use the client's ephemeral ports (1024-65535 covers Linux, Windows and NAT gateways). This holds for UDP as for TCP: a DNS query to port 53 is answered on the client's ephemeral port. Add the rule the message names, of the protocol the rule it answers uses (a rule for all protocols answers both); the code fix adds it with the next free rule number. Rules for the addresses network ACLs do not filter (the Amazon DNS server, the instance metadata service, the Time Sync Service and the other link-local services, the VPC router) need no reply rule and are not checked.");

    public static readonly DiagnosticDescriptor PrivateSubnetWithIpv6InternetRoute = Create("TDSL253", References, DiagnosticSeverity.Warning,
        "Private subnet routed to the internet over IPv6",
        "Subnet '{0}' is declared private, but route table '{1}' sends {2} to internet gateway '{3}'",
        "Over IPv6 every address is public: an internet gateway route lets the internet open connections to the subnet's instances. Route ::/0 to an egress-only internet gateway (outbound only), or declare the subnet public.");

    public static readonly DiagnosticDescriptor Ipv6SubnetWithoutIpv6Route = Create("TDSL254", References, DiagnosticSeverity.Warning,
        "Subnet assigns IPv6 addresses but has no IPv6 route",
        "Subnet '{0}' gives its instances IPv6 addresses, but its route table has no IPv6 route",
        "Without a ::/0 route the IPv6 addresses reach only the VPC. Route ::/0 to an internet gateway (public subnet) or an egress-only internet gateway (private subnet), or stop assigning IPv6 addresses.");

    public static readonly DiagnosticDescriptor EgressOnlyRouteNotIpv6 = Create("TDSL255", References, DiagnosticSeverity.Error,
        "IPv4 route to an egress-only internet gateway",
        "Route table '{0}' sends {1} to egress-only internet gateway '{2}', which carries IPv6 traffic only",
        "An egress-only internet gateway is for IPv6; EC2 refuses an IPv4 destination. Route IPv4 to a NAT gateway and ::/0 to the egress-only gateway.");

    public static readonly DiagnosticDescriptor AclDeniesUnfilteredTraffic = Create("TDSL256", References, DiagnosticSeverity.Warning,
        "Network ACL rule denies traffic network ACLs do not filter",
        "{0} rule {1} of network ACL '{2}' denies traffic {3} {4}, {5}, which network ACLs do not filter: the rule blocks nothing",
        "Network ACLs do not filter traffic to and from the Amazon DNS server, the instance metadata service, the Amazon Time Sync Service, the ECS task metadata endpoint, Windows license activation and the VPC router (Amazon VPC User Guide, Network ACL basics), so a deny rule whose block holds only their addresses has no effect. Remove it. Instances reach the metadata service whatever the ACL says; what protects it is IMDSv2, which TopologyDsl requires unless an instance sets AllowImdsV1. To filter DNS queries, use Route 53 Resolver DNS Firewall.");

    // 3xx: CloudFormation limits and naming

    public static readonly DiagnosticDescriptor InvalidLogicalId = Create("TDSL301", Limits, DiagnosticSeverity.Error,
        "Invalid logical ID",
        "'{0}' is not a valid logical ID: CloudFormation accepts only ASCII letters and digits, at most 255 characters",
        "Rename the record (or output): no underscores and no non-ASCII letters.");

    public static readonly DiagnosticDescriptor TooManyResources = Create("TDSL302", Limits, DiagnosticSeverity.Error,
        "Too many resources",
        "Stack '{0}' makes {1} resources; a template may hold at most 500",
        "Split the topology into several stacks.");

    public static readonly DiagnosticDescriptor TooManyParameters = Create("TDSL303", Limits, DiagnosticSeverity.Error,
        "Too many parameters",
        "Stack '{0}' has {1} parameters; a template may hold at most 200",
        "Merge parameters or split the stack.");

    public static readonly DiagnosticDescriptor TooManyOutputs = Create("TDSL304", Limits, DiagnosticSeverity.Error,
        "Too many outputs",
        "Stack '{0}' has {1} outputs; a template may hold at most 200",
        "Remove outputs or split the stack.");

    public static readonly DiagnosticDescriptor TemplateTooLargeForInline = Create("TDSL305", Limits, DiagnosticSeverity.Warning,
        "Template too large to deploy inline",
        "The template of stack '{0}' is {1} bytes, over the 51,200 that can be passed inline",
        "Reported by synth once the YAML is written. Deploy with 'aws cloudformation deploy --s3-bucket', or split the stack.");

    public static readonly DiagnosticDescriptor TemplateTooLarge = Create("TDSL306", Limits, DiagnosticSeverity.Error,
        "Template too large",
        "The template of stack '{0}' is {1} bytes; CloudFormation accepts at most 1,000,000",
        "Reported by synth once the YAML is written. Split the topology into several stacks.");

    public static readonly DiagnosticDescriptor ExportNameTooLong = Create("TDSL307", Limits, DiagnosticSeverity.Error,
        "Export name too long",
        "'{0}' is imported by another stack under the export name '{1}', which is {2} characters; at most 255 are allowed",
        "Export names are '{stack name}-{record}'. CloudFormation documents no limit of their own (the Outputs reference and the Export API type list none, and cfn-lint 1.51 checks only that the name is a string); TopologyDsl keeps them within 255 characters, the limit on an output's name, so that a generated name never meets an undocumented one. Shorten the stack name or the record's name.");

    public static readonly DiagnosticDescriptor DuplicateStackName = CreateAtEnd("TDSL308", Limits, DiagnosticSeverity.Error,
        "Two stacks with one name",
        "Stack name '{0}' is also the name of stack class '{1}'",
        "Each stack deploys as its own CloudFormation stack and synth writes it to templates/<name>.yaml, so a second stack with the same name would overwrite the first. Rename one.");

    public static readonly DiagnosticDescriptor DuplicateExportName = CreateAtEnd("TDSL309", Limits, DiagnosticSeverity.Error,
        "Two exports with one name",
        "Export name '{0}' of {1} is also the export name of {2}",
        "Export names must be unique in an account and region: the ones you give ([Output(..., Export = \"name\")]) and the ones generated for records other stacks import ('{stack name}-{record}'). Rename one.");

    public static readonly DiagnosticDescriptor TooManyInterfaceEndpoints = Create("TDSL310", Limits, DiagnosticSeverity.Error,
        "Too many interface endpoints in a VPC",
        "VPC '{0}' has {1} interface endpoints; AWS allows {2} per VPC by default",
        "The quota 'Interface and Gateway Load Balancer endpoints per VPC' is 50 by default and adjustable in Service Quotas (AWS PrivateLink quotas). Remove endpoints, or, after AWS raises the quota for your account, set the build property TopologyDslInterfaceEndpointsPerVpc to the new value.");

    public static readonly DiagnosticDescriptor TooManyGatewayEndpoints = Create("TDSL311", Limits, DiagnosticSeverity.Error,
        "Too many gateway endpoints in a region",
        "{0} declares {1} gateway endpoints; AWS allows {2} per region by default",
        "The quota 'Gateway VPC endpoints per Region' is 20 by default and adjustable in Service Quotas (AWS PrivateLink quotas). One gateway endpoint can serve every route table of its VPC: join the tables to it with [EndpointRouteTable], or, after AWS raises the quota for your account, set the build property TopologyDslGatewayEndpointsPerRegion to the new value.");

    public static readonly DiagnosticDescriptor TooManyElasticIps = Create("TDSL312", Limits, DiagnosticSeverity.Error,
        "Too many Elastic IP addresses in a region",
        "{0} is one of {2} Elastic IP addresses that {1} allocates; AWS allows {3} per Region by default",
        "Each NAT gateway and each instance with ElasticIp = true allocates an Elastic IP address, and an account has 5 per Region by default (Amazon EC2 User Guide, 'Elastic IP address quota'); past it the allocation fails (AddressLimitExceeded) and the stack rolls back. Addresses the account already holds count too. Give instances a public IP instead of an Elastic IP, share one NAT gateway between zones, or, after AWS raises the quota for your account, set the build property TopologyDslElasticIpsPerRegion to the new value.");

    public static readonly DiagnosticDescriptor ValueRejectedByAws = Create("TDSL320", Limits, DiagnosticSeverity.Error,
        "Value not accepted by AWS",
        "{0} of '{1}' is '{2}', but {3} must be {4}",
        "The value is written into a property whose constraints come from the CloudFormation resource schema (or, where the schema is silent, from the service's API reference); CloudFormation or the service would reject the template at deploy time. Change the value as the message says.");

    public static readonly DiagnosticDescriptor ParameterDefaultInvalid = Create("TDSL321", Limits, DiagnosticSeverity.Error,
        "Parameter default breaks the parameter's own constraints",
        "Default '{0}' of parameter '{1}' {2}",
        "CloudFormation checks the value a parameter ends up with against its AllowedValues, AllowedPattern, MinLength, MaxLength and type, and a deploy that keeps the default fails. Fix the default or the constraint.");

    public static readonly DiagnosticDescriptor NoEchoParameterInOutput = Create("TDSL322", Limits, DiagnosticSeverity.Warning,
        "NoEcho parameter shown in an output",
        "Output '{0}' shows NoEcho parameter '{1}', which anyone who may describe the stack then reads in clear",
        "NoEcho masks a parameter in the console and in describe-stacks, but not an output built from it. Leave the parameter out of the output, or keep the value in a [Secret].");

    public static readonly DiagnosticDescriptor UnusedParameter = Create("TDSL323", Limits, DiagnosticSeverity.Warning,
        "Parameter used by nothing",
        "Parameter '{0}' is used by nothing in stack '{1}'",
        "Every deploy has to supply a value that changes nothing (cfn-lint W2001). Use the parameter (an instance setting, a rule's peer, ${Name} in user data or an output) or remove it.");

    public static readonly DiagnosticDescriptor DescriptionTooLong = Create("TDSL324", Limits, DiagnosticSeverity.Error,
        "Description too long",
        "The description of {0} is {1}; CloudFormation accepts at most {2}",
        "CloudFormation counts a template's and an output's description in bytes of UTF-8 (1,024), so a non-ASCII character counts two to four; a parameter's description in characters (4,000). Shorten it.");

    public static readonly DiagnosticDescriptor StackWithoutResources = Create("TDSL325", Limits, DiagnosticSeverity.Error,
        "Stack without resources",
        "Stack '{0}' declares no resource, and CloudFormation refuses a template without one",
        "A template needs at least one resource. Declare one in the stack class, or remove the [Stack] class.");

    public static readonly DiagnosticDescriptor UserDataTooLarge = Create("TDSL326", Limits, DiagnosticSeverity.Error,
        "User data too large",
        "The user data of instance '{0}' is {1} bytes; EC2 accepts at most 16,384 before Base64 encoding",
        "EC2 limits user data to 16 KB in raw form. Keep the boot script short: fetch the rest at boot (from S3 or a package), or install with a configuration tool.");

    public static readonly DiagnosticDescriptor AttributeNotAvailable = Create("TDSL327", Limits, DiagnosticSeverity.Error,
        "Attribute the resource will not have",
        "{0} reads '{1}.{2}', but instance '{1}' has no public IP, so CloudFormation cannot resolve it",
        "An instance without PublicIp = true has no public address or public DNS name, and the stack fails when it reads one. Give the instance a public IP, or read PrivateIp.");

    public static readonly DiagnosticDescriptor UserDataDependencyCycle = Create("TDSL328", Limits, DiagnosticSeverity.Error,
        "User data depends on its own instance",
        "The user data of instance '{0}' substitutes '{1}', which depends on instance '{0}' itself ({2}): CloudFormation reports a circular dependency",
        "An instance's user data is resolved before the instance exists, so it cannot read the instance's own attributes, nor those of an instance that reads them in turn. Find the value at boot instead (for example from instance metadata: curl http://169.254.169.254/latest/meta-data/local-ipv4 with an IMDSv2 token).");

    public static readonly DiagnosticDescriptor TooManySecurityGroups = Create("TDSL329", Limits, DiagnosticSeverity.Error,
        "Too many security groups on a network interface",
        "{0} '{1}' uses {2} security groups; a network interface takes at most {3}",
        "EC2 allows 5 security groups per network interface by default (Amazon VPC quotas, 'Security groups per network interface'): an instance's groups go on its network interface, and an interface endpoint's on each of its network interfaces. Remove groups (merge their rules into fewer), or, since the quota is adjustable up to 16, after AWS raises it for your account set the build property TopologyDslSecurityGroupsPerInterface to the new value.");

    public static readonly DiagnosticDescriptor TooManyRules = Create("TDSL330", Limits, DiagnosticSeverity.Error,
        "Too many rules in a security group",
        "Security group '{0}' has {1} {2} rules for {3}; EC2 allows {4} per group",
        "EC2 allows 60 inbound and 60 outbound rules per security group, counted apart for IPv4 and IPv6 (a rule that names a group counts for both). The quota is adjustable: after AWS raises it, set the build property TopologyDslRulesPerSecurityGroup. Otherwise merge port ranges or split the group.");

    public static readonly DiagnosticDescriptor DuplicateRule = Create("TDSL331", Limits, DiagnosticSeverity.Error,
        "Security group rule written twice",
        "Security group '{0}' has the same {1} rule twice ({2})",
        "EC2 refuses a rule that already exists in the group (InvalidPermission.Duplicate), so the stack fails. Remove the second rule.");

    public static readonly DiagnosticDescriptor ListParameterSubstituted = Create("TDSL332", Limits, DiagnosticSeverity.Error,
        "List parameter substituted as text",
        "{0} substitutes '${{{1}}}', a parameter of type {2}, which Fn::Sub cannot write as text",
        "Fn::Sub writes only strings; a list parameter makes the stack fail (\"variable ... does not resolve to a string\"). Declare the parameter as String (or AWS::SSM::Parameter::Value<String>) and split it where it is used.");

    public static readonly DiagnosticDescriptor EditReplacesStatefulResource = Create("TDSL333", Limits, DiagnosticSeverity.Warning,
        "Edit replaces a resource that holds data",
        "Changing {0} replaces {1}: {2} (the committed template has {3})",
        "CloudFormation replaces a resource when a create-only property changes (createOnlyProperties in its resource schema), and a replacement is a new resource: a replaced instance is a new machine, and the old one's root volume is deleted with everything on it. If that is what you want, save the data first (or keep it on a volume that survives), then run synth and commit the template: the warning compares the code with the committed templates/<stack>.yaml and goes away once they match. 'synth' prints the whole change report. Set the build property TopologyDslCompareTemplates to false to stop the comparison.");

    public static readonly DiagnosticDescriptor FixedAddressWithResolvedImage = Create("TDSL334", Limits, DiagnosticSeverity.Warning,
        "Fixed address with an image resolved on every update",
        "Instance '{0}' has the fixed address {1} and its image from SSM parameter '{2}', which CloudFormation resolves again on every stack update; once AWS publishes a new image, any update replaces the instance and fails while the old one holds {1}",
        "CloudFormation resolves parameters of type AWS::SSM::Parameter::Value<...> on every create and update, and ImageId is create-only: when the public parameter points at a new image, the next update (of anything in the stack) replaces the instance. CloudFormation creates the replacement before it deletes the old instance, so a fixed private address is still taken, the update fails and rolls back, and the way out deletes the instance with its root volume. Pin the image: declare the parameter with Type = ParameterTypes.ImageId and pass the image ID at deploy time (resolve the SSM name once with 'aws ssm get-parameter'), or write the image ID; the instance is then replaced only when you change it.");

    public static readonly DiagnosticDescriptor PolicyNotValid = Create("TDSL335", Limits, DiagnosticSeverity.Error,
        "Deletion or replacement policy not valid for the resource",
        "{0} on '{1}' is not valid: {2}",
        "CloudFormation takes Snapshot only on the types that can make one (AWS::EC2::Volume, RDS, ElastiCache, Neptune, DocumentDB and Redshift clusters; AWS CloudFormation User Guide, \"DeletionPolicy attribute\") and RetainExceptOnCreate only as a DeletionPolicy. [Policies] applies to the resource that holds a record's data: a secret, an instance, a data volume, a VPC's flow log group. Use Retain to keep a resource that cannot be snapshotted, or drop the attribute to keep the kind's default.");

    public static readonly DiagnosticDescriptor VolumeSizeOutOfRange = Create("TDSL336", Limits, DiagnosticSeverity.Error,
        "Data volume size out of range for its type",
        "Data volume '{0}' has {1} GiB, outside the {2} to {3} GiB that a {4} volume may have",
        "EBS accepts gp3 volumes of 1 to 65,536 GiB, gp2 of 1 to 16,384, st1 and sc1 of 125 to 16,384 and standard of 1 to 1,024 (Amazon EBS User Guide, \"Amazon EBS volume types\"). Change the size, or the type.");

    public static readonly DiagnosticDescriptor VolumeDeviceNotAllowed = Create("TDSL337", Limits, DiagnosticSeverity.Warning,
        "Data volume device name outside the recommended range",
        "Data volume '{0}' is attached as '{1}', outside the device names the EC2 User Guide recommends for EBS data volumes (/dev/sdf to /dev/sdp, or /dev/xvdf to /dev/xvdp)",
        "The EC2 User Guide (\"Device names for volumes on Amazon EC2 instances\") recommends /dev/sd[f-p] for EBS volumes on Linux instances: /dev/xvda and /dev/sda1 are root devices (the attachment fails), the names before f may be taken by instance store volumes, and other forms may not be recognised. Use a name such as /dev/sdf.");

    public static readonly DiagnosticDescriptor DuplicateVolumeDevice = Create("TDSL338", Limits, DiagnosticSeverity.Error,
        "Two data volumes on one device of an instance",
        "Data volume '{0}' is attached to '{1}' as {2}, which data volume '{3}' already uses",
        "An instance attaches one volume per device name, and EC2 rejects the second attachment (so the instance fails to launch). Give each volume of the instance its own device name; /dev/sdX and /dev/xvdX are the same device.");

    public static readonly DiagnosticDescriptor ElasticIpUnreachable = Create("TDSL339", Limits, DiagnosticSeverity.Warning,
        "Elastic IP on an instance without a route to an internet gateway",
        "Instance '{0}' has an Elastic IP, but its subnet '{1}' has no route to an internet gateway",
        "Nothing can reach an Elastic IP whose subnet does not route to an internet gateway, and when the VPC has no internet gateway at all, EC2 refuses the association (Gateway.NotAttached) and the stack fails. Route the subnet to an internet gateway, or drop ElasticIp.");

    // 4xx: security (network exposure and secure defaults)

    public static readonly DiagnosticDescriptor AdminPortOpenToWorld = Create("TDSL401", Security, DiagnosticSeverity.Warning,
        "Administrative port open to the internet",
        "Security group '{0}' lets anyone on the internet ({1}) reach port {2} ({3})",
        "SSH and RDP open to 0.0.0.0/0 or ::/0 are scanned and attacked within minutes. Allow only your own block through a parameter ([Ingress(Tcp, 22, nameof(AdminCidr))] with no default of 0.0.0.0/0), or manage the instance through Session Manager ([Instance<Subnet>(..., SessionManager = true)]) and open no inbound port at all.");

    public static readonly DiagnosticDescriptor DatabasePortOpenToWorld = Create("TDSL402", Security, DiagnosticSeverity.Warning,
        "Database or cache port open to the internet",
        "Security group '{0}' lets anyone on the internet ({1}) reach port {2} ({3})",
        "A database or cache should be reachable only from the application tier. Allow the application's security group instead: [IngressFrom<AppGroup>(Tcp, 3306)].");

    public static readonly DiagnosticDescriptor AllPortsOpenToWorld = Create("TDSL403", Security, DiagnosticSeverity.Warning,
        "All ports open to the internet",
        "Security group '{0}' lets anyone on the internet ({1}) reach {2}",
        "Open only the ports a service needs, each in its own rule.");

    public static readonly DiagnosticDescriptor DatabaseTierExposed = Create("TDSL404", Security, DiagnosticSeverity.Warning,
        "Database-tier instance reachable from the internet",
        "Instance '{0}' serves a database port through security group '{1}' but {2}",
        "Keep database servers in a private subnet without a public IP; reach them through a jump host ([SshVia<Web>]) or SSM Session Manager.");

    public static readonly DiagnosticDescriptor ImdsV1Allowed = Create("TDSL405", Security, DiagnosticSeverity.Warning,
        "Instance metadata v1 allowed",
        "Instance '{0}' allows IMDSv1, whose credentials a server-side request forgery can read",
        "IMDSv2 requires a session token for instance metadata, which blocks the SSRF attacks that steal role credentials through IMDSv1. Remove AllowImdsV1 unless software on the instance cannot send the token.");

    public static readonly DiagnosticDescriptor RootVolumeUnencrypted = Create("TDSL406", Security, DiagnosticSeverity.Warning,
        "Root volume not encrypted",
        "Instance '{0}' has an unencrypted root volume",
        "Encryption of EBS volumes costs nothing noticeable and protects snapshots and detached volumes. Remove EncryptRootVolume = false.");

    public static readonly DiagnosticDescriptor HalfKeptResource = Create("TDSL413", Security, DiagnosticSeverity.Warning,
        "Resource kept on removal or on replacement, not both",
        "'{0}' has {1} and no {2}, so CloudFormation deletes it {3}",
        "DeletionPolicy acts when the resource leaves the template or the stack is deleted, UpdateReplacePolicy when an update replaces it; what one keeps the other deletes (cfn-lint W3011). Set both in [Policies].");

    public static readonly DiagnosticDescriptor DataVolumeUnencrypted = Create("TDSL412", Security, DiagnosticSeverity.Warning,
        "Data volume not encrypted",
        "Data volume '{0}' is not encrypted",
        "A data volume holds what the instance keeps, and its snapshots (DeletionPolicy Snapshot) keep it longer. Encryption costs nothing noticeable and covers the volume and its snapshots. Remove Encrypted = false.");

    public static readonly DiagnosticDescriptor RuleWithoutDescription = Create("TDSL407", Security, DiagnosticSeverity.Info,
        "Security group rule without a description",
        "A rule of security group '{0}' has no description",
        "Say what each rule is for (Description = \"...\"), so that a reviewer can tell whether it is still needed.");

    public static readonly DiagnosticDescriptor UnrestrictedEgress = Create("TDSL408", Security, DiagnosticSeverity.Info,
        "All outbound traffic allowed",
        "Security group '{0}' allows all outbound traffic to anywhere",
        "Without [Egress] rules EC2 allows every outbound connection, which malware and data exfiltration use. List the destinations the instances need, such as [Egress(Tcp, 443, \"0.0.0.0/0\")].");

    public static readonly DiagnosticDescriptor VpcWithoutFlowLogs = Create("TDSL409", Security, DiagnosticSeverity.Info,
        "VPC without flow logs",
        "VPC '{0}' records no flow logs",
        "Flow logs record accepted and rejected traffic, which incident response needs. Set FlowLogs = true on [Vpc] to add a flow log to CloudWatch Logs with its log group and IAM role (deploy with --capabilities CAPABILITY_IAM).");

    public static readonly DiagnosticDescriptor InstanceWithoutSecurityGroup = Create("TDSL410", Security, DiagnosticSeverity.Warning,
        "Instance relies on the default security group",
        "Instance '{0}' has no security group, so EC2 puts it in the VPC's default security group",
        "The default security group lets every member reach every other on all ports, and anyone can add to it. Give the instance its own group with [Uses<Group>].");

    public static readonly DiagnosticDescriptor NoEchoParameterInUserData = Create("TDSL411", Security, DiagnosticSeverity.Warning,
        "Secret parameter written into user data",
        "The user data of instance '{0}' substitutes NoEcho parameter '{1}', which anyone allowed ec2:DescribeInstanceAttribute can read in clear",
        "NoEcho hides a value in CloudFormation, not in the instance's user data. Keep passwords in a [Secret] and fetch them at boot ([ReadsSecret<Secret>], then aws secretsmanager get-secret-value --secret-id '${Secret}').");

    public static readonly DiagnosticDescriptor SshOpenOnSessionManagerInstance = Create("TDSL415", Security, DiagnosticSeverity.Info,
        "Session Manager instance with SSH still open",
        "Instance '{0}' uses Session Manager, yet security group '{1}' still lets in SSH (TCP 22) from {2}; the port is no longer needed",
        "Session Manager opens shells through the SSM agent's outbound HTTPS connection, so the instance needs no inbound SSH. Remove the rule (and the key pair, if nothing else uses it).");

    public static readonly DiagnosticDescriptor MalformedRootDevice = Create("TDSL414", Security, DiagnosticSeverity.Error,
        "Malformed root device name",
        "RootDevice of instance '{0}' is '{1}', which is not a root device name (/dev/sd[a-z], /dev/sd[a-z]1 or /dev/xvd[a-z])",
        "The root volume's block device mapping must name the image's root device for its settings (gp3, RootVolumeSize, encryption) to reach the root volume; another name is refused by EC2 or maps an extra empty volume. Write the image's root device: /dev/xvda for Amazon Linux (the default: leave RootDevice out), /dev/sda1 for Ubuntu and Windows; aws ec2 describe-images --image-ids ami-... --query 'Images[].RootDeviceName' gives any image's.");

    public static readonly DiagnosticDescriptor RootDeviceNotImages = Create("TDSL416", Security, DiagnosticSeverity.Warning,
        "Root device differs from the image's",
        "Instance '{0}' maps its root volume at {1}, but the images of parameter '{2}' ({3}) boot from {4}",
        "A block device mapping at a device the image does not boot from adds an extra empty volume, and the real root volume keeps the image's size and encryption (unencrypted unless the account encrypts EBS by default), so TDSL406's protection is lost unseen. Set RootDevice to the image's root device: RootDevice = \"/dev/sda1\" for Ubuntu (/aws/service/canonical/...) and Windows (/aws/service/ami-windows-latest/...); leave it out for Amazon Linux (/dev/xvda).");

    public static readonly DiagnosticDescriptor UnknownInstanceType = Create("TDSL417", Security, DiagnosticSeverity.Warning,
        "Unknown EC2 instance type",
        "{0} is '{1}', which is not an EC2 instance type{2}",
        "EC2 refuses an instance type it does not offer, so the stack fails when it creates the instance (cfn-lint reports E3030). Correct the type, or take the suggested one. The list is the EC2 API's InstanceType enumeration (botocore's EC2 service model) at the time the DSL was built, so a type AWS added since is reported too: check it in the EC2 console and suppress the warning for it.");

    // 420-422: network ACLs (Validation/NetworkAclRules.cs)

    public static readonly DiagnosticDescriptor AclAdminPortOpenToWorld = Create("TDSL420", Security, DiagnosticSeverity.Warning,
        "Network ACL lets the internet in on an administrative port",
        "Network ACL '{0}' allows inbound {1} from {2} (rule {3}), which includes port {4} ({5})",
        "A network ACL that allows SSH (22), RDP (3389) or FTP (20, 21) from 0.0.0.0/0 or ::/0 leaves those ports to the security groups alone. Allow them only from your own block, or deny them in a lower-numbered rule. The reply rule of a stateless ACL (TCP 1024-65535) is not reported although it takes in 3389: replies need it, and the security groups still decide.");

    public static readonly DiagnosticDescriptor NetworkAclWithoutSubnet = Create("TDSL421", Security, DiagnosticSeverity.Info,
        "Network ACL filters no subnet",
        "Network ACL '{0}' is associated with no subnet, so its rules filter nothing",
        "A network ACL acts only on the subnets associated with it; without one, its subnets keep the VPC's default ACL, which allows all traffic. Add [Associate<Subnet>] to the ACL, or remove it.");

    // 425-429: security groups across the program (Validation/SecurityRules.cs, run by Validation/ProgramRules.cs)

    public static readonly DiagnosticDescriptor UnusedSecurityGroup = CreateAtEnd("TDSL425", Security, DiagnosticSeverity.Info,
        "Security group that nothing uses",
        "Security group '{0}' is used by no instance or interface endpoint of the program, and no other group's rule, output or boot script names it",
        "A group with no member filters nothing. It deploys and costs nothing, so this is a suggestion (Info), not a warning: it is often left over after its resources moved to another group, or its [Uses<Group>] was forgotten. Add [Uses<Group>] to the instances or interface endpoints it is for, or remove it. For a group meant for resources outside the program, name it in an output ([Output(\"WebGroupId\", \"${WebGroup}\", Export = \"...\")]), which counts as a use. Checked on build across every stack of the project, since a stack does not see the stacks that import its records.");

    // 426: text that reaches the template as a plain string (Validation/LiteralTextRules.cs)

    public static readonly DiagnosticDescriptor SubstitutionInLiteralText = Create("TDSL426", Security, DiagnosticSeverity.Warning,
        "Substitution syntax in text that CloudFormation does not substitute",
        "{0} of {1} holds '{2}', which CloudFormation does not substitute there, so AWS gets the text as written",
        "CloudFormation substitutes ${Name} only inside Fn::Sub, which TopologyDsl writes for boot scripts (UserData files) and outputs' values. Tags, descriptions (stack, output, security group and rule, secret, transit gateway, parameter), a parameter's Default, AllowedValues and ConstraintDescription, an output's Export and an instance's KeyName are written as plain strings: ${AWS::StackName} there reaches AWS as written (cfn-lint reports E1029 for it when the name is a resource, parameter or pseudo parameter, except in tag values, which the generator writes as a Fn::Join that E1029 does not read). Write the value itself without ${}, or put the text where substitution happens (an [Output] value, the boot script). The escape ${!X} is not read in these fields: it reaches AWS with its '!'. If the literal text ${X} is what you want, keep it and suppress this warning (#pragma warning disable TDSL426, or dotnet_diagnostic.TDSL426.severity = none in .editorconfig).");

    // 230-239: reachability, from the model of security groups, routes, gateways and public IPs (Validation/Reachability.cs)

    public static readonly DiagnosticDescriptor PeeringRouteWithoutRouteBack = Create("TDSL235", References, DiagnosticSeverity.Warning,
        "Route to a peering with no route back",
        "Route table '{0}' sends {1} to peering '{2}', but no route table of VPC '{3}' sends {4} back through it, so no connection through it can complete",
        "Replies follow the route table of the target's subnet, so a peering needs a route on both sides (Amazon VPC Peering Guide, Update your route tables for a VPC peering connection). Add [Route<ThePeering>(\"...\")] for this VPC's block to the peer VPC's route table.");

    public static readonly DiagnosticDescriptor TransitGatewayRouteFromUncoveredZone = Create("TDSL236", References, DiagnosticSeverity.Warning,
        "Route to a transit gateway from a zone its attachment does not cover",
        "Route table '{0}' sends {1} to transit gateway '{2}' for subnet '{3}' in zone {4}, where attachment '{5}' has no subnet, so that traffic is dropped",
        "A subnet reaches a transit gateway only in a zone where the VPC's attachment has a subnet (Amazon VPC Transit Gateways, Amazon VPC attachments). Add an [AttachmentSubnet<...>] in that zone to the attachment.");

    public static readonly DiagnosticDescriptor ReachabilityAssertionBroken = Create("TDSL230", References, DiagnosticSeverity.Error,
        "Asserted connection is not open",
        "{0} cannot reach '{1}' on {2}: {3}",
        "A [Reaches] or [ReachableFromInternet] assertion fails. The message names the first link of the path that is missing (an outbound rule of the source's group, a route, between VPCs a route each way and the peering or the transit gateway's attachment and route table, a gateway, a public IP, an inbound rule of the target's group); add it, or correct the assertion.");

    public static readonly DiagnosticDescriptor NeverReachableAssertionBroken = Create("TDSL231", References, DiagnosticSeverity.Error,
        "Instance asserted unreachable from the internet is reachable",
        "'{0}' must never be reachable from the internet, but {1} reaches it on {2} through {3}",
        "A [NeverReachableFromInternet] assertion fails: a rule lets the outside in and the instance has a public IP in a subnet routed to an internet gateway. Remove the public IP, move the instance to a private subnet, or narrow the inbound rule to a security group of the VPC.");

    public static readonly DiagnosticDescriptor SshJumpPathBroken = Create("TDSL232", References, DiagnosticSeverity.Warning,
        "SSH through the jump host cannot work",
        "SSH to '{0}' through '{1}' cannot work: {2}",
        "[SshVia<Jump>] needs SSH (TCP 22) from outside to the jump host and from the jump host to the instance: an outbound rule in the jump host's group and an inbound rule in the instance's group, e.g. [EgressTo<DbGroup>(Tcp, 22)] and [IngressFrom<WebGroup>(Tcp, 22)].");

    public static readonly DiagnosticDescriptor BootScriptWithoutWayOut = Create("TDSL233", References, DiagnosticSeverity.Warning,
        "Boot script needs the internet but the instance has no way out",
        "The boot script of instance '{0}' runs '{1}', but the instance cannot reach the internet on TCP 443: {2}",
        "Package managers, curl, wget and the AWS CLI fetch over HTTPS. Give the instance's group [Egress(Tcp, 443, \"0.0.0.0/0\")] and its subnet a route to a NAT gateway (private subnet) or an internet gateway with a public IP (public subnet). Without the internet, a VPC endpoint serves what it can: 'aws s3' (and dnf on Amazon Linux 2023, whose repositories are in S3) through an S3 gateway endpoint joined to the subnet's route table, 'aws <service>' through an interface endpoint of that service with private DNS.");

    public static readonly DiagnosticDescriptor SubstitutedAddressWithoutConnection = Create("TDSL234", References, DiagnosticSeverity.Info,
        "Boot script uses the address of an instance it has no connection with",
        "The boot script of instance '{0}' uses the address of '{1}', but no connection between them is open on any port",
        "A script that writes another instance's address into a configuration usually connects to it, or lets it connect. Open the port both ways: an outbound rule in one group and an inbound rule in the other.");

    public static readonly DiagnosticDescriptor EndpointServiceInvalid = Create("TDSL240", References, DiagnosticSeverity.Error,
        "Endpoint service name not in the region's form",
        "Endpoint '{0}' names service '{1}', which {2}",
        "Give the service's short name, such as EndpointServices.Ssm (\"ssm\") or \"ecr.api\": lower-case letters, digits, hyphens and dots. The generator writes the whole name for the stack's region (!Sub com.amazonaws.${AWS::Region}.ssm), so the template deploys in any region; a gateway endpoint serves only s3 or dynamodb.");

    public static readonly DiagnosticDescriptor EndpointSubnetsShareZone = Create("TDSL241", References, DiagnosticSeverity.Error,
        "Interface endpoint with two subnets in one zone",
        "Interface endpoint '{0}' has subnets '{1}' and '{2}' in zone {3}; an endpoint takes one subnet per availability zone",
        "AWS refuses an interface endpoint with two subnets in one availability zone. Keep one [EndpointSubnet] per zone.");

    public static readonly DiagnosticDescriptor PrivateDnsWithoutVpcDns = Create("TDSL242", References, DiagnosticSeverity.Error,
        "Private DNS on a VPC without DNS support and host names",
        "Interface endpoint '{0}' has private DNS, but VPC '{1}' has {2} off",
        "Private DNS needs the VPC's EnableDnsSupport and EnableDnsHostnames, and AWS refuses the endpoint without them. Leave DnsSupport and DnsHostnames on in the VPC's attribute (the default), or set PrivateDns = false on the endpoint and call it by its own DNS name.");

    public static readonly DiagnosticDescriptor EndpointClosedToItsUsers = Create("TDSL243", References, DiagnosticSeverity.Warning,
        "Interface endpoint that does not admit HTTPS from the instances that use it",
        "Interface endpoint '{0}' ({1}) cannot be reached on TCP 443 by '{2}', which uses it ({3}): {4}",
        "AWS services are called over HTTPS: the endpoint's security groups need an inbound rule for TCP 443 from the instances that call the service, such as [IngressFrom<AppGroup>(Tcp, 443)] (for the instances of stacks that import the endpoint, whose groups its stack cannot name, [Ingress(Tcp, 443, \"10.0.0.0/16\")] with a block that holds their subnets), and the instances' groups an outbound one. An endpoint without [Uses<Group>] is in the VPC's default security group, which admits only its own members.");

    public static readonly DiagnosticDescriptor SessionManagerCannotRegister = Create("TDSL244", References, DiagnosticSeverity.Error,
        "Session Manager instance that can never register",
        "Instance '{0}' uses Session Manager but can never register with Systems Manager: {1}, and VPC '{2}' {3}",
        "The SSM agent calls Systems Manager over HTTPS when the instance boots; until it gets through, the instance is not managed and 'aws ssm start-session' fails. Give its subnet a route to a NAT gateway (or an internet gateway with a public IP), or add [InterfaceEndpoint<Vpc>(EndpointServices.Ssm)], EndpointServices.SsmMessages and EndpointServices.Ec2Messages to its VPC, each with [EndpointSubnet], private DNS on and a security group that admits TCP 443 from the instance.");

    public static readonly DiagnosticDescriptor DuplicateEndpoint = Create("TDSL245", References, DiagnosticSeverity.Error,
        "Two endpoints for one service in one VPC",
        "Endpoint '{0}' serves {1} like '{2}' {3}",
        "AWS refuses a second gateway endpoint of one service in a route table (each adds a route to the same prefix list), and a second interface endpoint with private DNS for one service in a VPC (both would claim the service's DNS name). Join the route table to one endpoint, or keep one interface endpoint per service.");
    /// <summary>A diagnostic that needs every stack of the compilation, reported by a compilation-end action (on build and in full-solution analysis, not live).</summary>
    private static DiagnosticDescriptor CreateAtEnd(string id, string category, DiagnosticSeverity severity, string title, string message, string description) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, description: description,
            helpLinkUri: HelpBase + id.ToLowerInvariant(), WellKnownDiagnosticTags.CompilationEnd);

    private static DiagnosticDescriptor Create(string id, string category, DiagnosticSeverity severity, string title, string message, string description) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, description: description,
            helpLinkUri: HelpBase + id.ToLowerInvariant());
}

internal static class DiagnosticCatalog
{
    /// <summary>Every descriptor, in ID order.</summary>
    public static readonly ImmutableArray<DiagnosticDescriptor> All =
        typeof(DiagnosticDescriptors)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Select(f => f.GetValue(null))
            .OfType<DiagnosticDescriptor>()
            .OrderBy(d => d.Id, System.StringComparer.Ordinal)
            .ToImmutableArray();

    private static readonly System.Collections.Generic.Dictionary<string, DiagnosticDescriptor> ById =
        All.ToDictionary(d => d.Id, System.StringComparer.Ordinal);

    public static DiagnosticDescriptor Get(string id) => ById[id];

    /// <summary>
    /// The IDs the generator reports, on the declaration, instead of the analyzer: a stack or resource
    /// type the generator cannot extend. Without its generated interface every reference to the type
    /// fails to compile (CS0311), and a command-line build stops at such declaration errors before it
    /// runs analyzers, so only the generator's diagnostic can explain the compiler's.
    /// </summary>
    public static readonly ImmutableHashSet<string> ReportedByGenerator =
        ImmutableHashSet.Create(System.StringComparer.Ordinal, "TDSL001", "TDSL003", "TDSL004", "TDSL011", "TDSL012");

    public static bool IsError(string id) => ById.TryGetValue(id, out var d) && d.DefaultSeverity == DiagnosticSeverity.Error;
}
