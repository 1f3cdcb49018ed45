using TopologyDsl;
using static TopologyDsl.Protocol;

namespace TopologyDsl.Tests.Stacks;

/// <summary>
/// Root devices: an Ubuntu server, whose image boots from /dev/sda1 (RootDevice), with a larger root
/// volume, beside an Amazon Linux one that keeps the default (/dev/xvda).
/// </summary>
[Stack("root-devices", Description = "Instances of images with different root devices")]
public static partial class RootDevices
{
    [Parameter(Type = ParameterTypes.ImageIdFromSsm, Default = "/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id")]
    public partial record UbuntuAmi;

    [Parameter(Type = ParameterTypes.ImageIdFromSsm, Default = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64")]
    public partial record LinuxAmi;

    [Vpc("10.0.0.0/16", FlowLogs = true)] public partial record Net;
    [Subnet<Net>("10.0.1.0/24")] public partial record Private;

    [SecurityGroup<Net>("Servers: HTTPS out only"), Egress(Tcp, 443, "0.0.0.0/0", Description = "Packages")]
    public partial record Servers;

    [Instance<Private>(ImageId = nameof(UbuntuAmi), InstanceType = "t3.micro", RootDevice = "/dev/sda1", RootVolumeSize = 20), Uses<Servers>]
    public partial record Ubuntu;

    [Instance<Private>(ImageId = nameof(LinuxAmi), InstanceType = "t3.micro"), Uses<Servers>]
    public partial record Linux;
}
