using Examples.WordPress;
using TopologyDsl.Cli;

// dotnet run --project examples/WordPress -- synth          writes templates/wordpress.yaml
// dotnet run --project examples/WordPress -- synth --check  fails if the committed template is stale
return SynthCommand.Run(args, WordPressStack.BuildTemplate());
