using System.Text;

namespace MediaGen.Parity.Tests.Support;

/// <summary>One HTTP request sent alike to the standalone host and the Functions app, over real HTTP to each.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathAndQuery">Path and query, e.g. <c>/api/jobs?pageSize=5</c>.</param>
/// <param name="Body">The body (UTF-8), or null for none.</param>
/// <param name="ContentType">The body's content type, or null to send none.</param>
/// <param name="Key">The <c>x-functions-key</c> header, or null to send none.</param>
public sealed record ParityRequest(string Method, string PathAndQuery, string? Body = null, string? ContentType = null, string? Key = ParityFixture.ApiKey)
{
    /// <summary>A GET with the API key.</summary>
    public static ParityRequest Get(string pathAndQuery) => new("GET", pathAndQuery);

    /// <summary>A POST of <paramref name="json"/> as <c>application/json</c> with the API key.</summary>
    public static ParityRequest Post(string pathAndQuery, string? json = null) =>
        new("POST", pathAndQuery, json, json is null ? null : "application/json; charset=utf-8");

    /// <summary>The same request without the API key.</summary>
    public ParityRequest WithoutKey() => this with { Key = null };

    /// <summary>The same request with a wrong API key.</summary>
    public ParityRequest WithWrongKey() => this with { Key = ParityFixture.ApiKey + "-wrong" };

    /// <summary>The same request with <paramref name="key"/> (another caller's).</summary>
    public ParityRequest WithKey(string key) => this with { Key = key };

    /// <summary>Sends the request with <paramref name="client"/> (its base address the host's) and reads the answer.</summary>
    public async Task<HttpAnswer> SendAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var message = new HttpRequestMessage(new HttpMethod(Method), new Uri(PathAndQuery, UriKind.Relative));
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body));
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        if (Key is not null)
        {
            message.Headers.Add("x-functions-key", Key);
        }

        using var response = await client.SendAsync(message);
        var headers = response.Headers.Concat(response.Content.Headers).Select(h => KeyValuePair.Create(h.Key, string.Join(", ", h.Value)));
        return HttpAnswer.From((int)response.StatusCode, headers, await response.Content.ReadAsStringAsync());
    }

    /// <inheritdoc />
    public override string ToString() => $"{Method} {PathAndQuery}" + (ContentType is null ? "" : $" ({ContentType})") + Key switch
    {
        ParityFixture.ApiKey => "",
        null => " no key",
        ParityFixture.PartnerAKey => $" key of {ParityFixture.PartnerA}",
        ParityFixture.PartnerBKey => $" key of {ParityFixture.PartnerB}",
        ParityFixture.OperatorKey => $" key of {ParityFixture.Operator}",
        _ => " wrong key",
    };
}
