using System.Collections.Generic;
using TopologyDsl.CloudFormation;

namespace TopologyDsl.Resources;

/// <summary>
/// AWS::IAM::Role that one AWS service assumes, with one inline policy: the shape every role this
/// library writes has. Subclasses name the service and the statement of permissions.
/// </summary>
public abstract class ServiceRole(string logicalId) : TaggedResource(logicalId)
{
    /// <inheritdoc />
    public sealed override string Type => CfnTypes.IamRole;

    /// <summary>The service principal, such as <c>ec2.amazonaws.com</c>.</summary>
    protected abstract string Service { get; }

    /// <summary>Conditions on the trust statement, if any.</summary>
    protected virtual MapValue? TrustCondition => null;

    /// <summary>The inline policy's name.</summary>
    protected abstract string PolicyName { get; }

    /// <summary>The one statement of the inline policy, or null for a role without one.</summary>
    protected abstract MapValue? Permissions();

    /// <summary>The ARNs of the AWS managed policies the role also has.</summary>
    protected virtual IReadOnlyList<Value> ManagedPolicyArns => [];

    /// <inheritdoc />
    protected sealed override void WriteProperties(MapValue p)
    {
        var trust = Document(new MapValue()
            .Add("Effect", "Allow")
            .Add("Principal", new MapValue().Add("Service", Service))
            .Add("Action", "sts:AssumeRole")
            .Add("Condition", TrustCondition));
        p.Add("AssumeRolePolicyDocument", trust);
        if (ManagedPolicyArns.Count > 0)
        {
            p.Add("ManagedPolicyArns", new ListValue(ManagedPolicyArns));
        }

        if (Permissions() is { } permissions)
        {
            p.Add("Policies", new ListValue(new MapValue().Add("PolicyName", PolicyName).Add("PolicyDocument", Document(permissions))));
        }

        WriteTags(p);
    }

    private static MapValue Document(MapValue statement) =>
        new MapValue().Add("Version", "2012-10-17").Add("Statement", new ListValue(statement));
}
