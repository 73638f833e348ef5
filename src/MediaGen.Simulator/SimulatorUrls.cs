namespace MediaGen.Simulator;

/// <summary>Where URLs handed out by the simulator point.</summary>
internal static class SimulatorUrls
{
    /// <summary>
    /// <see cref="SimulatorOptions.PublicBaseUrl"/>, else the scheme and host the caller used, so
    /// media URLs resolve from the caller's side whatever port the simulator was bound to.
    /// </summary>
    public static Uri BaseOf(HttpContext context, SimulatorOptions options) =>
        options.PublicBaseUrl ?? new Uri($"{context.Request.Scheme}://{context.Request.Host.Value}/");

    /// <summary>
    /// <paramref name="baseUrl"/> followed by <paramref name="pathAndQuery"/> (which starts with '/'),
    /// keeping any path prefix of a configured <see cref="SimulatorOptions.PublicBaseUrl"/> (a proxy in front).
    /// </summary>
    public static string Combine(Uri baseUrl, string pathAndQuery) => baseUrl.AbsoluteUri.TrimEnd('/') + pathAndQuery;
}
