using System.Globalization;
using MediaGen.Bench.MediaCopy;

// run <source-base-url> <size-bytes>: the benchmark against a source serving /media/synthetic/{name}.{ext}?size=N
// (the provider simulator); storage from MEDIAGEN_BENCH_STORAGE (a connection string).
if (args is ["run", var source, var size])
{
    var storage = Environment.GetEnvironmentVariable("MEDIAGEN_BENCH_STORAGE")
        ?? throw new InvalidOperationException("MEDIAGEN_BENCH_STORAGE (a storage connection string) is not set.");
    return await CopyBenchmark.RunAsync(new Uri(source), storage, long.Parse(size, CultureInfo.InvariantCulture));
}

Console.Error.WriteLine("usage: MediaGen.Bench.MediaCopy run <source-base-url> <size-bytes>");
return 2;
