namespace MediaGen.Core.Tests.Providers.Comet;

/// <summary>Runs alone: it measures allocations process-wide.</summary>
[Collection(nameof(AllocationMeasuringCollection))]
public sealed class CometResponseSpoolerTests
{
    [Fact]
    public async Task Spool_EightMegabyteImage_AllocatesFarLessThanTheBase64()
    {
        var image = new byte[8 * 1024 * 1024];
        new Random(7).NextBytes(image);
        var json = Encoding.ASCII.GetBytes("{\"created\":3,\"data\":[{\"revised_prompt\":\"r\",\"b64_json\":\"" + Convert.ToBase64String(image) + "\"}]}");
        using var source = new MemoryStream(json);
        using var sink = new MemoryStream(image.Length);
        await CometResponseSpooler.SpoolAsync(new MemoryStream(8), _ => sink, CancellationToken.None); // warm up code paths

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var spooled = await CometResponseSpooler.SpoolAsync(source, _ => sink, CancellationToken.None);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        // The base64 is ~11 MB; a string copy of it alone would allocate ~22 MB.
        Assert.True(allocated < 2 * 1024 * 1024, $"allocated {allocated:N0} bytes");
        Assert.Equal(image, sink.ToArray());
        Assert.Equal("{\"created\":3,\"data\":[{\"revised_prompt\":\"r\",\"b64_json\":\"#0\"}]}", Encoding.ASCII.GetString(spooled.Structure.Span));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4096)]
    public async Task Spool_AnyReadChunking_GivesTheSameResult(int chunk)
    {
        var json = "{\"data\":[{\"b64_json\" :\n \"AAECAwQF\\/w==\",\"url\":\"b64_json\"}],\"created\":1}";
        using var sink = new MemoryStream();

        var spooled = await CometResponseSpooler.SpoolAsync(new TrickleStream(Encoding.ASCII.GetBytes(json), chunk), _ => sink, CancellationToken.None);

        Assert.Equal(new byte[] { 0, 1, 2, 3, 4, 5, 0xFF }, sink.ToArray());
        Assert.Equal("{\"data\":[{\"b64_json\" :\n \"#0\",\"url\":\"b64_json\"}],\"created\":1}", Encoding.ASCII.GetString(spooled.Structure.Span));
    }

    [Fact]
    public async Task Spool_KeyNameInsideAnotherString_IsNotMistakenForTheField()
    {
        var json = "{\"revised_prompt\":\"say \\\"b64_json\\\": \\\"AAAA\\\"\",\"created\":1,\"data\":[]}";

        var spooled = await CometResponseSpooler.SpoolAsync(new MemoryStream(Encoding.ASCII.GetBytes(json)), _ => throw new InvalidOperationException("no sink expected"), CancellationToken.None);

        Assert.Equal(json, Encoding.ASCII.GetString(spooled.Structure.Span));
        Assert.Empty(spooled.Sinks);
    }

    /// <summary>Delivers at most <c>chunk</c> bytes per read, as a slow network does.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(chunk, buffer.Length)], cancellationToken);
    }
}

[CollectionDefinition(nameof(AllocationMeasuringCollection), DisableParallelization = true)]
public sealed class AllocationMeasuringCollection;
