using System.Buffers.Text;

namespace MediaGen.Core.Media;

/// <summary>
/// Decodes base64 text (standard or URL-safe alphabet, whitespace ignored, padding optional) as a read-only stream,
/// a bounded chunk at a time, so inline media never exists as one decoded array.
/// </summary>
internal sealed class Base64DecodingStream : Stream
{
    private const int EncodedChunk = 64 * 1024;

    private readonly ReadOnlyMemory<char> _source;
    private readonly byte[] _encoded = new byte[EncodedChunk + 4];
    private readonly byte[] _decoded = new byte[(EncodedChunk + 4) / 4 * 3];
    private int _sourcePosition;
    private int _encodedCount;
    private int _decodedOffset;
    private int _decodedCount;
    private bool _finished;

    public Base64DecodingStream(ReadOnlyMemory<char> source) => _source = source;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (_decodedCount == 0 && !_finished)
        {
            DecodeNextChunk();
        }

        var n = Math.Min(buffer.Length, _decodedCount);
        _decoded.AsSpan(_decodedOffset, n).CopyTo(buffer);
        _decodedOffset += n;
        _decodedCount -= n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void DecodeNextChunk()
    {
        var chars = _source.Span;
        while (_encodedCount < EncodedChunk && _sourcePosition < chars.Length)
        {
            var c = chars[_sourcePosition++];
            switch (c)
            {
                case ' ' or '\t' or '\r' or '\n':
                    continue;
                case '-':
                    c = '+';
                    break;
                case '_':
                    c = '/';
                    break;
                case > (char)127:
                    throw Invalid();
            }

            _encoded[_encodedCount++] = (byte)c;
        }

        var final = _sourcePosition >= chars.Length;
        if (final && _encodedCount % 4 != 0)
        {
            if (_encodedCount % 4 == 1)
            {
                throw Invalid();
            }

            while (_encodedCount % 4 != 0)
            {
                _encoded[_encodedCount++] = (byte)'=';
            }
        }

        var status = Base64.DecodeFromUtf8(_encoded.AsSpan(0, _encodedCount), _decoded, out var consumed, out var written, isFinalBlock: final);
        if (status is OperationStatus.InvalidData or OperationStatus.DestinationTooSmall || (final && status != OperationStatus.Done))
        {
            throw Invalid();
        }

        // An incomplete quad waits for the next chunk.
        _encoded.AsSpan(consumed, _encodedCount - consumed).CopyTo(_encoded);
        _encodedCount -= consumed;
        _decodedOffset = 0;
        _decodedCount = written;
        _finished = final;
    }

    private MediaCopyException Invalid() =>
        new(MediaCopyErrorKind.InvalidData, $"The inline data is not valid base64 (near character {_sourcePosition}).");
}
