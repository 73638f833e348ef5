namespace MediaGen.Drives;

/// <summary>
/// Asks the host's readiness route (<c>GET /api/health/ready</c>) twice a second from start to dispose, as a load
/// balancer's probe would, and keeps every answer with when it was asked and answered.
/// </summary>
internal sealed class ReadinessWatch : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<ReadinessProbe> _probes = [];
    private readonly Task _loop;

    private ReadinessWatch(Uri host)
    {
        _http = new HttpClient { BaseAddress = host, Timeout = TimeSpan.FromSeconds(20) };
        _loop = Task.Run(() => LoopAsync(_stop.Token));
    }

    /// <summary>Every probe so far, oldest first.</summary>
    public IReadOnlyList<ReadinessProbe> Probes
    {
        get
        {
            lock (_probes)
            {
                return [.. _probes];
            }
        }
    }

    /// <summary>Starts probing <paramref name="host"/>.</summary>
    public static ReadinessWatch Start(Uri host) => new(host);

    /// <summary>The first probe asked at or after <paramref name="since"/> that answered 200, or null.</summary>
    public ReadinessProbe? FirstReadySince(DateTimeOffset since) => Probes.FirstOrDefault(p => p.Asked >= since && p.Status == 200);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _http.Dispose();
        _stop.Dispose();
    }

    private async Task LoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var asked = DateTimeOffset.UtcNow;
            int? status = null;
            try
            {
                using var response = await _http.GetAsync(new Uri("api/health/ready", UriKind.Relative), stop);
                status = (int)response.StatusCode;
            }
            catch (HttpRequestException)
            {
                // No answer: recorded as such.
            }
            catch (TaskCanceledException) when (!stop.IsCancellationRequested)
            {
                // Timed out: recorded as no answer.
            }

            lock (_probes)
            {
                _probes.Add(new ReadinessProbe(asked, DateTimeOffset.UtcNow, status));
            }

            await Task.Delay(500, stop);
        }
    }
}
