using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace MediaGen.Host.Api;

/// <summary>
/// The rate limiter policy of the keyed routes: one fixed window per caller (<see cref="ApiKeyRing"/> names the caller by
/// its key, so partitions are caller names, never keys), so a flood from one key never uses up another's permits.
/// A refusal is a 429 ProblemDetails with <c>Retry-After</c> (whole seconds).
/// </summary>
public static class PerCallerRateLimit
{
    /// <summary>The policy name the <c>/api</c> group requires.</summary>
    public const string PolicyName = "per-caller";

    /// <summary>The partition of requests without a valid key (not a valid caller name, so no caller shares it).</summary>
    public const string NoCallerPartition = "(no valid key)";

    /// <summary>Adds the policy and the 429 answer to <paramref name="options"/>.</summary>
    public static void Configure(RateLimiterOptions options, ApiRateLimitOptions limits, ApiKeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(keys);
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(PolicyName, context =>
        {
            if (!limits.Enabled)
            {
                return RateLimitPartition.GetNoLimiter(NoCallerPartition);
            }

            return RateLimitPartition.GetFixedWindowLimiter(keys.CallerOf(context.Request) ?? NoCallerPartition, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limits.PermitLimit,
                Window = limits.Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
        options.OnRejected = (context, cancellationToken) => RejectAsync(context, limits);
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, ApiRateLimitOptions limits)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : limits.Window;
        var seconds = (int)Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = string.Create(CultureInfo.InvariantCulture,
                    $"At most {limits.PermitLimit} requests per {limits.Window} per API key (Api__RateLimit__PermitLimit, Api__RateLimit__Window); retry after {seconds} s."),
            },
        }).ConfigureAwait(false);
    }
}
