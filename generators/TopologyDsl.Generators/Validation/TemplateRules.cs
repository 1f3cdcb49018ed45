using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using TopologyDsl.Generators.Diagnostics;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Validation;

/// <summary>
/// What CloudFormation and the services check on the template as a whole: values against their
/// properties' constraints, parameters, descriptions, outputs, user data and their dependencies.
/// </summary>
internal static class TemplateRules
{
    // CloudFormation User Guide, "Template anatomy": Description (template) and Outputs Description are
    // 0 to 1,024 bytes; "Parameters": a parameter's Description is up to 4,000 characters.
    public const int MaxDescriptionBytes = 1024;
    public const int MaxParameterDescriptionCharacters = 4000;

    // Amazon EC2 User Guide, "Run commands when you launch an EC2 instance with user data input":
    // user data is limited to 16 KB in raw form, before it is Base64-encoded.
    public const int MaxUserDataBytes = 16384;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void Check(StackIndex index, List<Finding> findings)
    {
        var stack = index.Stack;
        CheckDescriptions(stack, findings);
        if (!stack.Resources.Any(r => r is not ParameterSpec))
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.StackWithoutResources.Id, ModelPath.Stack.Child("name"), stack.StackName));
        }

        foreach (var resource in stack.Resources)
        {
            switch (resource)
            {
                case SecurityGroupSpec group:
                    CheckGroupValues(group, findings);
                    break;
                case SecretSpec { Description: { } description } secret:
                    Constrain(SchemaConstraints.SecretDescription, description, "Description", secret.Name, secret.Path.Child("description"), findings);
                    break;
                case ParameterSpec parameter:
                    CheckDefault(parameter, findings);
                    break;
            }
        }

        CheckParameterUse(index, findings);
        CheckOutputs(index, findings);
        CheckUserData(index, findings);
    }

    /// <summary>Adds TDSL320 when <paramref name="value"/> breaks the constraint.</summary>
    public static void Constrain(PropertyConstraint constraint, string value, string what, string owner, ModelPath path, List<Finding> findings)
    {
        if (constraint.Violation(value) is { } violation)
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.ValueRejectedByAws.Id, path, what, owner, Shorten(value), constraint.Describe, violation));
        }
    }

    private static void CheckGroupValues(SecurityGroupSpec group, List<Finding> findings)
    {
        Constrain(SchemaConstraints.SecurityGroupDescription, group.Description, "Description", group.Name, group.Path.Child("description"), findings);
        foreach (var (rules, segment) in new[] { (group.Ingress, "ingress"), (group.Egress, "egress") })
        {
            for (var i = 0; i < rules.Count; i++)
            {
                if (rules[i].Description is { } description)
                {
                    Constrain(SchemaConstraints.RuleDescription, description, "Description of a rule", group.Name, group.Path.Item(segment, i).Child("description"), findings);
                }
            }
        }
    }

    private static void CheckDescriptions(StackSpec stack, List<Finding> findings)
    {
        if (stack.Description is { } description && Utf8.GetByteCount(description) > MaxDescriptionBytes)
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.DescriptionTooLong.Id, ModelPath.Stack.Child("description"),
                "stack '" + stack.StackName + "'", Bytes(description), "1,024 bytes"));
        }

        for (var i = 0; i < stack.Outputs.Count; i++)
        {
            if (stack.Outputs[i].Description is { } text && Utf8.GetByteCount(text) > MaxDescriptionBytes)
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.DescriptionTooLong.Id, ModelPath.Stack.Item("output", i).Child("description"),
                    "output '" + stack.Outputs[i].Name + "'", Bytes(text), "1,024 bytes"));
            }
        }

        foreach (var parameter in stack.Resources.OfType<ParameterSpec>())
        {
            if (parameter.Description is { Length: > MaxParameterDescriptionCharacters } text)
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.DescriptionTooLong.Id, parameter.Path.Child("description"),
                    "parameter '" + parameter.Name + "'", Invariant.Format(text.Length) + " characters", "4,000 characters"));
            }
        }
    }

    private static string Bytes(string text) => Invariant.Format(Utf8.GetByteCount(text)) + " bytes in UTF-8";

    /// <summary>The default against the parameter's own constraints, as CloudFormation checks the value it deploys with.</summary>
    private static void CheckDefault(ParameterSpec parameter, List<Finding> findings)
    {
        if (parameter.Default is not { } value)
        {
            return;
        }

        var path = parameter.Path.Child("default");
        void Report(string problem) => findings.Add(Finding.Create(DiagnosticDescriptors.ParameterDefaultInvalid.Id, path, Shorten(value), parameter.Name, problem));

        // Lists are checked item by item ("Parameters": AllowedPattern applies to each value of a CommaDelimitedList).
        var isList = parameter.Type is "CommaDelimitedList" || parameter.Type.StartsWith("List<", System.StringComparison.Ordinal);
        var items = isList ? value.Split(',').Select(v => v.Trim()).ToArray() : [value];
        if (parameter.Type is "Number" or "List<Number>")
        {
            var notNumber = items.FirstOrDefault(v => !IsNumber(v));
            if (notNumber is not null)
            {
                Report((isList ? "holds '" + Shorten(notNumber) + "', which is" : "is") + " not a number, as type " + parameter.Type + " requires");
                return;
            }
        }

        if (parameter.AllowedValues.Count > 0 && !isList && !parameter.AllowedValues.Contains(value))
        {
            Report("is not one of its AllowedValues (" + string.Join(", ", parameter.AllowedValues) + ")");
            return;
        }

        if (parameter.AllowedPattern is { Length: > 0 } pattern && AnchoredPattern(pattern) is { } regex)
        {
            var miss = items.FirstOrDefault(v => !SafeMatch(regex, v));
            if (miss is not null)
            {
                Report((isList ? "holds '" + Shorten(miss) + "', which does" : "does") + " not match its AllowedPattern " + pattern);
                return;
            }
        }

        if (parameter.MaxLength > 0 && value.Length > parameter.MaxLength)
        {
            Report("is longer than its MaxLength " + Invariant.Format(parameter.MaxLength));
        }
        else if (parameter.MinLength > 0 && value.Length < parameter.MinLength)
        {
            Report("is shorter than its MinLength " + Invariant.Format(parameter.MinLength));
        }
    }

    // CloudFormation matches AllowedPattern against the whole value (Java regular expressions; the
    // common subset reads the same in .NET). A pattern .NET cannot read is left to CloudFormation.
    private static Regex? AnchoredPattern(string pattern)
    {
        try
        {
            return new Regex("\\A(?:" + pattern + ")\\z", RegexOptions.CultureInvariant, System.TimeSpan.FromSeconds(1));
        }
        catch (System.ArgumentException)
        {
            return null;
        }
    }

    private static bool SafeMatch(Regex regex, string value)
    {
        try
        {
            return regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }

    private static bool IsNumber(string text) =>
        double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number)
        && !double.IsInfinity(number) && !double.IsNaN(number);

    /// <summary>Every parameter the template uses: instance settings, rule peers, a remote peering's settings, and ${...} in user data and outputs.</summary>
    public static HashSet<string> UsedParameters(StackIndex index)
    {
        var used = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var resource in index.Stack.Resources)
        {
            switch (resource)
            {
                case InstanceSpec instance:
                    used.UnionWith(new[] { instance.ImageId, instance.InstanceType, instance.KeyName }.OfType<string>());
                    if (instance.UserData is { Length: > 0 } file && index.ReadFile(file) is { } text)
                    {
                        used.UnionWith(SubstitutionRules.References(text));
                    }

                    break;
                case SecurityGroupSpec group:
                    used.UnionWith(group.Ingress.Concat(group.Egress).Select(r => r.Peer).OfType<string>());
                    break;
                case VpcPeeringSpec peering:
                    used.UnionWith(new[] { peering.PeerVpcId, peering.PeerOwnerId, peering.PeerRegion, peering.PeerRoleArn }.OfType<string>());
                    break;
            }
        }

        foreach (var output in index.Stack.Outputs)
        {
            used.UnionWith(SubstitutionRules.References(output.Value));
        }

        return used;
    }

    private static void CheckParameterUse(StackIndex index, List<Finding> findings)
    {
        var parameters = index.Stack.Resources.OfType<ParameterSpec>().ToList();
        if (parameters.Count == 0)
        {
            return;
        }

        var used = UsedParameters(index);
        foreach (var parameter in parameters)
        {
            if (!used.Contains(parameter.Name))
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.UnusedParameter.Id, parameter.Path, parameter.Name, index.Stack.StackName));
            }
        }
    }

    private static void CheckOutputs(StackIndex index, List<Finding> findings)
    {
        for (var i = 0; i < index.Stack.Outputs.Count; i++)
        {
            var output = index.Stack.Outputs[i];
            var path = ModelPath.Stack.Item("output", i).Child("value");
            foreach (var name in SubstitutionRules.References(output.Value).Distinct())
            {
                if (index.Parameter(name) is { NoEcho: true } parameter)
                {
                    findings.Add(Finding.Create(DiagnosticDescriptors.NoEchoParameterInOutput.Id, path, output.Name, parameter.Name));
                }
            }

            CheckAttributes(index, output.Value, "Output '" + output.Name + "'", path, findings);
            CheckListSubstitutions(index, output.Value, "Output '" + output.Name + "'", path, findings);
        }
    }

    /// <summary>Public attributes read from an instance without a public IP.</summary>
    private static void CheckAttributes(StackIndex index, string text, string where, ModelPath path, List<Finding> findings)
    {
        foreach (var name in SubstitutionRules.References(text).Distinct())
        {
            var dot = name.IndexOf('.');
            if (dot > 0 && index.Find(name.Substring(0, dot)) is InstanceSpec { PublicIp: false } instance
                && name.Substring(dot + 1) is "PublicIp" or "PublicDnsName")
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.AttributeNotAvailable.Id, path, where, instance.Name, name.Substring(dot + 1)));
            }
        }
    }

    /// <summary>Parameters whose value is a list: Fn::Sub cannot write them.</summary>
    private static void CheckListSubstitutions(StackIndex index, string text, string where, ModelPath path, List<Finding> findings)
    {
        foreach (var name in SubstitutionRules.References(text).Distinct())
        {
            if (index.Parameter(name) is { } parameter && IsList(parameter.Type))
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.ListParameterSubstituted.Id, path, where, parameter.Name, parameter.Type));
            }
        }
    }

    private static bool IsList(string type) =>
        type is "CommaDelimitedList" || type.StartsWith("List<", System.StringComparison.Ordinal)
        || type is "AWS::SSM::Parameter::Value<CommaDelimitedList>"
        || type.StartsWith("AWS::SSM::Parameter::Value<List<", System.StringComparison.Ordinal);

    private static void CheckUserData(StackIndex index, List<Finding> findings)
    {
        // Instance → the instances its user data reads (a Ref or GetAtt makes CloudFormation create them first).
        var reads = new Dictionary<string, List<(string Target, string Reference)>>(System.StringComparer.Ordinal);
        foreach (var instance in index.Stack.Resources.OfType<InstanceSpec>())
        {
            if (instance.UserData is not { Length: > 0 } file || index.ReadFile(file) is not { } text)
            {
                continue;
            }

            var path = instance.Path.Child("userData");
            // Counted as EC2 receives the literal text: Fn::Sub turns each ${!X} into ${X}. A ${Name} counts
            // as written, since its value is known only when the stack deploys.
            var size = Utf8.GetByteCount(Substitution.Unescape(text));
            if (size > MaxUserDataBytes)
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.UserDataTooLarge.Id, path, instance.Name, Invariant.Format(size)));
            }

            CheckAttributes(index, text, "The user data of instance '" + instance.Name + "'", path, findings);
            CheckListSubstitutions(index, text, "The user data of instance '" + instance.Name + "'", path, findings);
            var targets = new List<(string, string)>();
            foreach (var name in SubstitutionRules.References(text).Distinct())
            {
                var dot = name.IndexOf('.');
                // An instance's PublicIp with an Elastic IP is the Elastic IP, which exists before the instance.
                if (index.Find(dot < 0 ? name : name.Substring(0, dot)) is InstanceSpec target
                    && !(target.ElasticIp && name.Substring(dot + 1) == "PublicIp"))
                {
                    targets.Add((target.Name, "${" + name + "}"));
                }
            }

            // Two instances of one name (duplicate declarations the compiler reads as two types; the random topologies of
            // RobustnessTests found one, CsCheck_Seed=chBb4VnDhJW1) are one logical ID: the first counts.
            if (!reads.ContainsKey(instance.Name))
            {
                reads.Add(instance.Name, targets);
            }
        }

        foreach (var instance in reads.Keys.OrderBy(k => k, System.StringComparer.Ordinal))
        {
            foreach (var (target, reference) in reads[instance])
            {
                if (target == instance)
                {
                    findings.Add(Finding.Create(DiagnosticDescriptors.UserDataDependencyCycle.Id, index.Find(instance)!.Path.Child("userData"),
                        instance, reference, "its own attribute"));
                }
                else if (PathBack(reads, target, instance) is { } through)
                {
                    findings.Add(Finding.Create(DiagnosticDescriptors.UserDataDependencyCycle.Id, index.Find(instance)!.Path.Child("userData"),
                        instance, reference, "the user data of " + string.Join(", then of ", through.Select(t => "'" + t + "'")) + " reads it back"));
                }
            }
        }
    }

    /// <summary>The instances from <paramref name="from"/> whose user data leads back to <paramref name="to"/>, or null (breadth first: the shortest).</summary>
    private static List<string>? PathBack(Dictionary<string, List<(string Target, string Reference)>> reads, string from, string to)
    {
        var previous = new Dictionary<string, string?>(System.StringComparer.Ordinal) { [from] = null };
        var queue = new Queue<string>();
        queue.Enqueue(from);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            if (!reads.TryGetValue(current, out var next))
            {
                continue;
            }

            foreach (var (target, _) in next)
            {
                if (target == to)
                {
                    var chain = new List<string>();
                    for (string? at = current; at is not null; at = previous[at])
                    {
                        chain.Insert(0, at);
                    }

                    return chain;
                }

                if (!previous.ContainsKey(target))
                {
                    previous.Add(target, current);
                    queue.Enqueue(target);
                }
            }
        }

        return null;
    }

    /// <summary>A value as messages quote it: at most 60 characters, line breaks shown as \n.</summary>
    public static string Shorten(string value)
    {
        var text = value.Replace("\r", "\\r").Replace("\n", "\\n");
        return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }
}
