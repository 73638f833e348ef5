using MediaGen.StandInHost.Extensions;

namespace MediaGen.StandInHost.Tests.Http;

/// <summary>
/// The front door serves the app's HTTP functions over loopback: a request is routed by the metadata's templates and methods
/// under the route prefix, handed with its route values to the function's WebJobs function, and answered with what the
/// worker side wrote (a scripted worker here). <c>/runtime/webhooks/&lt;extension&gt;</c> reaches the extension's own handler:
/// Event Grid's events for a blob trigger with the Event Grid source.
/// </summary>
public sealed class FrontDoorTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Get_RouteOfAnHttpFunction_AnswersWhatTheWorkerWroteWithTheRouteValues()
    {
        var worker = new ScriptedWorker();
        worker.AnswerAsync("GetJob", async invocation =>
        {
            await invocation.Http!.Response.WriteAsync("job " + ((BindingValue.Text)invocation.TriggerMetadata["id"]).Value);
            return ScriptedWorker.Success();
        });

        var (status, body) = await SendAsync(worker, HttpMethod.Get, "api/jobs/abc-1");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("job abc-1", body);
        Assert.Contains(worker.Of("GetJob").Single().Inputs, i => i.Name == "client");
    }

    [Fact]
    public async Task Get_UnknownRoute_Answers404NamingIt()
    {
        var worker = new ScriptedWorker();

        var (status, body) = await SendAsync(worker, HttpMethod.Get, "api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("GET /api/nothing-here", body, StringComparison.Ordinal);
        Assert.Empty(worker.Invocations);
    }

    [Fact]
    public async Task Delete_RouteWithoutThatMethod_Answers404()
    {
        var (status, _) = await SendAsync(new ScriptedWorker(), HttpMethod.Delete, "api/jobs/abc");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Post_FunctionTheWorkerFailed_Answers500()
    {
        var worker = new ScriptedWorker();
        worker.Answer("StartJob", _ => ScriptedWorker.Failure("boom"));

        var (status, _) = await SendAsync(worker, HttpMethod.Post, "api/jobs");

        Assert.Equal(HttpStatusCode.InternalServerError, status);
    }

    [Fact]
    public async Task Get_DisabledFunction_Answers404()
    {
        var worker = new ScriptedWorker();

        var (status, _) = await SendAsync(worker, HttpMethod.Get, "api/health", new Dictionary<string, string> { ["AzureWebJobs.Health.Disabled"] = "true" });

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Empty(worker.Invocations);
    }

    [Fact]
    public async Task Post_EventGridBlobCreatedToTheBlobsWebhook_RunsTheEventGridBlobTriggerOnThatBlob()
    {
        // As Azure's Event Grid subscription delivers it (infra/main.bicep): /runtime/webhooks/blobs?functionName=Host.Functions.BlobInbox,
        // with the inbox functions switched as the template switches them.
        var worker = new ScriptedWorker();
        using var settings = RunSettings.Create(azurite.ConnectionString, new Dictionary<string, string>
        {
            ["AzureWebJobs.BlobInbox.Disabled"] = "false",
            ["AzureWebJobs.BlobInboxPolling.Disabled"] = "true",
        });
        using var host = WebJobsSideHost.Build(settings, worker, new CapturedLogs());
        await host.StartAsync();
        try
        {
            var inbox = new BlobContainerClient(azurite.ConnectionString, settings.Value("BlobInboxContainerName"));
            await inbox.CreateIfNotExistsAsync();
            var blob = inbox.GetBlobClient($"spec-{Guid.NewGuid():N}.json");
            var uploaded = await blob.UploadAsync(BinaryData.FromString("{}"));
            using var http = new HttpClient { BaseAddress = host.Services.GetRequiredService<FrontDoorAddress>().BaseUri };
            using var notification = new HttpRequestMessage(HttpMethod.Post, "runtime/webhooks/blobs?functionName=Host.Functions.BlobInbox")
            {
                Content = new StringContent(EventGridEvents.BlobCreated(blob.Uri, uploaded.Value.ETag.ToString()), Encoding.UTF8, "application/json"),
            };
            notification.Headers.Add(EventGridEvents.EventTypeHeader, "Notification");

            using var response = await http.SendAsync(notification);

            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            await worker.WaitForAsync(i => i.Any(x => x.FunctionName == "BlobInbox"), "BlobInbox invocation");
            var trigger = Assert.IsType<BindingValue.ModelBindingData>(worker.Of("BlobInbox").Single().Inputs[0].Value);
            Assert.Contains(blob.Name, Encoding.UTF8.GetString(trigger.Content.Span), StringComparison.Ordinal);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Post_EventGridSubscriptionValidationToTheBlobsWebhook_AnswersTheValidationCode()
    {
        var (status, body) = await SendAsync(new ScriptedWorker(), HttpMethod.Post, "runtime/webhooks/blobs?functionName=Host.Functions.BlobInbox",
            content: """[{"eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","data":{"validationCode":"code-123"}}]""", eventType: "SubscriptionValidation");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("code-123", JsonDocument.Parse(body).RootElement.GetProperty("validationResponse").GetString());
    }

    [Fact]
    public async Task Post_WebhookOfNoExtension_Answers404NamingIt()
    {
        var (status, body) = await SendAsync(new ScriptedWorker(), HttpMethod.Post, "runtime/webhooks/nothing");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("'nothing'", body, StringComparison.Ordinal);
    }

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(
        ScriptedWorker worker, HttpMethod method, string path, IReadOnlyDictionary<string, string>? values = null, string content = "{}", string? eventType = null)
    {
        using var settings = RunSettings.Create(azurite.ConnectionString, values);
        using var host = WebJobsSideHost.Build(settings, worker, new CapturedLogs());
        await host.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = host.Services.GetRequiredService<FrontDoorAddress>().BaseUri };
            using var request = new HttpRequestMessage(method, path) { Content = method == HttpMethod.Get ? null : new StringContent(content) };
            if (eventType is not null)
            {
                request.Headers.Add(EventGridEvents.EventTypeHeader, eventType);
            }

            using var response = await http.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
