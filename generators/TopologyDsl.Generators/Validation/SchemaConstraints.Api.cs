namespace TopologyDsl.Generators.Validation;

// Constraints that the resource schemas do not carry but the service's API enforces at deploy time.
// Each names its source; the generated half of this class (SchemaConstraints.cs) holds the schemas' own.
internal static partial class SchemaConstraints
{
    /// <summary>
    /// The description of a security group rule. Amazon EC2 API Reference, data types IpRange,
    /// Ipv6Range and UserIdGroupPair, "Description": up to 255 characters; a-z, A-Z, 0-9, spaces and
    /// ._-:/()#,@[]+=&amp;;{}!$* (the same set the schema gives GroupDescription).
    /// </summary>
    public static readonly PropertyConstraint RuleDescription = new("AWS::EC2::SecurityGroupIngress", "Description",
        pattern: "^[a-zA-Z0-9. _\\-:/()#,@\\[\\]+=&;{}!$*]*$", maxLength: 255,
        source: "Amazon EC2 API Reference, IpRange.Description");
}
