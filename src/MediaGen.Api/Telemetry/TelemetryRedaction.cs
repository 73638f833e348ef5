using System.Diagnostics;
using OpenTelemetry;

namespace MediaGen.Api.Telemetry;

/// <summary>
/// Removes what may carry secrets from every span before it is exported: the query string and user info of URLs
/// (SAS tokens, the Pixazo webhook's per-job secret, a caller's callback token). HTTP instrumentations already mask query
/// values; this drops the query entirely, whatever instrumentation recorded it.
/// </summary>
public sealed class TelemetryRedaction : BaseProcessor<Activity>
{
    private static readonly string[] UrlTags = ["url.full", "http.url", "server.address.full"];
    private static readonly string[] QueryTags = ["url.query", "http.target"];

    /// <inheritdoc />
    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var tag in UrlTags)
        {
            if (data.GetTagItem(tag) is string url)
            {
                data.SetTag(tag, RedactUrl(url));
            }
        }

        foreach (var tag in QueryTags)
        {
            if (data.GetTagItem(tag) is string value)
            {
                data.SetTag(tag, tag == "http.target" ? StripQuery(value) : null);
            }
        }
    }

    /// <summary><paramref name="url"/> without its query, fragment and user info; unparseable input loses everything after '?'.</summary>
    public static string RedactUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && !uri.IsFile && !uri.IsUnc
            ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
            : StripQuery(url);
    }

    private static string StripQuery(string value)
    {
        var cut = value.IndexOfAny(['?', '#']);
        return cut < 0 ? value : value[..cut];
    }
}
