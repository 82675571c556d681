using Liveness.Bench;

return args.FirstOrDefault() switch
{
    "load" => (await LoadCommand.RunAsync(new BenchArguments(args[1..]), Console.Out)).Errors == 0 ? 0 : 1,
    "decode" => DecodeCommand.Run(new BenchArguments(args[1..]), Console.Out),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage:
          liveness-bench load --url URL --video FILE [--concurrency N] [--requests N | --duration SECONDS]
                              [--warmup N] [--server-pid PID] [--floor-video FILE] [--json FILE]
          liveness-bench decode --video FILE [--repeat N]
        Clips: bench/make-clips.sh. Full procedure: docs/benchmarks.md.
        """);
    return 2;
}
