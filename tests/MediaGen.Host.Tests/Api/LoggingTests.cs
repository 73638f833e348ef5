using MediaGen.Core.Jobs;

namespace MediaGen.Host.Tests.Api;

[Collection(HostCollection.Name)]
public sealed class LoggingTests(HostEnvironment env)
{
    [Fact]
    public async Task Logs_WebhookSecretAndApiKeyInQueries_AreNeverWritten()
    {
        var logs = new CapturingLoggerProvider();
        await using var host = await env.StartHostAsync(
            overrides: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace" },
            configureServices: logs.Install());

        var accepted = await host.StartJobAsync("""{"kind":"image","provider":"pixazo","params":{"prompt":"quiet logs"}}""");
        var job = await host.WaitForJobAsync(accepted.Id);
        await host.Anonymous.GetStringAsync(new Uri("/api/jobs?code=" + HostEnvironment.ApiKey, UriKind.Relative));

        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.True(job.Progress!.Value.GetProperty("webhooks").GetInt32() >= 1, "the webhook came in: " + JsonSerializer.Serialize(job.Progress));
        var secret = accepted.PixazoWebhookUri!.Query["?secret=".Length..];
        Assert.Contains(logs.Lines, line => line.Contains($"/api/webhooks/pixazo/{accepted.Id} -> 200", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(HostEnvironment.ApiKey, StringComparison.Ordinal));
    }
}
