using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace MediaGen.Core.Providers;

/// <summary>
/// The resilience of every provider client, on Microsoft.Extensions.Http.Resilience (<c>AddResilienceHandler</c>): a
/// total timeout around retries (on 429, 408, 503 always; on 500/502/504, timeouts and broken connections only where
/// the request allows it — see <see cref="ProviderRequestPolicy.RetryAmbiguousFailures"/>), honouring <c>Retry-After</c>
/// up to <see cref="ProviderResilienceOptions.MaxRetryAfter"/>, around a per-attempt timeout taken from the request, so each
/// operation has its own. 400/401/402/403 and other 4xx are never retried.
/// </summary>
public static partial class ProviderResilience
{
    /// <summary>The resilience pipeline's name on each provider client.</summary>
    public const string PipelineName = "provider";

    /// <summary>
    /// Adds the provider resilience handler to a client, and inside it the handler that reads small JSON bodies within the
    /// attempt (<see cref="ProviderRequestPolicy.BufferResponse"/>). Uses the registered <see cref="TimeProvider"/> and
    /// <see cref="ProviderResilienceOptions"/>.
    /// </summary>
    public static IHttpClientBuilder AddProviderResilience(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddResilienceHandler(PipelineName, static (pipeline, context) =>
        {
            var services = context.ServiceProvider;
            Configure(
                pipeline,
                services.GetRequiredService<IOptions<ProviderResilienceOptions>>().Value,
                services.GetService<TimeProvider>() ?? TimeProvider.System,
                services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ProviderResilience)));
        });
        builder.AddHttpMessageHandler(static () => new ResponseBufferingHandler());
        return builder;
    }

    /// <summary>The provider's <c>Retry-After</c> as a delay, for error mapping.</summary>
    internal static TimeSpan? RetryAfterOf(HttpResponseMessage response, TimeProvider timeProvider)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        return header?.Date is { } date ? Max(date - timeProvider.GetUtcNow(), TimeSpan.Zero) : null;
    }

    private static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ProviderResilienceOptions options, TimeProvider time, ILogger logger)
    {
        pipeline.TimeProvider = time;

        // Outermost: a bound on the whole operation, derived so that it never cuts short a sequence the rules allow (every
        // attempt running to its timeout, every wait at its longest); it ends an operation whose provider keeps it busy.
        pipeline.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "total",
            TimeoutGenerator = args => ValueTask.FromResult(AttemptTimeoutOf(args.Context) is { } attempt && attempt != Timeout.InfiniteTimeSpan
                ? (attempt * (options.MaxRetryAttempts + 1)) + (Max(options.MaxDelay, options.MaxRetryAfter) * options.MaxRetryAttempts)
                : Timeout.InfiniteTimeSpan),
        });

        if (options.MaxRetryAttempts > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, options, time)),
                OnRetry = args =>
                {
                    var request = args.Context.GetRequestMessage();
                    LogRetry(
                        logger,
                        request?.Method.Method,
                        request?.RequestUri?.AbsolutePath,
                        args.Outcome.Result is { } r ? (int)r.StatusCode : null,
                        args.Outcome.Exception?.GetType().Name,
                        args.AttemptNumber + 1,
                        args.RetryDelay);
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        }

        pipeline.AddTimeout(new HttpTimeoutStrategyOptions
        {
            Name = "attempt",
            TimeoutGenerator = args => ValueTask.FromResult(AttemptTimeoutOf(args.Context) ?? Timeout.InfiniteTimeSpan),
        });
    }

    private static TimeSpan? AttemptTimeoutOf(ResilienceContext context) =>
        context.GetRequestMessage() is { } request && request.Options.TryGetValue(ProviderRequestPolicy.AttemptTimeout, out var timeout) ? timeout : null;

    /// <summary>The error taxonomy's retry rule (see <see cref="ProviderErrorType"/>).</summary>
    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, ProviderResilienceOptions options, TimeProvider time)
    {
        var request = context.GetRequestMessage();
        var retryAmbiguous = request is null
            || !request.Options.TryGetValue(ProviderRequestPolicy.RetryAmbiguousFailures, out var flag)
            || flag;
        if (outcome.Result is { } response)
        {
            var status = (int)response.StatusCode;
            if (status is 429 or 503 or 408)
            {
                // The provider did not act on the request; waiting longer than configured is the caller's decision.
                return RetryAfterOf(response, time) is not { } wait || wait <= options.MaxRetryAfter;
            }

            return status >= 500 && retryAmbiguous;
        }

        return outcome.Exception switch
        {
            TimeoutRejectedException => retryAmbiguous,
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => true,
            HttpRequestException or IOException => retryAmbiguous,
            _ => false,
        };
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provider call {Method} {Path} failed (status {Status}, exception {Exception}); retry {Retry} in {Delay}.")]
    private static partial void LogRetry(ILogger logger, string? method, string? path, int? status, string? exception, int retry, TimeSpan delay);

    /// <summary>
    /// Inside each attempt: reads a small JSON body whole when the request asks for it, so a stalled body falls under the
    /// attempt timeout and is retried like a stalled response. (The resilience library hands a response on as soon as its
    /// headers arrive.)
    /// </summary>
    private sealed class ResponseBufferingHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (request.Options.TryGetValue(ProviderRequestPolicy.BufferResponse, out var buffer) && buffer)
            {
                try
                {
                    await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or IOException)
                {
                    response.Dispose();
                    throw;
                }
            }

            return response;
        }
    }
}
