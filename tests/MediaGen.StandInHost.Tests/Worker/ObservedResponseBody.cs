namespace MediaGen.StandInHost.Tests.Worker;

/// <summary>A response body that keeps what is written and lets a test wait until some text has arrived.</summary>
internal sealed class ObservedResponseBody : Stream
{
    private readonly Lock _lock = new();
    private readonly MemoryStream _written = new();
    private readonly ChangeSignal _signal = new();

    /// <summary>Everything written so far, as UTF-8 text.</summary>
    public string Text
    {
        get
        {
            lock (_lock)
            {
                return Encoding.UTF8.GetString(_written.GetBuffer(), 0, (int)_written.Length);
            }
        }
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Waits until the written text contains <paramref name="text"/> (hang guard: <see cref="Waits.HangGuard"/>).</summary>
    public Task WaitForAsync(string text) =>
        _signal.WaitForAsync(() => Text is var written && written.Contains(text, StringComparison.Ordinal) ? written : null, $"'{text}' in the response body", () => $"it holds: {Text}");

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        lock (_lock)
        {
            _written.Write(buffer);
        }

        _signal.Changed();
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _written.Dispose();
        }

        base.Dispose(disposing);
    }
}
