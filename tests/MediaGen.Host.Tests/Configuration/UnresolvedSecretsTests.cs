using MediaGen.Core.Jobs;

namespace MediaGen.Host.Tests.Configuration;

/// <summary>
/// A first deployment: secrets that are App Service Key Vault references the platform has not resolved yet (their literal
/// text) or are missing. The host starts, readiness names each such setting (never a value), work that needs one fails
/// <c>not_configured</c> without buying anything, the rest works, and a restart with the secret resolved works fully.
/// </summary>
[Collection(IntakeCollection.Name)]
public sealed class UnresolvedSecretsTests(HostEnvironment env)
{
    public const string Unresolved = "@Microsoft.KeyVault(SecretUri=https://mediagen-kv.vault.azure.net/secrets/pixazo-subscription-key/)";

    [Theory]
    [InlineData(Unresolved)]
    [InlineData(null)]
    public async Task Start_PixazoKeyUnresolvedOrMissing_ReadyNamesItPixazoJobFailsNotConfiguredCosmicJobCompletes(string? pixazoKey)
    {
        var names = HostNames.Unique();
        var pixazoPrompt = "unresolved pixazo " + Guid.NewGuid().ToString("N");
        await using (var host = await env.StartHostAsync(names, new Dictionary<string, string?> { ["Pixazo:SubscriptionKey"] = pixazoKey }))
        {
            var ready = await NotReadyAsync(host);
            Assert.Equal(["Pixazo__SubscriptionKey"], NotConfigured(ready));
            Assert.DoesNotContain("vault.azure.net", ready.GetRawText(), StringComparison.Ordinal);

            var pixazo = await host.StartJobAsync($$$"""{"kind":"image","provider":"pixazo","params":{"prompt":"{{{pixazoPrompt}}}"}}""");
            var cosmic = await host.StartJobAsync("""{"kind":"image","provider":"cosmic","params":{"prompt":"a heron in fog"}}""");

            var failed = await host.WaitForJobAsync(pixazo.Id);
            Assert.Equal((JobStatus.Failed, "not_configured"), (failed.Status, failed.Error?.Type));
            Assert.Contains("Pixazo__SubscriptionKey", failed.Error!.Message, StringComparison.Ordinal);
            Assert.Equal(0, (await env.Simulator.GetRequestsAsync()).CountOf(SimulatorEndpoints.PixazoTextToImage, pixazoPrompt));
            Assert.Equal(JobStatus.Completed, (await host.WaitForJobAsync(cosmic.Id)).Status);
        }

        // The platform reads Key Vault references again when the app restarts: with the secret resolved, all is well.
        await using var resolved = await env.StartHostAsync(names);
        await Waits.ForAsync(async () =>
        {
            using var response = await resolved.Anonymous.GetAsync(new Uri("/api/health/ready", UriKind.Relative));
            return response.StatusCode == HttpStatusCode.OK ? "ready" : null;
        }, "a ready host");
        var again = await resolved.StartJobAsync($$$"""{"kind":"image","provider":"pixazo","params":{"prompt":"{{{pixazoPrompt}}}"}}""");
        Assert.Equal(JobStatus.Completed, (await resolved.WaitForJobAsync(again.Id)).Status);
    }

    [Fact]
    public async Task Start_SigningAndCosmicKeysUnresolved_ReadyNamesThemRoutesNeedingThemAnswer503AndCometWorks()
    {
        await using var host = await env.StartHostAsync(overrides: new Dictionary<string, string?>
        {
            ["Cosmic:WriteKey"] = "@Microsoft.KeyVault(VaultName=mediagen-kv;SecretName=cosmic-write-key)",
            ["Callbacks:SigningKey"] = "@Microsoft.KeyVault(VaultName=mediagen-kv;SecretName=callback-signing-key)",
            ["Workflows:WebhookSigningKey"] = "@Microsoft.KeyVault(VaultName=mediagen-kv;SecretName=webhook-signing-key)",
        });

        var ready = await NotReadyAsync(host);
        Assert.Equal(["Callbacks__SigningKey", "Cosmic__WriteKey", "Workflows__WebhookSigningKey"], NotConfigured(ready));

        using var stream = await host.PostJsonAsync("/api/text/stream", """{"prompt":"Tell me about foxes"}""");
        var streamProblem = await ProblemAsync(stream, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("not_configured", streamProblem.GetProperty("error_type").GetString());
        Assert.Contains("Cosmic__WriteKey", streamProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var callbackPrompt = "callback " + Guid.NewGuid().ToString("N");
        using var callback = await host.PostJsonAsync("/api/jobs",
            $$$"""{"kind":"image","provider":"comet","params":{"prompt":"{{{callbackPrompt}}}"},"callbackUrl":"http://127.0.0.1:9/hook"}""");
        var callbackProblem = await ProblemAsync(callback, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("not_configured", callbackProblem.GetProperty("error_type").GetString());
        Assert.Equal(["Callbacks__SigningKey"], callbackProblem.GetProperty("settings").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("\"jobs\":[]", await host.Api.GetStringAsync(new Uri("/api/jobs", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal(0, (await env.Simulator.GetRequestsAsync()).CountOf(SimulatorEndpoints.CometImages, callbackPrompt));

        var comet = await host.StartJobAsync("""{"kind":"image","provider":"comet","params":{"prompt":"a lighthouse"}}""");
        Assert.Equal(JobStatus.Completed, (await host.WaitForJobAsync(comet.Id)).Status);
    }

    [Fact]
    public async Task Start_ApiKeyUnresolved_ReadyNamesItKeyedRoutesAnswer503AndTheReferenceTextIsNoKey()
    {
        const string reference = "@Microsoft.KeyVault(VaultName=mediagen-kv;SecretName=api-key)";
        await using var host = await env.StartHostAsync(overrides: new Dictionary<string, string?> { ["Api:Key"] = reference });

        var ready = await NotReadyAsync(host);
        Assert.Equal(["Api__Key"], NotConfigured(ready));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/jobs");
        request.Headers.Add("x-functions-key", reference);
        using var response = await host.Anonymous.SendAsync(request);
        var problem = await ProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("not_configured", problem.GetProperty("error_type").GetString());
        Assert.Equal(["Api__Key"], problem.GetProperty("settings").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.OK, (await host.Anonymous.GetAsync(new Uri("/api/health/live", UriKind.Relative))).StatusCode);
    }

    /// <summary>The readiness problem once storage and the task hub are ready (the engine creates the hub after start-up).</summary>
    private static async Task<JsonElement> NotReadyAsync(TestHost host)
    {
        var body = await Waits.ForAsync(async () =>
        {
            using var response = await host.Anonymous.GetAsync(new Uri("/api/health/ready", UriKind.Relative));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var text = await response.Content.ReadAsStringAsync();
            return JsonDocument.Parse(text).RootElement.GetProperty("checks").GetProperty("taskHub").GetString() == "Healthy" ? text : null;
        }, "storage and task hub ready");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static List<string?> NotConfigured(JsonElement problem)
    {
        Assert.Equal("Settings not configured", problem.GetProperty("title").GetString());
        Assert.Equal("Unhealthy", problem.GetProperty("checks").GetProperty("secrets").GetString());
        return [.. problem.GetProperty("notConfigured").EnumerateArray().Select(e => e.GetString())];
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("vault.azure.net", body, StringComparison.Ordinal);
        Assert.DoesNotContain("SecretName=", body, StringComparison.Ordinal);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
