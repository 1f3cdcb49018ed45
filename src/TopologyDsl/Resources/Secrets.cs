using System.Collections.Generic;
using System.Linq;
using TopologyDsl.CloudFormation;

namespace TopologyDsl.Resources;

/// <summary>AWS::SecretsManager::Secret holding a password that Secrets Manager generates.</summary>
public sealed class Secret(string logicalId) : TaggedResource(logicalId)
{
    /// <inheritdoc />
    public override string Type => CfnTypes.Secret;

    /// <summary>Retain: a secret deleted with its stack or replaced takes its value with it, and whatever it unlocks is locked out.</summary>
    protected override string? DefaultPolicy => "Retain";

    /// <summary>What the secret is for.</summary>
    public string? Description { get; init; }

    /// <summary>The generated password's length.</summary>
    public int Length { get; init; } = 32;

    /// <inheritdoc />
    protected override void WriteProperties(MapValue p)
    {
        p.Add("Description", Description)
         .Add("GenerateSecretString", new MapValue().Add("PasswordLength", Length).Add("ExcludePunctuation", true).Add("IncludeSpace", false));
        WriteTags(p);
    }
}

/// <summary>
/// AWS::IAM::Role that EC2 instances assume, allowed to read the listed secrets and nothing else, and,
/// with <see cref="SessionManager"/>, to be managed by AWS Systems Manager.
/// </summary>
public sealed class InstanceRole(string logicalId) : ServiceRole(logicalId)
{
    /// <summary>Logical IDs of the secrets the role may read.</summary>
    public List<string> Secrets { get; } = [];

    /// <inheritdoc />
    protected override string Service => "ec2.amazonaws.com";

    /// <inheritdoc />
    protected override string PolicyName => "read-secrets";

    /// <summary>Whether the role has the managed policy AmazonSSMManagedInstanceCore (Session Manager).</summary>
    public bool SessionManager { get; init; }

    /// <summary>The AWS managed policy an instance needs for Systems Manager, in the stack's partition.</summary>
    public static readonly IntrinsicValue SessionManagerPolicy = Fn.Sub("arn:${AWS::Partition}:iam::aws:policy/AmazonSSMManagedInstanceCore");

    /// <inheritdoc />
    protected override IReadOnlyList<Value> ManagedPolicyArns => SessionManager ? [SessionManagerPolicy] : [];

    /// <inheritdoc />
    protected override MapValue? Permissions() => Secrets.Count == 0 ? null : new MapValue()
        .Add("Effect", "Allow")
        .Add("Action", "secretsmanager:GetSecretValue")
        .Add("Resource", new ListValue(Secrets.Select(s => (Value)Fn.Ref(s))));
}

/// <summary>AWS::IAM::InstanceProfile carrying one role to an instance.</summary>
public sealed class InstanceProfile(string logicalId) : Resource(logicalId)
{
    /// <inheritdoc />
    public override string Type => CfnTypes.InstanceProfile;

    /// <summary>The role.</summary>
    public required Value Role { get; init; }

    /// <inheritdoc />
    protected override void WriteProperties(MapValue p) => p.Add("Roles", new ListValue(Role));
}
