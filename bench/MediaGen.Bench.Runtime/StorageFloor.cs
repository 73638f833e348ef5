using System.Diagnostics;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace MediaGen.Bench.Runtime;

/// <summary>
/// The storage floor: the rate Azurite sustains for the bare operations one orchestration work item
/// costs in the runtime's design (its dearest kind): a share of a 32-message receive, one state-blob
/// write, one enqueue, one delete. Same shape as the runtime: one receive loop per partition, items
/// processed concurrently up to the same limit. No runtime code involved.
/// </summary>
internal static class StorageFloor
{
    public static async Task<double> MeasureAsync(string connectionString, int instances, int partitions, int concurrency, TimeSpan duration)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var queues = Enumerable.Range(0, partitions).Select(p => new QueueClient(connectionString, $"floor-{p}-{suffix}")).ToList();
        var container = new BlobContainerClient(connectionString, "floor-" + suffix);
        await Task.WhenAll(queues.Select(q => q.CreateAsync()));
        await container.CreateAsync();
        var state = BinaryData.FromBytes(new byte[2048]);
        await Parallel.ForAsync(0, instances, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
            await queues[i % partitions].SendMessageAsync("instance-" + i, ct));

        long done = 0;
        using var slots = new SemaphoreSlim(concurrency);
        using var stop = new CancellationTokenSource(duration);
        var clock = Stopwatch.StartNew();
        var loops = queues.Select(queue => Task.Run(async () =>
        {
            var inFlight = new List<Task>();
            while (!stop.IsCancellationRequested)
            {
                foreach (var message in (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(60))).Value)
                {
                    await slots.WaitAsync();
                    inFlight.Add(Task.Run(async () =>
                    {
                        try
                        {
                            await container.GetBlobClient(message.Body.ToString()).UploadAsync(state, overwrite: true);
                            await queue.SendMessageAsync(message.Body.ToString());
                            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                            Interlocked.Increment(ref done);
                        }
                        finally
                        {
                            slots.Release();
                        }
                    }));
                }

                inFlight.RemoveAll(t => t.IsCompleted);
            }

            await Task.WhenAll(inFlight);
        })).ToList();
        await Task.WhenAll(loops);
        var rate = Interlocked.Read(ref done) / clock.Elapsed.TotalSeconds;
        await Task.WhenAll(queues.Select(q => q.DeleteAsync()));
        await container.DeleteAsync();
        return rate;
    }
}
