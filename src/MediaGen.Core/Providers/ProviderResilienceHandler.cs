using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace MediaGen.Core.Providers;

/// <summary>
/// The resilience of every provider client, built once on Polly.Core: a per-attempt timeout (taken from the
/// request, so each call can have its own) inside retries on 429, 408, 5xx, timeouts and connection failures,
/// honouring <c>Retry-After</c>. 400/401/402/403 and other 4xx are never retried.
/// </summary>
public sealed partial class ProviderResilienceHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("MediaGen.Providers.Request");

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly ProviderResilienceOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Creates the handler from the shared <see cref="ProviderResilienceOptions"/>.</summary>
    public ProviderResilienceHandler(IOptions<ProviderResilienceOptions> options, TimeProvider timeProvider, ILogger<ProviderResilienceHandler>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _pipeline = BuildPipeline();
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        try
        {
            return await _pipeline.ExecuteAsync(
                static (ctx, state) => state.handler.SendAttemptAsync(state.request, ctx.CancellationToken),
                context,
                (handler: this, request)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
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

    private ResiliencePipeline<HttpResponseMessage> BuildPipeline()
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _timeProvider };
        if (_options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = _options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.BaseDelay,
                MaxDelay = _options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfterOf(response) : null),
                OnRetry = args =>
                {
                    var request = args.Context.Properties.GetValue(RequestKey, null!);
                    LogRetry(
                        _logger,
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

        builder.AddTimeout(new TimeoutStrategyOptions
        {
            TimeoutGenerator = args =>
                args.Context.Properties.TryGetValue(RequestKey, out var request)
                && request.Options.TryGetValue(ProviderRequestPolicy.AttemptTimeout, out var timeout)
                    ? ValueTask.FromResult(timeout)
                    : ValueTask.FromResult(Timeout.InfiniteTimeSpan),
        });
        return builder.Build();
    }

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        var retryAmbiguous = !context.Properties.TryGetValue(RequestKey, out var request)
            || !request.Options.TryGetValue(ProviderRequestPolicy.RetryAmbiguousFailures, out var flag)
            || flag;
        if (outcome.Result is { } response)
        {
            var status = (int)response.StatusCode;
            if (status is 429 or 503 or 408)
            {
                // The provider did not act on the request; waiting longer than configured is the caller's decision.
                return RetryAfterOf(response) is not { } wait || wait <= _options.MaxRetryAfter;
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

    private TimeSpan? RetryAfterOf(HttpResponseMessage response) => RetryAfterOf(response, _timeProvider);

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

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provider call {Method} {Path} failed (status {Status}, exception {Exception}); retry {Retry} in {Delay}.")]
    private static partial void LogRetry(ILogger logger, string? method, string? path, int? status, string? exception, int retry, TimeSpan delay);
}
