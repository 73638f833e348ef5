using MediaGen.Workflows.Activities;
using MediaGen.Workflows.Payloads;
using Microsoft.DurableTask;
using MediaGen.Functions.Durable;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGen.Functions.Workflows;

/// <summary>
/// The activities as Durable Functions: each resolves the same activity class the standalone runtime runs (with its
/// dependencies from DI). <c>instanceId</c> is bound by the Durable extension to the calling orchestration's id.
/// </summary>
public sealed class ActivityFunctions(IServiceProvider services)
{
    [Function(nameof(GenerateActivity))]
    public Task<GenerateOutput> Generate([ActivityTrigger] GenerateInput input, string instanceId) =>
        Run<GenerateActivity, GenerateInput, GenerateOutput>(input, instanceId);

    [Function(nameof(CopyMediaActivity))]
    public Task<CopyOutput> CopyMedia([ActivityTrigger] CopyInput input, string instanceId) =>
        Run<CopyMediaActivity, CopyInput, CopyOutput>(input, instanceId);

    [Function(nameof(PixazoSubmitActivity))]
    public Task<PixazoSubmitOutput> PixazoSubmit([ActivityTrigger] PixazoSubmitInput input, string instanceId) =>
        Run<PixazoSubmitActivity, PixazoSubmitInput, PixazoSubmitOutput>(input, instanceId);

    [Function(nameof(PixazoPollActivity))]
    public Task<PixazoPollOutput> PixazoPoll([ActivityTrigger] string requestId, string instanceId) =>
        Run<PixazoPollActivity, string, PixazoPollOutput>(requestId, instanceId);

    [Function(nameof(PublishResultActivity))]
    public Task<bool> PublishResult([ActivityTrigger] JobNotification input, string instanceId) =>
        Run<PublishResultActivity, JobNotification, bool>(input, instanceId);

    [Function(nameof(SendCallbackActivity))]
    public Task<bool> SendCallback([ActivityTrigger] CallbackInput input, string instanceId) =>
        Run<SendCallbackActivity, CallbackInput, bool>(input, instanceId);

    private Task<TOutput> Run<TActivity, TInput, TOutput>(TInput input, string instanceId)
        where TActivity : TaskActivity<TInput, TOutput> =>
        ActivatorUtilities.CreateInstance<TActivity>(services)
            .RunAsync(new DurableActivityContextAdapter(typeof(TActivity).Name, instanceId), input);
}
