using Liveness.Host;

await LivenessApp.Build(args).RunAsync();
