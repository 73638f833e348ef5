using System.Net;
using System.Text;

namespace MediaGen.Testing;

/// <summary>
/// A fake Cosmic text endpoint at the HTTP boundary: it answers <c>text/event-stream</c> with one text fragment
/// (<see cref="Fragment"/>), then the body fails with an <see cref="InvalidDataException"/> — what a corrupt compressed
/// body raises, and a failure the provider client does not translate (it is not an I/O or HTTP failure), so it escapes
/// while the SSE answer is being written.
/// </summary>
public sealed class BreakingTextStreamHandler : HttpMessageHandler
{
    /// <summary>The one fragment sent before the failure.</summary>
    public const string Fragment = "first fragment";

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            RequestMessage = request,
            Content = new StreamContent(new BreakingStream(Encoding.UTF8.GetBytes($"data: {{\"text\":\"{Fragment}\"}}\n\n")))
            {
                Headers = { ContentType = new("text/event-stream") },
            },
        });

    private sealed class BreakingStream(byte[] first) : Stream
    {
        private bool _sent;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_sent)
            {
                throw new InvalidDataException("The text stream's body is corrupt.");
            }

            _sent = true;
            first.CopyTo(buffer);
            return first.Length;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
