using System.Web;

namespace MediaGen.Core.Providers;

/// <summary>
/// The credentials a provider request carries (the <c>Authorization</c> parameter, key and webhook headers and the
/// query values of a webhook URL), so that text a provider sends back can be cleaned of them — and of URL credentials
/// it quotes from the request body (a SAS <c>sig=</c>, a pre-signed <c>X-Amz-Signature=</c>, a <c>token=</c>).
/// </summary>
internal static partial class ProviderSecrets
{
    /// <summary>Shorter values are not treated as secrets (they would blank ordinary words).</summary>
    private const int MinLength = 8;

    /// <summary>What <paramref name="request"/> carries that must not be repeated, longest first.</summary>
    public static IReadOnlyList<string> Of(HttpRequestMessage? request)
    {
        if (request is null)
        {
            return [];
        }

        var found = new List<string>();
        if (request.Headers.Authorization is { } authorization)
        {
            found.Add(authorization.Parameter ?? "");
            found.Add(authorization.ToString());
        }

        foreach (var (name, values) in request.Headers)
        {
            if (!IsCredentialHeader(name))
            {
                continue;
            }

            foreach (var value in values)
            {
                found.Add(value);
                if (Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Query.Length > 1)
                {
                    var query = HttpUtility.ParseQueryString(url.Query);
                    found.AddRange(query.AllKeys.Select(key => query[key] ?? ""));
                }
            }
        }

        return [.. found.Where(v => v.Length >= MinLength).Distinct(StringComparer.Ordinal).OrderByDescending(v => v.Length)];
    }

    /// <summary>
    /// <paramref name="text"/> with every secret (and its URL-escaped form) replaced by <c>***</c>, and the value of every
    /// credential-like URL query parameter too.
    /// </summary>
    public static string? Redact(string? text, IReadOnlyList<string> secrets)
    {
        if (text is null)
        {
            return null;
        }

        foreach (var secret in secrets)
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal).Replace(Uri.EscapeDataString(secret), "***", StringComparison.Ordinal);
        }

        return UrlCredential().Replace(text, "$1***");
    }

    [GeneratedRegex(@"(?i)((?:[?&]|\\u0026|%26|\b)(?:sig|signature|x-amz-signature|x-amz-credential|x-amz-security-token|x-goog-signature|token|access_token|code|key|api_key|apikey|secret)=)[^&\s""'<>]+")]
    private static partial Regex UrlCredential();

    private static bool IsCredentialHeader(string name) =>
        name.Contains("key", StringComparison.OrdinalIgnoreCase)
        || name.Contains("token", StringComparison.OrdinalIgnoreCase)
        || name.Contains("secret", StringComparison.OrdinalIgnoreCase)
        || name.Contains("webhook", StringComparison.OrdinalIgnoreCase);
}
