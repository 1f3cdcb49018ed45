using System.Collections.Generic;
using System.Linq;
using TopologyDsl.CloudFormation;

namespace TopologyDsl.Resources;

/// <summary>AWS::SecretsManager::Secret holding a password that Secrets Manager generates.</summary>
public sealed class Secret(string logicalId) : TaggedResource(logicalId)
{
    /// <inheritdoc />
    public override string Type => CfnTypes.Secret;

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

/// <summary>AWS::IAM::Role that EC2 instances assume, allowed to read the listed secrets and nothing else.</summary>
public sealed class InstanceRole(string logicalId) : TaggedResource(logicalId)
{
    /// <inheritdoc />
    public override string Type => CfnTypes.IamRole;

    /// <summary>Logical IDs of the secrets the role may read.</summary>
    public List<string> Secrets { get; } = [];

    /// <inheritdoc />
    protected override void WriteProperties(MapValue p)
    {
        var trust = new MapValue()
            .Add("Version", "2012-10-17")
            .Add("Statement", new ListValue(new MapValue()
                .Add("Effect", "Allow")
                .Add("Principal", new MapValue().Add("Service", "ec2.amazonaws.com"))
                .Add("Action", "sts:AssumeRole")));
        var read = new MapValue()
            .Add("Version", "2012-10-17")
            .Add("Statement", new ListValue(new MapValue()
                .Add("Effect", "Allow")
                .Add("Action", "secretsmanager:GetSecretValue")
                .Add("Resource", new ListValue(Secrets.Select(s => (Value)Fn.Ref(s))))));
        p.Add("AssumeRolePolicyDocument", trust)
         .Add("Policies", new ListValue(new MapValue().Add("PolicyName", "read-secrets").Add("PolicyDocument", read)));
        WriteTags(p);
    }
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
