using Examples.ThreeTier;
using TopologyDsl.Cli;

// dotnet run --project examples/ThreeTier -- synth          writes templates/three-tier.yaml
// dotnet run --project examples/ThreeTier -- synth --check  fails if the committed template is stale
return SynthCommand.Run(args, ThreeTierStack.BuildTemplate());
