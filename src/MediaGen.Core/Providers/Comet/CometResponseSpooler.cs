using System.Buffers.Text;

namespace MediaGen.Core.Providers.Comet;

/// <summary>
/// Reads an images response from the network in fixed-size chunks and splits it in two: every <c>b64_json</c> string
/// value is base64-decoded chunk by chunk straight into a sink stream (a temp file), and replaced in the JSON by a short
/// reference (<c>"#0"</c>, <c>"#1"</c>, …); the rest — the small structural JSON — is kept for ordinary deserialization.
/// Memory stays bounded by the chunk sizes whatever the image size; the base64 never exists as one string.
/// </summary>
internal sealed class CometResponseSpooler
{
    /// <summary>Bytes read from the network per read.</summary>
    internal const int ReadChunkBytes = 16 * 1024;

    /// <summary>Base64 characters decoded per step (a multiple of 4).</summary>
    internal const int DecodeChunkChars = 16 * 1024;

    /// <summary>Most JSON kept besides the base64 values (URLs, revised prompts, fields); more is not an images response.</summary>
    internal const int MaxStructureBytes = 1024 * 1024;

    private static readonly byte[] KeyName = "b64_json"u8.ToArray();

    private readonly Func<int, Stream> _openSink;
    private readonly MemoryStream _structure = new();
    private readonly List<Stream> _sinks = [];
    private readonly byte[] _base64 = new byte[DecodeChunkChars];
    private readonly byte[] _decoded = new byte[DecodeChunkChars / 4 * 3];
    private readonly byte[] _keyCapture = new byte[KeyName.Length + 1];
    private readonly byte[] _unicodeEscape = new byte[4];
    private int _base64Count;
    private int _keyLength;
    private bool _lastStringWasKey;
    private State _state = State.Normal;
    private int _unicodeCount;

    private CometResponseSpooler(Func<int, Stream> openSink) => _openSink = openSink;

    private enum State
    {
        Normal,
        InString,
        InStringEscape,
        AfterString,
        ExpectValue,
        InBase64,
        InBase64Escape,
        InBase64Unicode,
    }

    /// <summary>The structural JSON (with references in place of base64 values).</summary>
    public ReadOnlyMemory<byte> Structure => _structure.GetBuffer().AsMemory(0, (int)_structure.Length);

    /// <summary>The sinks, by reference number, positioned at their start.</summary>
    public IReadOnlyList<Stream> Sinks => _sinks;

