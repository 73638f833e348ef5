namespace MediaGen.Simulator.Media;

/// <summary>
/// A read-only, seekable stream of any length: a header, then a deterministic filler block
/// repeated. Nothing beyond the header and one 64 KiB block is ever held in memory, so a
/// multi-gigabyte response costs no more than a small one; seeking makes HTTP range requests work.
/// </summary>
public sealed class SyntheticMediaStream : Stream
{
    private const int BlockSize = 64 * 1024;

    private readonly byte[] _header;
    private readonly byte[] _block;
    private readonly long _length;
    private long _position;

    /// <summary>Creates a stream of <paramref name="length"/> bytes starting with <paramref name="header"/>.</summary>
    public SyntheticMediaStream(byte[] header, long length, int seed)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _header = header;
        _length = length;
        _block = new byte[BlockSize];
        new Random(seed).NextBytes(_block);
    }

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => true;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => _length;

    /// <inheritdoc />
    public override long Position
    {
        get => _position;
        set => _position = value is >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    /// <summary>The byte at <paramref name="offset"/> of a stream built with these arguments, for checks.</summary>
    public static byte ByteAt(byte[] header, int seed, long offset)
    {
        ArgumentNullException.ThrowIfNull(header);
        using var stream = new SyntheticMediaStream(header, offset + 1, seed) { Position = offset };
        var one = new byte[1];
        stream.ReadExactly(one);
        return one[0];
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        var total = 0;
        while (buffer.Length > 0 && _position < _length)
        {
            ReadOnlySpan<byte> source;
            if (_position < _header.Length)
            {
                source = _header.AsSpan((int)_position);
            }
            else
            {
                var inBlock = (int)((_position - _header.Length) % BlockSize);
                source = _block.AsSpan(inBlock);
            }

            var n = (int)Math.Min(Math.Min(source.Length, buffer.Length), _length - _position);
            source[..n].CopyTo(buffer);
            buffer = buffer[n..];
            _position += n;
            total += n;
        }

        return total;
    }

    /// <inheritdoc />
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        cancellationToken.IsCancellationRequested
            ? ValueTask.FromCanceled<int>(cancellationToken)
            : ValueTask.FromResult(Read(buffer.Span));

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => _length + offset,
        };
        return _position;
    }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
