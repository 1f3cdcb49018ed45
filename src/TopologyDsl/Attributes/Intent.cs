using System;

namespace TopologyDsl;

// Intent: what the network must allow and must never allow, written beside it. The analyzer checks
// each assertion against the reachability model (security groups, routes, gateways, public IPs) and
// reports a broken one at the assertion, naming the first link that is missing. Put them on the
// [Stack] class or on any record of the stack; they add nothing to the template.

/// <summary>
/// Asserts that instance <typeparamref name="TFrom"/> can open a connection to instance
/// <typeparamref name="TTo"/> on <see cref="Protocol"/> and every port from <see cref="Port"/> to
/// <see cref="ToPort"/>: egress of the source's groups, a route, ingress of the target's groups (TDSL230).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class ReachesAttribute<TFrom, TTo>(Protocol protocol, int port) : Attribute
    where TFrom : IInstance
    where TTo : IInstance
{
    /// <summary>The protocol.</summary>
    public Protocol Protocol { get; } = protocol;

    /// <summary>The port, or the first port of a range ending at <see cref="ToPort"/>.</summary>
    public int Port { get; } = port;

    /// <summary>The last port of a range; 0 means the range is the one <see cref="Port"/>.</summary>
    public int ToPort { get; set; }
}

/// <summary>
/// Asserts that anyone on the IPv4 internet can open a connection to instance
/// <typeparamref name="TInstance"/> on <see cref="Protocol"/> and every port from <see cref="Port"/>
/// to <see cref="ToPort"/>: a public IP, a route to an internet gateway, ingress from 0.0.0.0/0 (TDSL230).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class ReachableFromInternetAttribute<TInstance>(Protocol protocol, int port) : Attribute
    where TInstance : IInstance
{
    /// <summary>The protocol.</summary>
    public Protocol Protocol { get; } = protocol;

    /// <summary>The port, or the first port of a range ending at <see cref="ToPort"/>.</summary>
    public int Port { get; } = port;

    /// <summary>The last port of a range; 0 means the range is the one <see cref="Port"/>.</summary>
    public int ToPort { get; set; }
}

/// <summary>
/// Asserts that nothing outside the stack's VPCs (the internet, or a block or parameter named in a
/// rule) can open a connection to instance <typeparamref name="TInstance"/> on any port (TDSL231).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class NeverReachableFromInternetAttribute<TInstance> : Attribute
    where TInstance : IInstance
{
}
