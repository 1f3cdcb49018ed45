using Examples.SharedNetwork;
using TopologyDsl.Cli;

// dotnet run --project examples/SharedNetwork -- synth          writes templates/shared-network.yaml, shared-app.yaml and shared-reporting.yaml
// dotnet run --project examples/SharedNetwork -- synth --check  fails if a committed template is stale
return SynthCommand.Run(args, NetworkStack.BuildTemplate(), AppStack.BuildTemplate(), ReportingStack.BuildTemplate());
