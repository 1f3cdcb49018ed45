using TopologyDsl;
using static TopologyDsl.Protocol;

namespace TopologyDsl.Tests.Stacks;

/// <summary>
/// Boot signals and the forms of user data: a script without substitutions (plain Fn::Base64), one
/// that signals with its own logical ID (Fn::Sub with a variable map) and waits 90 minutes, and an
/// instance without user data.
/// </summary>
[Stack("signals", Description = "Instances that signal CloudFormation when their boot script ends")]
public static partial class Signals
{
    [Parameter(Type = ParameterTypes.ImageIdFromSsm, Default = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64")]
    public partial record Ami;

    [Vpc("10.0.0.0/16", FlowLogs = true)] public partial record Net;
    [Subnet<Net>("10.0.1.0/24")] public partial record Private;

    [SecurityGroup<Net>("Signalling servers: HTTPS out only"), Egress(Tcp, 443, "0.0.0.0/0", Description = "CloudFormation and packages")]
    public partial record Servers;

    [Instance<Private>("10.0.1.10", ImageId = nameof(Ami), InstanceType = "t3.micro", UserData = "Stacks/signal.sh", SignalTimeoutMinutes = 90), Uses<Servers>]
    public partial record Waiting;

    [Instance<Private>("10.0.1.11", ImageId = nameof(Ami), InstanceType = "t3.micro", UserData = "Stacks/plain.sh"), Uses<Servers>]
    public partial record Plain;

    [Instance<Private>("10.0.1.12", ImageId = nameof(Ami), InstanceType = "t3.micro"), Uses<Servers>]
    public partial record Bare;
}
