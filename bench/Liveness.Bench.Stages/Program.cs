using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Liveness.Bench.Stages;

// In process: BenchmarkDotNet's default generates and builds a project per benchmark, under this repository's build rules.
var config = DefaultConfig.Instance
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
    .WithArtifactsPath(Folders.Artifacts);
BenchmarkSwitcher.FromAssembly(typeof(RequestStages).Assembly).Run(args, config);
