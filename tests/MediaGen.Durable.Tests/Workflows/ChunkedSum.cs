namespace MediaGen.Durable.Tests.Workflows;

internal sealed record ChunkState(int Next, int Total, long Sum);

/// <summary>Sums squares in chunks, continuing as new after each, so no execution's history grows past one chunk.</summary>
internal sealed class ChunkedSum : TaskOrchestrator<ChunkState, long>
{
    public const int ChunkSize = 25;

    public override async Task<long> RunAsync(TaskOrchestrationContext context, ChunkState input)
    {
        var end = Math.Min(input.Total, input.Next + ChunkSize);
        var squares = await Task.WhenAll(Enumerable.Range(input.Next, end - input.Next).Select(i => context.CallActivityAsync<int>(nameof(Square), i)));
        var sum = input.Sum + squares.Sum(s => (long)s);
        if (end < input.Total)
        {
            context.ContinueAsNew(new ChunkState(end, input.Total, sum));
        }

        return sum;
    }
}
