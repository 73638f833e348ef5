namespace MediaGen.StandInHost.Tests.Worker;

/// <summary>The worker process killed mid-invocation: the invocation fails as a platform failure, a new worker serves the next.</summary>
[Collection(WorkerCollection.Name)]
public sealed class WorkerRestartTests(WorkerFixture fixture)
{
    [Fact]
    public async Task InvokeAsync_WorkerKilledDuringInvocation_FailsItAndANewWorkerServesTheNext()
    {
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answered = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var receiver = await LoopbackHttpServer.StartAsync(async context =>
        {
            var delivery = context.Request.Headers["webhook-id"].ToString();
            if (delivery.StartsWith("held-", StringComparison.Ordinal))
            {
                // Hold the first delivery until the worker that sent it is gone (its connection then drops).
                holding.TrySetResult();
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            }

            answered.TrySetResult(delivery);
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        });
        var killed = fixture.Supervisor.ProcessId ?? throw new InvalidOperationException("No worker is serving.");

        var inFlight = fixture.Supervisor.InvokeAsync(CallbackActivity.Invocation(receiver.BaseAddress, "held-" + Guid.NewGuid().ToString("N"), "job-killed"), CancellationToken.None);
        await holding.Task.WaitAsync(Waits.HangGuard);
        using (var worker = Process.GetProcessById(killed))
        {
            worker.Kill();
        }

        var lost = await Assert.ThrowsAsync<WorkerProcessExitException>(() => inFlight.WaitAsync(Waits.HangGuard));
        var next = await fixture.Supervisor.InvokeAsync(CallbackActivity.Invocation(receiver.BaseAddress, "next-" + Guid.NewGuid().ToString("N"), "job-next"), CancellationToken.None)
            .WaitAsync(Waits.HangGuard);

        Assert.Contains(killed.ToString(System.Globalization.CultureInfo.InvariantCulture), lost.Message, StringComparison.Ordinal);
        Assert.True(next.Succeeded, next.Failure);
        Assert.StartsWith("next-", await answered.Task.WaitAsync(Waits.HangGuard), StringComparison.Ordinal);
        Assert.NotNull(fixture.Supervisor.ProcessId);
        Assert.NotEqual(killed, fixture.Supervisor.ProcessId);
        Assert.Contains(fixture.Logs.Snapshot(), e => e.Level == LogLevel.Error && e.Message.Contains($"Worker process {killed} was lost", StringComparison.Ordinal));
    }
}
