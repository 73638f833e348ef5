using MediaGen.StandInHost.Worker;
using Microsoft.Extensions.Options;

namespace MediaGen.StandInHost.Tests.Worker;

/// <summary>Starting and stopping the worker side: a refused start fails with the worker's own message; a stop terminates the worker (<c>WorkerTerminate</c>).</summary>
public sealed class WorkerLifecycleTests : IClassFixture<AzuriteFixture>
{
    private readonly AzuriteFixture _azurite;

    public WorkerLifecycleTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task DisposeAsync_RunningWorker_WorkerExitsOnTerminateAndInvocationsFailAsPlatformFailures()
    {
        var logs = new CapturedLogs();
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Information));
        var options = new FunctionsWorkerOptions { AppDirectory = FunctionsAppOutput.Directory, GracePeriod = Waits.HangGuard };
        foreach (var (name, value) in WorkerAppSettings.FromSample(_azurite.ConnectionString, "shutdown-test-key-0123456789", ReceivedWebhook.NewSecret(), new Uri("http://127.0.0.1:9/")))
        {
            options.Environment[name] = value;
        }

        var supervisor = new WorkerSupervisor(Options.Create(options), loggerFactory);
        await supervisor.StartAsync();
        using var worker = Process.GetProcessById(supervisor.ProcessId!.Value);

        await supervisor.DisposeAsync().AsTask().WaitAsync(Waits.HangGuard);

        Assert.True(worker.HasExited);
        Assert.DoesNotContain(logs.Snapshot(), e => e.Message.Contains("did not stop on WorkerTerminate", StringComparison.Ordinal));
        await Assert.ThrowsAsync<WorkerProcessExitException>(() => supervisor.InvokeAsync(
            new FunctionInvocation("HealthLive", Guid.NewGuid().ToString(), [], new Dictionary<string, BindingValue>()), CancellationToken.None).WaitAsync(Waits.HangGuard));
    }

    [Fact]
    public async Task StartAsync_SettingTheAppRefuses_ThrowsWithTheWorkersOwnMessage()
    {
        using var loggerFactory = LoggerFactory.Create(_ => { });
        var options = new FunctionsWorkerOptions { AppDirectory = FunctionsAppOutput.Directory, MaxConsecutiveStartFailures = 1 };
        foreach (var (name, value) in WorkerAppSettings.FromSample(_azurite.ConnectionString, "", ReceivedWebhook.NewSecret(), new Uri("http://127.0.0.1:9/")))
        {
            options.Environment[name] = value;
        }

        await using var supervisor = new WorkerSupervisor(Options.Create(options), loggerFactory);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => supervisor.StartAsync().WaitAsync(Waits.HangGuard));

        Assert.Contains("failed to start", error.Message, StringComparison.Ordinal);
        Assert.Contains("Api__Key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoAppDirectory_FailsValidationNamingIt()
    {
        using var loggerFactory = LoggerFactory.Create(_ => { });

        var error = Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(
            () => new WorkerSupervisor(Options.Create(new FunctionsWorkerOptions()), loggerFactory));

        Assert.Contains(nameof(FunctionsWorkerOptions.AppDirectory), error.Message, StringComparison.Ordinal);
    }
}
