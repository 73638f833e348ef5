namespace MediaGen.Core.Providers;

/// <summary>
/// A read-only view of a provider's response body that hands out at most <c>limit</c> bytes: when the body has more,
/// the read after the last byte within the limit throws <see cref="InvalidDataException"/> and <see cref="Exceeded"/>
/// turns true. For parsers that buffer without a bound of their own. Disposing it leaves the inner stream to its owner.
/// </summary>
internal sealed class BoundedReadStream(Stream inner, long limit) : Stream
{
    private long _read;

    /// <summary>Most bytes the body may have.</summary>
    public long Limit => limit;

    /// <summary>Whether the body went past the limit.</summary>
    public bool Exceeded { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer[..Window(buffer.Length)]));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer[..Window(buffer.Length)], cancellationToken).ConfigureAwait(false));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    // Reads at most one byte past the limit, so a body of exactly the limit ends normally and a longer one is noticed.
    // The bytes within the limit are still handed out; the read after them throws.
    private int Window(int requested)
    {
        if (_read > limit)
        {
            Exceeded = true;
            throw new InvalidDataException($"The response body is over {limit} bytes.");
        }

        return (int)Math.Min(requested, limit + 1 - _read);
    }

    private int Count(int read)
    {
        _read += read;
        return _read > limit ? read - (int)(_read - limit) : read;
    }
}
