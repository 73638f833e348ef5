using System.ComponentModel.DataAnnotations;

namespace MediaGen.Host.Api;

/// <summary>
/// Per-caller rate limit of the keyed <c>/api</c> routes (ASP.NET Core's rate limiter, a fixed window per API key):
/// each caller may make <see cref="PermitLimit"/> requests per <see cref="Window"/>; the rest are answered 429 with
/// <c>Retry-After</c>. Requests without a valid key share one window of their own. Webhooks, health and the OpenAPI
/// document are not limited.
/// </summary>
public sealed class ApiRateLimitOptions
{
    /// <summary>Configuration section: <c>Api:RateLimit</c> (<c>Api__RateLimit__…</c>).</summary>
    public const string SectionName = "Api:RateLimit";

    /// <summary>Whether requests are limited at all. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests one caller may make per <see cref="Window"/>. Default 100 (1–1000000).</summary>
    [Range(1, 1_000_000, ErrorMessage = "Api__RateLimit__PermitLimit must be between 1 and 1000000.")]
    public int PermitLimit { get; set; } = 100;

    /// <summary>The window the permits are counted in. Default 00:00:10 (1 s–1 h).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Api__RateLimit__Window must be between 00:00:01 and 01:00:00.")]
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(10);
}
