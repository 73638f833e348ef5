using System.Diagnostics;

namespace MediaGen.Workflows.Tests.Unit;

/// <summary>
/// The job's W3C trace context rides in the orchestration input and in every activity input (with the attempt), so an
/// activity's span joins the job's trace in any process, after any replay — with no listener attached in this process.
/// </summary>
public sealed class TraceContextTests : IAsyncLifetime
{
    private WorkflowTestHost _host = null!;

    public async Task InitializeAsync() => _host = await WorkflowTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task StartJob_CallerSpan_EveryActivityInputCarriesItsTraceParentAndTheAttempt()
    {
        _host.Fakes.Generate = (jobId, input, attempt) => attempt == 1
            ? GenerateOutput.Failed(new StepFailure("rate_limited", "429", Retryable: true, RetryAfter: TimeSpan.FromMilliseconds(10), HttpStatus: 429))
            : new GenerateOutput([new MediaToCopy(0, "https://cdn.test/a.png", "image/png", "m1")], [], ProviderId: "m1");
        string traceParent;
        JobStartResult started;
        using (var caller = new Activity("caller").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            traceParent = caller.Id!;
            started = await _host.Starter.StartJobAsync(Requests.CosmicImage(callbackUrl: "https://receiver.example/hooks/mediagen"));
        }

        await _host.CompleteAsync(started.Id);

        var instance = await _host.Client.GetInstanceAsync(started.Id, getInputsAndOutputs: true);
        Assert.Equal(traceParent, instance!.ReadInputAs<JobInput>()!.TraceParent);
        var generates = _host.Fakes.CallsOf(nameof(GenerateActivity), started.Id).Select(c => ((GenerateInput)c.Input!).Trace).ToList();
        Assert.Equal([new StepTrace(traceParent, 1), new StepTrace(traceParent, 2)], generates);
        var copy = Assert.Single(_host.Fakes.CallsOf(nameof(CopyMediaActivity), started.Id));
        Assert.Equal(new StepTrace(traceParent, 1), ((CopyInput)copy.Input!).Trace);
        var callback = Assert.Single(_host.Fakes.CallsOf(nameof(SendCallbackActivity), started.Id));
        Assert.Equal(new StepTrace(traceParent, 1), ((CallbackInput)callback.Input!).Trace);
    }

    [Fact]
    public async Task StartBatch_CallerSpan_EveryItemRunsInTheBatchTrace()
    {
        string traceParent;
        JobStartResult started;
        using (var caller = new Activity("caller").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            traceParent = caller.Id!;
            started = await _host.Starter.StartBatchAsync(new BatchRequest([Requests.CosmicImage("one"), Requests.CosmicImage("two")]));
        }

        await _host.CompleteAsync(started.Id);

        var items = _host.Fakes.CallsOf(nameof(GenerateActivity)).Where(c => c.JobId.StartsWith(started.Id + ".", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, items.Select(c => c.JobId).Distinct().Count());
        Assert.All(items, c => Assert.Equal(traceParent, ((GenerateInput)c.Input!).Trace?.TraceParent));
    }

    [Fact]
    public async Task StartJob_NoCallerSpanNoListener_InputsCarryNoTraceParent()
    {
        Assert.Null(Activity.Current);

        var started = await _host.Starter.StartJobAsync(Requests.CosmicImage());
        await _host.CompleteAsync(started.Id);

        var generate = Assert.Single(_host.Fakes.CallsOf(nameof(GenerateActivity), started.Id));
        Assert.Equal(new StepTrace(null, 1), ((GenerateInput)generate.Input!).Trace);
    }
}
