using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Azure.Storage.Blobs;
using MediaGen.Core.Media;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MediaGen.Bench.MediaCopy;

/// <summary>
/// One MediaStore copy of a large synthetic video into Blob Storage (peak RSS growth sampled during it), then the
/// raw baseline: HttpClient GET stream → BlobClient.UploadAsync(stream) with SDK defaults.
/// </summary>
internal static class CopyBenchmark
{
    private const double MiB = 1024 * 1024;
    private const string Container = "bench-media";

    public static async Task<int> RunAsync(Uri sourceBase, string connectionString, long size)
    {
        var blobs = new BlobServiceClient(connectionString);
        var options = new MediaStoreOptions
        {
            DefaultContainer = Container,
            AllowedNetworks = "127.0.0.1/32",
            MaxBytes = Math.Max(MediaStoreOptions.DefaultMaxBytes, size),
        };
        using var store = new MediaStore(blobs, OutboundUrlGuard.FromOptions(options), Options.Create(options), NullLogger<MediaStore>.Instance);
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        Uri Source(long bytes) => new(sourceBase, $"/media/synthetic/bench-video.mp4?size={bytes.ToString(CultureInfo.InvariantCulture)}");
        var baselineBlob = blobs.GetBlobContainerClient(Container).GetBlobClient("baseline/bench-video.mp4");

        // Warm-up: JIT, connection pools, container creation; small enough not to pre-grow the heap for the real run.
        const long WarmUp = 8 * 1024 * 1024;
        await store.CopyFromUrlAsync(Source(WarmUp), new MediaTarget("bench-warmup", 0));
        await BaselineAsync(http, Source(WarmUp), baselineBlob);

        Settle();
        var storeRun = await MeasureAsync(() => store.CopyFromUrlAsync(Source(size), new MediaTarget("bench-video", 0)));
        var stored = storeRun.Result;
        var storeRate = size / MiB / storeRun.Seconds;
        var expectedSha = await SourceSha256Async(http, Source(size)); // untimed: hashes what the source serves
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"media-copy store: blob={stored.Container}/{stored.BlobName} type={stored.ContentType} size={stored.Size} seconds={storeRun.Seconds:0.00} mb_per_s={storeRate:0.0} rss_before_mb={storeRun.RssBefore / MiB:0.0} rss_peak_mb={storeRun.RssPeak / MiB:0.0} peak_rss_growth_mb={storeRun.GrowthMiB:0.0} sha256_ok={stored.Sha256 == expectedSha}"));

        Settle();
        var baselineRun = await MeasureAsync(async () =>
        {
            await BaselineAsync(http, Source(size), baselineBlob);
            return true;
        });
        var baselineRate = size / MiB / baselineRun.Seconds;
        var baselineSize = (await baselineBlob.GetPropertiesAsync()).Value.ContentLength;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"media-copy baseline: size={baselineSize} seconds={baselineRun.Seconds:0.00} mb_per_s={baselineRate:0.0} rss_before_mb={baselineRun.RssBefore / MiB:0.0} rss_peak_mb={baselineRun.RssPeak / MiB:0.0} peak_rss_growth_mb={baselineRun.GrowthMiB:0.0}"));

        var ok = stored.Size == size && baselineSize == size && stored.Sha256 == expectedSha;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"media-copy bytes={size} mb_per_s={storeRate:0.0} baseline_mb_per_s={baselineRate:0.0} ratio={storeRate / baselineRate:0.00} peak_rss_growth_mb={storeRun.GrowthMiB:0.0}"));
        return ok ? 0 : 1;
    }

    private static async Task BaselineAsync(HttpClient http, Uri source, BlobClient blob)
    {
        using var response = await http.GetAsync(source, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        await blob.UploadAsync(stream, overwrite: true);
    }

    private static async Task<Run<T>> MeasureAsync<T>(Func<Task<T>> work)
    {
        var before = RssSampler.Current();
        using var sampler = RssSampler.Start();
        var clock = Stopwatch.StartNew();
        var result = await work();
        clock.Stop();
        var peak = Math.Max(sampler.PeakBytes, before);
        return new Run<T>(result, clock.Elapsed.TotalSeconds, before, peak);
    }

    private static void Settle()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        Thread.Sleep(500);
    }

    private static async Task<string> SourceSha256Async(HttpClient http, Uri source)
    {
        using var response = await http.GetAsync(source, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream));
    }

    private sealed record Run<T>(T Result, double Seconds, long RssBefore, long RssPeak)
    {
        public double GrowthMiB => (RssPeak - RssBefore) / MiB;
    }
}
