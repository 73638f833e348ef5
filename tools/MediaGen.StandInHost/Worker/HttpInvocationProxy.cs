using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http.Features;

namespace MediaGen.StandInHost.Worker;

/// <summary>
/// An HTTP invocation as the Functions host runs it for a worker with the ASP.NET Core integration (it advertises
/// <c>HttpUri</c>): the incoming request is forwarded to the worker's own endpoint with <c>x-ms-invocation-id</c>, and the
/// invocation request (the trigger as an empty <c>RpcHttp</c>) is sent once forwarding has begun; the worker pairs the
/// two by the id, runs the function in its ASP.NET Core pipeline, and its response (status, headers, body streamed and
/// flushed as it comes, so server-sent events stream) is copied to the incoming request's response as is.
/// </summary>
internal sealed partial class HttpInvocationProxy : IDisposable
{
    private const string InvocationIdHeader = "x-ms-invocation-id";
    private const int ConnectAttempts = 5;

    // Hop-by-hop headers (RFC 9110 §7.6.1) and Host: they describe one connection, not the message.
    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate", "Proxy-Authorization", "TE", "Trailer",
        "Transfer-Encoding", "Upgrade", "Host", InvocationIdHeader,
    };

    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private readonly ILogger _logger;

    public HttpInvocationProxy(ILogger logger) => _logger = logger;

    /// <summary>Runs <paramref name="invocation"/> (its <see cref="FunctionInvocation.Http"/> set) through <paramref name="worker"/>'s endpoint.</summary>
    public async Task<InvocationOutcome> InvokeAsync(
        WorkerInstance worker, IndexedFunction function, FunctionInvocation invocation,
        Func<InvocationRequest, Task<InvocationOutcome>> invoke, CancellationToken cancellationToken)
    {
        var context = invocation.Http!;
        var target = worker.HttpUri ?? throw new InvalidOperationException(
            $"Worker process {worker.Process.Id} advertised no HttpUri: HTTP functions need the worker's ASP.NET Core integration (ConfigureFunctionsWebApplication).");
        var trigger = function.HttpTriggerBinding is { } name && invocation.Inputs.All(i => i.Name != name)
            ? new[] { new ParameterBinding { Name = name, Data = new TypedData { Http = new RpcHttp() } } }
            : [];
        var request = TypedDataConversion.Request(function.Metadata.FunctionId, invocation, trigger);

        using var forwardingCanceled = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.RequestAborted);
        var forwarding = ForwardAsync(target, invocation.InvocationId, context, forwardingCanceled.Token);
        InvocationOutcome outcome;
        try
        {
            outcome = await invoke(request).ConfigureAwait(false);
        }
        catch
        {
            await forwardingCanceled.CancelAsync().ConfigureAwait(false);
            await forwarding.ConfigureAwait(false);
            throw;
        }

        var forwardingError = await forwarding.ConfigureAwait(false);
        return forwardingError is null || !outcome.Succeeded
            ? outcome
            : outcome with { Succeeded = false, Failure = $"Result: Failure\nException: Forwarding the request to the worker failed: {forwardingError}\nStack: " };
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    /// <returns>Null when the worker's response was copied; else what went wrong.</returns>
    private async Task<string?> ForwardAsync(Uri target, string invocationId, HttpContext context, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await SendAsync(target, invocationId, context, cancellationToken).ConfigureAwait(false);
            await CopyResponseAsync(response, context.Response, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
        {
            LogForwardingFailed(_logger, invocationId, ex.Message);
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status502BadGateway;
            }

            return ex.Message;
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Uri target, string invocationId, HttpContext context, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = Request(target, invocationId, context);
            try
            {
                return await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex) when (attempt < ConnectAttempts && ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
            {
                // Nothing was sent (the body is unread): the worker's endpoint may not be listening yet, as the host's proxy allows for.
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static HttpRequestMessage Request(Uri target, string invocationId, HttpContext context)
    {
        var incoming = context.Request;
        var request = new HttpRequestMessage(new HttpMethod(incoming.Method), new Uri(target, incoming.PathBase.Add(incoming.Path).ToUriComponent() + incoming.QueryString.ToUriComponent()));
        if (HasBody(incoming))
        {
            request.Content = new StreamContent(incoming.Body);
        }

        foreach (var (name, values) in incoming.Headers)
        {
            if (!NotForwarded.Contains(name) && !request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        // What the Functions host's proxy adds, so the worker (its forwarded-headers middleware) sees the original request.
        if (context.Connection.RemoteIpAddress is { } client)
        {
            request.Headers.Remove("X-Forwarded-For");
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", incoming.Headers["X-Forwarded-For"].Append(client.ToString()).Where(v => !string.IsNullOrEmpty(v)).ToArray());
        }

        request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", incoming.Scheme);
        if (incoming.Host.HasValue)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-Host", incoming.Host.Value);
        }

        request.Headers.TryAddWithoutValidation(InvocationIdHeader, invocationId);
        return request;
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0
        || request.Headers.TransferEncoding.Count > 0
        || (request.ContentLength is null && request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true);

    private static async Task CopyResponseAsync(HttpResponseMessage response, HttpResponse outgoing, CancellationToken cancellationToken)
    {
        outgoing.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!NotForwarded.Contains(name))
            {
                outgoing.Headers[name] = values.ToArray();
            }
        }

        outgoing.HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                await outgoing.Body.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                await outgoing.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forwarding the request of invocation {InvocationId} to the worker failed: {Reason}")]
    private static partial void LogForwardingFailed(ILogger logger, string invocationId, string reason);
}
