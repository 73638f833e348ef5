using System.Globalization;
using MediaGen.Bench.MediaCopy;

// serve [port]                          the synthetic media source (stand-in for the simulator's route)
// run <source-base-url> <size-bytes>    the benchmark; storage from MEDIAGEN_BENCH_STORAGE (a connection string)
switch (args.FirstOrDefault())
{
    case "serve":
        await SyntheticMediaServer.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 0);
        return 0;
    case "run" when args.Length == 3:
        var storage = Environment.GetEnvironmentVariable("MEDIAGEN_BENCH_STORAGE")
            ?? throw new InvalidOperationException("MEDIAGEN_BENCH_STORAGE (a storage connection string) is not set.");
        return await CopyBenchmark.RunAsync(new Uri(args[1]), storage, long.Parse(args[2], CultureInfo.InvariantCulture));
    default:
        Console.Error.WriteLine("usage: MediaGen.Bench.MediaCopy serve [port] | run <source-base-url> <size-bytes>");
        return 2;
}
