using System.Text;
using MediaGen.Testing;

namespace MediaGen.StandInHost.Tests.Worker;

/// <summary>A response body that keeps what is written and lets a test wait until some text has arrived.</summary>
internal sealed class ObservedResponseBody : Stream
{
    private readonly Lock _lock = new();
    private readonly MemoryStream _written = new();
    private TaskCompletionSource _grew = new(TaskCreationOptions.RunContinuationsAsynchronously);

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
    public async Task WaitForAsync(string text)
    {
        using var guard = new CancellationTokenSource(Waits.HangGuard);
        while (true)
        {
            Task grew;
            lock (_lock)
            {
                if (Encoding.UTF8.GetString(_written.GetBuffer(), 0, (int)_written.Length).Contains(text, StringComparison.Ordinal))
                {
                    return;
                }

                grew = _grew.Task;
            }

            try
            {
                await grew.WaitAsync(guard.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The response body did not contain '{text}' within {Waits.HangGuard}; it holds: {Text}");
            }
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        TaskCompletionSource grew;
        lock (_lock)
        {
            _written.Write(buffer);
            grew = _grew;
            _grew = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        grew.TrySetResult();
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
