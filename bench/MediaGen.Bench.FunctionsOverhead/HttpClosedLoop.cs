using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using MediaGen.Drives;
using MediaGen.Testing;

namespace MediaGen.Bench.FunctionsOverhead;

/// <summary>
/// Jobs through an app's HTTP API with a fixed number in flight: each slot submits the next job once its previous one's
/// completion callback arrived (a push: waiting costs the app no request). The clock runs from the first submit to the
/// last job's Completed — its status's <c>updatedAt</c>, the engine's own time of the final write, read from the job API
/// after the run.
/// </summary>
internal static class HttpClosedLoop
{
    /// <summary>Runs <paramref name="count"/> jobs of <see cref="JobMix"/>, <paramref name="concurrency"/> at once; every one must complete.</summary>
    public static async Task<PhaseResult> RunAsync(
        DriveApi api, CallbackReceiver callbacks, string label, int count, int concurrency, CancellationToken cancellationToken)
    {
        var ids = new ConcurrentBag<string>();
        var latencies = new ConcurrentBag<double>();
        var firstSubmit = DateTimeOffset.UtcNow;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var submitted = Stopwatch.GetTimestamp();
                var (status, body) = await api.PostAsync("api/jobs", JobMix.Job(i, $"Benchmark {label} {i}", callbacks.Url), ct);
                if (status != HttpStatusCode.Accepted || body?["id"]?.GetValue<string>() is not { } id)
                {
                    throw new InvalidOperationException($"POST api/jobs answered {(int)status}: {body?.ToJsonString()}");
                }

                ids.Add(id);
                await callbacks.WhenDelivered(id).WaitAsync(ct);
                latencies.Add(Stopwatch.GetElapsedTime(submitted).TotalMilliseconds);
            });

        var last = firstSubmit;
        foreach (var id in ids)
        {
            var completed = await CompletedAtAsync(api, id, cancellationToken);
            last = completed > last ? completed : last;
        }

        return new PhaseResult(count, last - firstSubmit, [.. latencies]);
    }

    /// <summary>When <paramref name="id"/> completed; throws if it ended otherwise.</summary>
    private static async Task<DateTimeOffset> CompletedAtAsync(DriveApi api, string id, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (status, body) = await api.GetAsync($"api/jobs/{Uri.EscapeDataString(id)}", cancellationToken);
            var state = body?["status"]?.GetValue<string>();
            if (status == HttpStatusCode.OK && state == "Completed")
            {
                return DateTimeOffset.Parse(body!["updatedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture);
            }

            if (status != HttpStatusCode.OK || state is "Failed" or "Canceled")
            {
                throw new InvalidOperationException($"Job {id} did not complete: {(int)status} {body?.ToJsonString()}");
            }

            // The callback is the job's last step: its final status is written just after it.
            await Task.Delay(100, cancellationToken);
        }
    }
}
