namespace MediaGen.StandInHost.Tests.Worker;

/// <summary>Invocations sent to the real worker over the protocol, with typed data in and out.</summary>
[Collection(WorkerCollection.Name)]
public sealed class WorkerInvocationTests(WorkerFixture fixture)
{
    [Fact]
    public async Task InvokeAsync_ActivityWithJsonInput_RunsInTheWorkerAndReturnsItsJsonResult()
    {
        var received = new TaskCompletionSource<ReceivedWebhook>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var receiver = await LoopbackHttpServer.StartAsync(async context =>
        {
            received.TrySetResult(await ReceivedWebhook.ReadAsync(context.Request));
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        });
        var deliveryId = "dlv-" + Guid.NewGuid().ToString("N");

        var outcome = await fixture.Supervisor.InvokeAsync(CallbackActivity.Invocation(receiver.BaseAddress, deliveryId, "job-activity"), CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Failure);
        var result = Assert.IsType<BindingValue.Json>(outcome.ReturnValue);
        using (var output = JsonDocument.Parse(result.Value))
        {
            Assert.False(output.RootElement.TryGetProperty("failure", out var failure) && failure.ValueKind != JsonValueKind.Null, result.Value);
        }

        var webhook = await received.Task.WaitAsync(Waits.HangGuard);
        Assert.Equal(deliveryId, webhook.Id);
        Assert.Null(webhook.Verify(fixture.CallbackSigningKey));
        Assert.Contains("job-activity", System.Text.Encoding.UTF8.GetString(webhook.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_WorkerLogsDuringInvocation_ReachTheHostLogWithCategoryAndLevel()
    {
        await using var receiver = await LoopbackHttpServer.StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
        var deliveryId = "dlv-" + Guid.NewGuid().ToString("N");

        var outcome = await fixture.Supervisor.InvokeAsync(CallbackActivity.Invocation(receiver.BaseAddress, deliveryId, "job-logs"), CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Failure);
        var entry = await fixture.Logs.WaitForAsync(e => e.Message.Contains(deliveryId, StringComparison.Ordinal), $"naming delivery {deliveryId}");
        Assert.Equal("MediaGen.Core.Notifications.CallbackSender", entry.Category);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Contains("delivered", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_InputTheFunctionCannotBind_ReturnsTheWorkersFailureInTheHostsFormat()
    {
        var invocation = new FunctionInvocation(
            CallbackActivity.FunctionName,
            Guid.NewGuid().ToString(),
            [new NamedValue("input", new BindingValue.Json("[1, 2, 3]"))],
            new Dictionary<string, BindingValue> { ["instanceId"] = new BindingValue.Text("job-bad-input") });

        var outcome = await fixture.Supervisor.InvokeAsync(invocation, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Null(outcome.ReturnValue);
        Assert.StartsWith("Result: Failure\nException: ", outcome.Failure, StringComparison.Ordinal);
        Assert.Contains("\nStack: ", outcome.Failure, StringComparison.Ordinal);
        Assert.Contains("input", outcome.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_UnknownFunction_ThrowsNamingIt()
    {
        var invocation = new FunctionInvocation("NoSuchFunction", Guid.NewGuid().ToString(), [], new Dictionary<string, BindingValue>());

        var error = await Assert.ThrowsAsync<ArgumentException>(() => fixture.Supervisor.InvokeAsync(invocation, CancellationToken.None));

        Assert.Contains("NoSuchFunction", error.Message, StringComparison.Ordinal);
    }
}
