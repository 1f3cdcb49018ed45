using System.Collections.Generic;
using System.Linq;
using TopologyDsl.Generators.Diagnostics;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Validation;

/// <summary>
/// Resource signals: an instance that waits for one (<c>SignalTimeoutMinutes</c>) needs user data that
/// sends it, and user data that sends one needs an instance that waits for it.
/// </summary>
internal static class SignalRules
{
    public static void Check(StackIndex index, List<Finding> findings)
    {
        foreach (var instance in index.Stack.Resources.OfType<InstanceSpec>())
        {
            var script = string.IsNullOrEmpty(instance.UserData) ? null : index.ReadFile(instance.UserData!);
            // Any value but 0 asks for a signal; one out of range is TDSL008 besides.
            var waits = instance.SignalTimeoutMinutes != 0;
            var timeout = Invariant.Format(instance.SignalTimeoutMinutes);
            if (waits && string.IsNullOrEmpty(instance.UserData))
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.SignalWithoutUserData.Id, instance.Path.Child("signalTimeoutMinutes"), instance.Name, timeout));
            }
            else if (waits && script is not null && !Signals(script))
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.SignalNeverSent.Id, instance.Path.Child("signalTimeoutMinutes"), instance.Name, timeout, instance.UserData!));
            }
            else if (!waits && script is not null && Signals(script))
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.SignalNotAwaited.Id, instance.Path.Child("userData"), instance.Name, instance.UserData!));
            }
        }
    }

    /// <summary>
    /// Whether a line of the script, other than a comment, runs <c>cfn-signal</c> or the AWS CLI's
    /// <c>cloudformation signal-resource</c>. A missing file is TDSL202's business, not this rule's.
    /// </summary>
    public static bool Signals(string script)
    {
        foreach (var raw in script.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("#", System.StringComparison.Ordinal))
            {
                continue;
            }

            if (line.Contains("cfn-signal") || line.Contains("signal-resource"))
            {
                return true;
            }
        }

        return false;
    }
}
