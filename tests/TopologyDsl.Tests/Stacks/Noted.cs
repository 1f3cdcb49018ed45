using TopologyDsl;

namespace TopologyDsl.Tests.Stacks;

/// <summary>A stack whose only findings are infos: its VPC overlaps Docker's bridge (TDSL112) and records no flow logs (TDSL409).</summary>
[Stack("noted")]
public static partial class Noted
{
    [Vpc("172.17.0.0/16")] public partial record Net;
}
