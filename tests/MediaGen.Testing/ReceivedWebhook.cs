using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using StandardWebhooks;

namespace MediaGen.Testing;

/// <summary>
/// One callback as a receiver got it over HTTP, verified the way a customer would: with the <c>StandardWebhooks</c> NuGet
/// package, an implementation of the specification independent of MediaGen's signer.
/// </summary>
public sealed class ReceivedWebhook
{
    private ReceivedWebhook(HeaderDictionary headers, byte[] body, string contentType)
    {
        Headers = headers;
        Body = body;
        ContentType = contentType;
    }

    /// <summary>A copy of the request's headers.</summary>
    public HeaderDictionary Headers { get; }

    /// <summary>The raw body.</summary>
    public byte[] Body { get; }

    /// <summary>The media type, without parameters.</summary>
    public string ContentType { get; }

    /// <summary>The <c>webhook-id</c> header.</summary>
    public string Id => Headers["webhook-id"].ToString();

    /// <summary>The <c>webhook-timestamp</c> header.</summary>
    public string Timestamp => Headers["webhook-timestamp"].ToString();

    /// <summary>The <c>webhook-signature</c> header.</summary>
    public string Signature => Headers["webhook-signature"].ToString();

    /// <summary>Reads the request (headers and whole body).</summary>
    public static async Task<ReceivedWebhook> ReadAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        return From(request.Headers, buffer.ToArray());
    }

    /// <summary>A delivery from headers and a body already read.</summary>
    public static ReceivedWebhook From(IHeaderDictionary headers, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var copy = new HeaderDictionary();
        foreach (var header in headers)
        {
            copy[header.Key] = header.Value;
        }

        return new ReceivedWebhook(copy, body, copy["Content-Type"].ToString().Split(';')[0]);
    }

    /// <summary>This delivery with its body replaced, as if changed on the way.</summary>
    public ReceivedWebhook WithBody(byte[] body) => new(Headers, body, ContentType);

    /// <summary>A new random secret in the <c>whsec_</c> form.</summary>
    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// <c>StandardWebhook.Verify</c> with <paramref name="secret"/> over the headers as received; null when it accepts,
    /// else the library's reason.
    /// </summary>
    public string? Verify(string secret) => Verify(secret, Headers);

    /// <summary>
    /// Like <see cref="Verify(string)"/>, but presents each entry of a multi-signature <c>webhook-signature</c> to the
    /// library on its own: StandardWebhooks 1.1.2 reads only the first entry of a space-separated list, so a receiver
    /// holding the second key of a rotation verifies this way. Null when any entry verifies, else the last reason.
    /// </summary>
    public string? VerifyAnySignature(string secret)
    {
        string? reason = "no signature";
        foreach (var entry in Signature.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var headers = new HeaderDictionary();
            foreach (var header in Headers)
            {
                headers[header.Key] = header.Value;
            }

            headers["webhook-signature"] = entry;
            reason = Verify(secret, headers);
            if (reason is null)
            {
                return null;
            }
        }

        return reason;
    }

    private string? Verify(string secret, HeaderDictionary headers)
    {
        try
        {
            new StandardWebhook(secret).Verify(Encoding.UTF8.GetString(Body), headers);
            return null;
        }
        catch (StandardWebhooks.Diagnostics.WebhookVerificationException ex)
        {
            return ex.Message;
        }
    }
}
