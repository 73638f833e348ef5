using System.Diagnostics;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace MediaGen.Bench.Runtime;

/// <summary>
/// The storage floor: the rate Azurite sustains for the bare operations one orchestration work item
/// costs in the runtime's design (its dearest kind): a batched receive, one state-blob write, one
/// enqueue, one delete, at the runtime's concurrency. No runtime code involved.
/// </summary>
internal static class StorageFloor
{
    public static async Task<double> MeasureAsync(string connectionString, int instances, int concurrency, TimeSpan duration)
    {
        var queue = new QueueClient(connectionString, "floor-" + Guid.NewGuid().ToString("N")[..8]);
        var container = new BlobContainerClient(connectionString, "floor-" + Guid.NewGuid().ToString("N")[..8]);
        await queue.CreateAsync();
        await container.CreateAsync();
        var state = BinaryData.FromBytes(new byte[2048]);
        await Parallel.ForAsync(0, instances, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
            await queue.SendMessageAsync("instance-" + i, ct));

        long done = 0;
        using var stop = new CancellationTokenSource(duration);
        var clock = Stopwatch.StartNew();
        var loops = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var messages = (await queue.ReceiveMessagesAsync(maxMessages: 32 / Math.Max(1, concurrency / 8), TimeSpan.FromSeconds(30))).Value;
                foreach (var message in messages)
                {
                    await container.GetBlobClient(message.Body.ToString()).UploadAsync(state, overwrite: true);
                    await queue.SendMessageAsync(message.Body.ToString());
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                    Interlocked.Increment(ref done);
                }
            }
        })).ToList();
        await Task.WhenAll(loops);
        var rate = Interlocked.Read(ref done) / clock.Elapsed.TotalSeconds;
        await queue.DeleteAsync();
        await container.DeleteAsync();
        return rate;
    }
}
