using Liveness.Bench;

try
{
    return args.FirstOrDefault() switch
    {
        "load" => (await LoadCommand.RunAsync(new BenchArguments(args[1..]), Console.Out)).Errors == 0 ? 0 : 1,
        "decode" => DecodeCommand.Run(new BenchArguments(args[1..]), Console.Out),
        _ => Usage(),
    };
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return Usage();
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage:
          liveness-bench load --url URL --video FILE [--concurrency N] [--requests N | --duration SECONDS]
                              [--warmup N] [--server-pid PID] [--floor-video FILE] [--floor-repeat N]
                              [--metrics-url URL] [--ffmpeg PROGRAM] [--json FILE]
          liveness-bench decode --video FILE [--repeat N] [--ffmpeg PROGRAM]
        The decode floor: `ffmpeg -threads 1 -i CLIP -f null -`, the whole process, before the load.
        --metrics-url: the host's /metrics (admin port), for the server's own decode time per request.
        Clips: bench/make-clips.sh. Start a host and run one load: bench/run.sh. All of it: docs/benchmarks.md.
        """);
    return 2;
}
