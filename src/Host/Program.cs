using Liveness.Host;

await using var host = LivenessHost.Create(args);
await host.RunAsync();
