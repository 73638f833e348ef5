namespace MediaGen.Simulator.Pipeline;

/// <summary>Checks each provider's documented credential header.</summary>
internal sealed class ProviderAuth(IOptionsMonitor<SimulatorOptions> options)
{
    /// <summary>Null when the request carries an accepted key; otherwise the provider's 401 message.</summary>
    public string? Check(SimulatedProvider provider, HttpRequest request)
    {
        var o = options.CurrentValue;
        return provider switch
        {
            SimulatedProvider.Cosmic => CheckBearer(request, o.CosmicWriteKeys,
                "Unauthorized: a bucket write key is required for AI operations (Authorization: Bearer BUCKET_WRITE_KEY).",
                "Unauthorized: the bucket write key is not valid."),
            SimulatedProvider.Comet => CheckBearer(request, o.CometKeys,
                "You didn't provide an API key. Send it as 'Authorization: Bearer <token>'.",
                "Invalid token."),
            _ => CheckPixazo(request, o.PixazoKeys),
        };
    }

    private static string? CheckBearer(HttpRequest request, IList<string> accepted, string missing, string invalid)
    {
        var header = request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || header.Length == Scheme.Length
            || string.IsNullOrWhiteSpace(header[Scheme.Length..]))
        {
            return missing;
        }

        var key = header[Scheme.Length..].Trim();
        return accepted.Count == 0 || accepted.Contains(key) ? null : invalid;
    }

    private static string? CheckPixazo(HttpRequest request, IList<string> accepted)
    {
        var key = request.Headers["Ocp-Apim-Subscription-Key"].ToString().Trim();
        if (key.Length == 0)
        {
            return "Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.";
        }

        return accepted.Count == 0 || accepted.Contains(key)
            ? null
            : "Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.";
    }
}
