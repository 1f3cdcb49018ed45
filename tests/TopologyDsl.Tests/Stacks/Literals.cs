using TopologyDsl;
using static TopologyDsl.Protocol;

namespace TopologyDsl.Tests.Stacks;

// This stack tests how text reaches the template, deployed once; the image trap of later updates
// (fixed addresses with an SSM image parameter) is accepted here.
#pragma warning disable TDSL334
// The tag below holds the literal text ${Escaped} on purpose (to test the Fn::Join that keeps cfn-lint's
// E1029 quiet), which TDSL426 otherwise reports as a forgotten substitution.
#pragma warning disable TDSL426

/// <summary>
/// Text in Fn::Sub's syntax, written with Fn::Sub only where CloudFormation needs it: a boot script
/// whose only <c>${</c> are <c>${!X}</c> escapes (plain Fn::Base64 of the text Fn::Sub would produce),
/// one that mixes escapes with a variable (Fn::Sub, escapes kept), one whose escapes name resources of
/// the stack (Fn::Join cut between dollar and brace: cfn-lint's E1029), and outputs of each kind.
/// </summary>
[Stack("literals", Description = "Boot scripts and outputs with and without substitutions")]
[Output("Plain", "ssh ec2-user@10.0.1.10", Description = "No substitution")]
[Output("Escaped", "echo ${!HOME} ${!PATH}", Description = "Only escapes")]
[Output("Mixed", "${!USER}@${Escaped.PrivateIp}", Description = "An escape and a variable")]
[Output("Named", "${!Escaped} in ${!AWS::Region}", Description = "Escapes naming a resource and a pseudo parameter")]
public static partial class Literals
{
    [Parameter(Type = ParameterTypes.ImageIdFromSsm, Default = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64")]
    public partial record Ami;

    [Vpc("10.0.0.0/16", FlowLogs = true)] public partial record Net;
    [Subnet<Net>("10.0.1.0/24"), Tag("Note", "reached from ${Escaped}")] public partial record Private;

    [SecurityGroup<Net>("Servers: HTTPS out only"), Egress(Tcp, 443, "0.0.0.0/0", Description = "packages")]
    public partial record Servers;

    [Instance<Private>("10.0.1.10", ImageId = nameof(Ami), InstanceType = "t3.micro", UserData = "Stacks/escaped.sh"), Uses<Servers>]
    public partial record Escaped;

    [Instance<Private>("10.0.1.11", ImageId = nameof(Ami), InstanceType = "t3.micro", UserData = "Stacks/mixed.sh"), Uses<Servers>]
    public partial record Mixed;

    [Instance<Private>("10.0.1.12", ImageId = nameof(Ami), InstanceType = "t3.micro", UserData = "Stacks/named.sh"), Uses<Servers>]
    public partial record Named;
}