    /// <summary>Splits <paramref name="source"/>; on failure every sink opened so far is disposed.</summary>
    /// <exception cref="FormatException">The body is not well-formed where the spooler looks (bad base64, bad escapes, oversized structure, cut off mid-value).</exception>
    public static async Task<CometResponseSpooler> SpoolAsync(Stream source, Func<int, Stream> openSink, CancellationToken cancellationToken)
    {
        var spooler = new CometResponseSpooler(openSink);
        var buffer = ArrayPool<byte>.Shared.Rent(ReadChunkBytes);
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, ReadChunkBytes), cancellationToken).ConfigureAwait(false)) > 0)
            {
                await spooler.ProcessAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }

            if (spooler._state is State.InBase64 or State.InBase64Escape or State.InBase64Unicode or State.InString or State.InStringEscape)
            {
                throw new FormatException("the body ended inside a string");
            }

            foreach (var sink in spooler._sinks)
            {
                await sink.FlushAsync(cancellationToken).ConfigureAwait(false);
                sink.Position = 0;
            }

            return spooler;
        }
        catch
        {
            // Not swallowed: the temp files are released and the failure goes on to the client, which maps it.
            await spooler.DisposeSinksAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Disposes (and so deletes) every sink.</summary>
    public async ValueTask DisposeSinksAsync()
    {
        foreach (var sink in _sinks)
        {
            await sink.DisposeAsync().ConfigureAwait(false);
        }

        _sinks.Clear();
    }

    private async ValueTask ProcessAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        var start = 0; // first byte of the current run of structural bytes to copy
        for (var i = 0; i < chunk.Length; i++)
        {
            var b = chunk.Span[i];
            switch (_state)
            {
                case State.Normal:
                    if (b == (byte)'"')
                    {
                        _state = State.InString;
                        _keyLength = 0;
                    }

                    break;
                case State.InString:
                    if (b == (byte)'\\')
                    {
                        _state = State.InStringEscape;
                        _keyLength = _keyCapture.Length; // an escaped name is never the key we look for
                    }
                    else if (b == (byte)'"')
                    {
                        _lastStringWasKey = _keyLength == KeyName.Length && _keyCapture.AsSpan(0, _keyLength).SequenceEqual(KeyName);
                        _state = State.AfterString;
                    }
                    else if (_keyLength < _keyCapture.Length)
                    {
                        _keyCapture[_keyLength++] = b;
                    }

                    break;
                case State.InStringEscape:
                    _state = State.InString;
                    break;
                case State.AfterString:
                    if (b == (byte)':' && _lastStringWasKey)
                    {
                        _state = State.ExpectValue;
                    }
                    else if (!IsWhiteSpace(b))
                    {
                        _state = State.Normal;
                        i--; // reprocess this byte as structure
                    }

                    break;
                case State.ExpectValue:
                    if (b == (byte)'"')
                    {
                        // Copy the structure up to the value, then write the reference in place of the base64.
                        Append(chunk.Span[start..i]);
                        Append(Encoding.ASCII.GetBytes($"\"#{_sinks.Count}\""));
                        _sinks.Add(_openSink(_sinks.Count));
                        _base64Count = 0;
                        _state = State.InBase64;
                    }
                    else if (!IsWhiteSpace(b))
                    {
                        _state = State.Normal; // null or another type: left for the deserializer to judge
                        i--;
                    }

                    break;
                case State.InBase64:
                    if (b == (byte)'"')
                    {
                        await DecodeAsync(final: true, cancellationToken).ConfigureAwait(false);
                        _state = State.Normal;
                        start = i + 1;
                    }
                    else if (b == (byte)'\\')
                    {
                        _state = State.InBase64Escape;
                    }
                    else
                    {
                        // The hot path: copy the run up to the next quote or escape in bulk, decoding whenever the buffer fills.
                        var stop = chunk.Span[i..].IndexOfAny((byte)'"', (byte)'\\');
                        var end = stop < 0 ? chunk.Length : i + stop;
                        while (i < end)
                        {
                            var count = Math.Min(end - i, _base64.Length - _base64Count);
                            chunk.Span.Slice(i, count).CopyTo(_base64.AsSpan(_base64Count));
                            _base64Count += count;
                            i += count;
                            if (_base64Count == _base64.Length)
                            {
                                await DecodeAsync(final: false, cancellationToken).ConfigureAwait(false);
                            }
                        }

                        i--; // the loop's increment lands on the quote or escape (or ends the chunk)
                    }

                    break;
                case State.InBase64Escape:
                    _state = State.InBase64;
                    switch (b)
                    {
                        case (byte)'/':
                            await AddBase64Async(b, cancellationToken).ConfigureAwait(false);
                            break;
                        case (byte)'n' or (byte)'r':
                            break; // line-wrapped base64
                        case (byte)'u':
                            _unicodeCount = 0;
                            _state = State.InBase64Unicode;
                            break;
                        default:
                            throw new FormatException($"unexpected escape '\\{(char)b}' in b64_json");
                    }

                    break;
                case State.InBase64Unicode:
                    _unicodeEscape[_unicodeCount++] = b;
                    if (_unicodeCount == 4)
                    {
                        // Serializers escape '+' (\u002B) and '/' (\u002F); anything non-ASCII cannot be base64.
                        if (!Utf8Parser.TryParse(_unicodeEscape, out ushort code, out var used, 'x') || used != 4 || code > 0x7F)
                        {
                            throw new FormatException("unexpected \\u escape in b64_json");
                        }

                        await AddBase64Async((byte)code, cancellationToken).ConfigureAwait(false);
                        _state = State.InBase64;
                    }

                    break;
            }
        }

        if (_state is not (State.InBase64 or State.InBase64Escape or State.InBase64Unicode))
        {
            Append(chunk.Span[start..]);
        }
    }

    private async ValueTask AddBase64Async(byte b, CancellationToken cancellationToken)
    {
        // Only escaped characters come through here (\/, \u002B): rare, so the per-call cost does not matter.
        _base64[_base64Count++] = b;
        if (_base64Count == _base64.Length)
        {
            await DecodeAsync(final: false, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask DecodeAsync(bool final, CancellationToken cancellationToken)
    {
        var status = Base64.DecodeFromUtf8(_base64.AsSpan(0, _base64Count), _decoded, out var consumed, out var written, isFinalBlock: final);
        if (status == OperationStatus.InvalidData || (final && status != OperationStatus.Done))
        {
            throw new FormatException("b64_json is not valid base64");
        }

        await _sinks[^1].WriteAsync(_decoded.AsMemory(0, written), cancellationToken).ConfigureAwait(false);
        // An incomplete quartet stays for the next chunk.
        _base64.AsSpan(consumed, _base64Count - consumed).CopyTo(_base64);
        _base64Count -= consumed;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_structure.Length + bytes.Length > MaxStructureBytes)
        {
            throw new FormatException($"the JSON besides b64_json exceeds {MaxStructureBytes} bytes");
        }

        _structure.Write(bytes);
    }

    private static bool IsWhiteSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
}
