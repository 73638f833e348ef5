using MediaGen.Simulator;

namespace MediaGen.Parity.Tests.Deployment;

/// <summary>
/// A first deployment of the Functions app under the stand-in host: secrets that are App Service Key Vault references the
/// platform has not resolved (their literal text) or are missing. The worker passes its start-up validation (the host
/// reaches <c>ready:</c>), readiness names each such setting, work that needs one fails <c>not_configured</c> without
/// buying anything, the rest works through the Durable extension, and a restart with the secret resolved works fully.
/// </summary>
public sealed class UnresolvedSecretsTests(DeploymentFixture fixture) : IClassFixture<DeploymentFixture>
{
    [Theory]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://mediagen-kv.vault.azure.net/secrets/pixazo-subscription-key/)")]
    [InlineData(null)]
    public async Task Start_PixazoKeyUnresolvedOrMissing_ReadyNamesItPixazoJobFailsNotConfiguredCosmicJobCompletes(string? pixazoKey)
    {
        var hub = DeploymentFixture.NewHub();
        var prompt = "unresolved pixazo " + Guid.NewGuid().ToString("N");
        await using (var app = await fixture.StartAsync(hub, new Dictionary<string, string?> { ["Pixazo:SubscriptionKey"] = pixazoKey }))
        {
            Assert.Equal(["Pixazo__SubscriptionKey"], await NotConfiguredAsync(app));

            var pixazo = await StartAsync(app, $$$"""{"kind":"image","provider":"pixazo","params":{"prompt":"{{{prompt}}}"}}""");
            var cosmic = await StartAsync(app, """{"kind":"image","provider":"cosmic","params":{"prompt":"a heron in fog"}}""");

            var failed = await EndedAsync(app, pixazo);
            Assert.Equal(("Failed", "not_configured"), (failed.GetProperty("status").GetString(), failed.GetProperty("error").GetProperty("type").GetString()));
            Assert.Contains("Pixazo__SubscriptionKey", failed.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Equal(0, (await fixture.Simulator.GetRequestsAsync()).CountOf(SimulatorEndpoints.PixazoTextToImage, prompt));
            Assert.Equal("Completed", (await EndedAsync(app, cosmic)).GetProperty("status").GetString());
        }

        // The platform reads Key Vault references again when the app restarts: with the secret resolved, all is well.
        await using var resolved = await fixture.StartAsync(hub);
        await ReadyAsync(resolved);
        var again = await StartAsync(resolved, $$$"""{"kind":"image","provider":"pixazo","params":{"prompt":"{{{prompt}}}"}}""");
        Assert.Equal("Completed", (await EndedAsync(resolved, again)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Start_SigningAndCosmicKeysUnresolved_ReadyNamesThemRoutesNeedingThemAnswer503AndCometWorks()
    {
        await using var app = await fixture.StartAsync(DeploymentFixture.NewHub(), new Dictionary<string, string?>
        {
            ["Cosmic:WriteKey"] = "@Microsoft.KeyVault(VaultName=mediagen-kv;SecretName=cosmic-write-key)",
            ["Callbacks:SigningKey"] = "@Microsoft.KeyVault(VaultName=mediagen-kv;SecretName=callback-signing-key)",
            ["Callbacks:SecondarySigningKey"] = "@Microsoft.KeyVault(VaultName=mediagen-kv;SecretName=callback-next-key)",
            ["Workflows:WebhookSigningKey"] = "@Microsoft.KeyVault(VaultName=mediagen-kv;SecretName=webhook-signing-key)",
        });

        Assert.Equal(["Callbacks__SecondarySigningKey", "Callbacks__SigningKey", "Cosmic__WriteKey", "Workflows__WebhookSigningKey"], await NotConfiguredAsync(app));

        var stream = Problem(await app.SendAsync(Keyed(ParityRequest.Post("/api/text/stream", """{"prompt":"Tell me about foxes"}"""))));
        Assert.Equal("not_configured", stream.GetProperty("error_type").GetString());
        Assert.Contains("Cosmic__WriteKey", stream.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var prompt = "callback " + Guid.NewGuid().ToString("N");
        var callback = Problem(await app.SendAsync(Keyed(ParityRequest.Post("/api/jobs",
            $$$"""{"kind":"image","provider":"comet","params":{"prompt":"{{{prompt}}}"},"callbackUrl":"http://127.0.0.1:9/hook"}"""))));
        Assert.Equal(["Callbacks__SigningKey"], callback.GetProperty("settings").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, (await fixture.Simulator.GetRequestsAsync()).CountOf(SimulatorEndpoints.CometImages, prompt));

        var comet = await StartAsync(app, """{"kind":"image","provider":"comet","params":{"prompt":"a lighthouse"}}""");
        Assert.Equal("Completed", (await EndedAsync(app, comet)).GetProperty("status").GetString());
    }

    private static ParityRequest Keyed(ParityRequest request) => request.WithKey(DeploymentFixture.ApiKey);

    private static async Task<string> StartAsync(FunctionsHostApp app, string json)
    {
        var answer = await app.SendAsync(Keyed(ParityRequest.Post("/api/jobs", json)));
        Assert.True(answer.Status == 202, answer.ToString());
        return answer.Json.GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> EndedAsync(FunctionsHostApp app, string id)
    {
        using var guard = new CancellationTokenSource(Waits.HangGuard);
        // The Durable extension's own client (gRPC, as the worker's): the job has ended when its instance has.
        await app.Client.WaitForInstanceCompletionAsync(id, false, guard.Token);
        var answer = await app.SendAsync(Keyed(ParityRequest.Get($"/api/jobs/{id}")));
        Assert.Equal(200, answer.Status);
        return answer.Json;
    }

    /// <summary>The settings readiness names once storage and the task hub are ready (the engine creates the hub after start-up).</summary>
    private static async Task<IReadOnlyList<string?>> NotConfiguredAsync(FunctionsHostApp app)
    {
        var problem = await Waits.ForAsync<HttpAnswer>(
            async () =>
            {
                var answer = await app.SendAsync(ParityRequest.Get("/api/health/ready").WithoutKey());
                Assert.Equal(503, answer.Status);
                Assert.DoesNotContain("vault.azure.net", answer.Body, StringComparison.Ordinal);
                Assert.DoesNotContain("SecretName=", answer.Body, StringComparison.Ordinal);
                return answer.Json.GetProperty("checks").GetProperty("taskHub").GetString() == "Healthy" ? answer : null;
            },
            "the task hub to be ready");
        Assert.Equal("Settings not configured", problem.Json.GetProperty("title").GetString());
        return [.. problem.Json.GetProperty("notConfigured").EnumerateArray().Select(e => e.GetString())];
    }

    private static Task ReadyAsync(FunctionsHostApp app) =>
        Waits.UntilAsync(async () => (await app.SendAsync(ParityRequest.Get("/api/health/ready").WithoutKey())).Status == 200, "the app to answer /api/health/ready with 200");

    private static JsonElement Problem(HttpAnswer answer)
    {
        Assert.True(answer.Status == 503, answer.ToString());
        Assert.Equal("application/problem+json", answer.Header("content-type"));
        Assert.DoesNotContain("SecretName=", answer.Body, StringComparison.Ordinal);
        var problem = answer.Json;
        Assert.Equal("not_configured", problem.GetProperty("error_type").GetString());
        return problem;
    }
}
