using System.Collections.Generic;
using System.Linq;
using TopologyDsl.Generators.Diagnostics;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Validation;

/// <summary>
/// <c>${X}</c> in text that reaches the template as a plain string, where CloudFormation substitutes
/// nothing: tags, descriptions, a parameter's default and allowed values, an output's export name, a key pair's name.
/// </summary>
/// <remarks>
/// CloudFormation substitutes only inside <c>Fn::Sub</c> (Template Reference, "Fn::Sub"), and the
/// emitter writes <c>Fn::Sub</c> only for boot scripts and outputs' values (<see cref="Substitution.Sub"/>);
/// every other text is written as given (<see cref="Substitution.Literal"/> for tag values,
/// <see cref="PlannedValue.TextOrNull"/> for the rest), <c>${!X}</c> included. The <c>${...}</c> are
/// read with <see cref="SubstitutionRules.References"/>, the scanner TDSL203 uses for Fn::Sub text, so
/// what this rule reports is exactly what Fn::Sub would have substituted. Not checked: a parameter's
/// AllowedPattern (a regular expression, where <c>$</c> and braces have their own meaning); names,
/// addresses and IDs, whose formats other rules check; the ssh user of [SshVia], which goes into an
/// output's Fn::Sub text.
/// </remarks>
internal static class LiteralTextRules
{
    public static void Check(StackIndex index, List<Finding> findings)
    {
        var stack = index.Stack;
        var stackName = "stack '" + stack.StackName + "'";
        Text(stack.Description, "The Description", stackName, ModelPath.Stack.Child("description"), findings);
        Tags(stack.Tags, stackName, ModelPath.Stack, findings);

        for (var i = 0; i < stack.Outputs.Count; i++)
        {
            var output = stack.Outputs[i];
            var path = ModelPath.Stack.Item("output", i);
            var owner = "output '" + output.Name + "'";
            Text(output.Description, "The Description", owner, path.Child("description"), findings);
            Text(output.Export, "The Export name", owner, path.Child("export"), findings);
        }

        foreach (var resource in stack.Resources)
        {
            var owner = "'" + resource.Name + "'";
            Tags(resource.Tags, owner, resource.Path, findings);
            switch (resource)
            {
                case SecurityGroupSpec group:
                    owner = "security group '" + group.Name + "'";
                    Text(group.Description, "The Description", owner, group.Path.Child("description"), findings);
                    foreach (var (rules, segment, kind) in new[] { (group.Ingress, "ingress", "an inbound rule"), (group.Egress, "egress", "an outbound rule") })
                    {
                        for (var i = 0; i < rules.Count; i++)
                        {
                            Text(rules[i].Description, "The Description of " + kind, owner, group.Path.Item(segment, i).Child("description"), findings);
                        }
                    }

                    break;
                case SecretSpec secret:
                    Text(secret.Description, "The Description", "secret '" + secret.Name + "'", secret.Path.Child("description"), findings);
                    break;
                case TransitGatewaySpec gateway:
                    Text(gateway.Description, "The Description", "transit gateway '" + gateway.Name + "'", gateway.Path.Child("description"), findings);
                    break;
                case ParameterSpec parameter:
                    owner = "parameter '" + parameter.Name + "'";
                    Text(parameter.Description, "The Description", owner, parameter.Path.Child("description"), findings);
                    Text(parameter.ConstraintDescription, "The ConstraintDescription", owner, parameter.Path.Child("constraintDescription"), findings);
                    Text(parameter.Default, "The Default", owner, parameter.Path.Child("default"), findings);
                    for (var i = 0; i < parameter.AllowedValues.Count; i++)
                    {
                        Text(parameter.AllowedValues[i], "An allowed value", owner, parameter.Path.Item("allowedValues", i), findings);
                    }

                    break;
                case InstanceSpec instance:
                    Text(instance.KeyName, "The KeyName", "instance '" + instance.Name + "'", instance.Path.Child("keyName"), findings);
                    break;
            }
        }
    }

    private static void Tags(EquatableArray<TagSpec> tags, string owner, ModelPath path, List<Finding> findings)
    {
        for (var i = 0; i < tags.Count; i++)
        {
            var tag = path.Item("tag", i);
            Text(tags[i].Key, "The key of a tag", owner, tag.Child("key"), findings);
            Text(tags[i].Value, "The value of tag '" + tags[i].Key + "'", owner, tag.Child("value"), findings);
        }
    }

    /// <summary>Adds TDSL426 for the first <c>${X}</c> of <paramref name="text"/>, if any.</summary>
    private static void Text(string? text, string field, string owner, ModelPath path, List<Finding> findings)
    {
        if (text is null || text.IndexOf("${", System.StringComparison.Ordinal) < 0)
        {
            return;
        }

        if (SubstitutionRules.References(text).Any())
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.SubstitutionInLiteralText.Id, path, field, owner, FirstReference(text)));
        }
    }

    /// <summary>The first <c>${...}</c> that <see cref="SubstitutionRules.References"/> reads, as written.</summary>
    private static string FirstReference(string text)
    {
        var at = 0;
        while ((at = text.IndexOf("${", at, System.StringComparison.Ordinal)) >= 0)
        {
            var end = text.IndexOf('}', at + 2);
            if (text[at + 2] != '!')
            {
                return text.Substring(at, end + 1 - at);
            }

            at = end + 1;
        }

        return "";
    }
}
