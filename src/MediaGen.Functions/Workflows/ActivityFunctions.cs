using MediaGen.Workflows.Activities;
using MediaGen.Workflows.Payloads;

namespace MediaGen.Functions.Workflows;

/// <summary>
/// The activities as Durable Functions, each named like its class and run as that class resolved from the invocation's
/// services. The Durable extension converts the trigger input with its <c>DataConverter</c> and binds
/// <c>instanceId</c> to the calling orchestration's id.
/// </summary>
public static class ActivityFunctions
{
    /// <summary>Runs <see cref="GenerateActivity"/>.</summary>
    [Function(nameof(GenerateActivity))]
    public static Task<GenerateOutput> Generate([ActivityTrigger] GenerateInput input, string instanceId, FunctionContext executionContext) =>
        FunctionActivity.RunAsync<GenerateActivity, GenerateInput, GenerateOutput>(input, instanceId, executionContext);

    /// <summary>Runs <see cref="CopyMediaActivity"/>.</summary>
    [Function(nameof(CopyMediaActivity))]
    public static Task<CopyOutput> CopyMedia([ActivityTrigger] CopyInput input, string instanceId, FunctionContext executionContext) =>
        FunctionActivity.RunAsync<CopyMediaActivity, CopyInput, CopyOutput>(input, instanceId, executionContext);

    /// <summary>Runs <see cref="PixazoSubmitActivity"/>.</summary>
    [Function(nameof(PixazoSubmitActivity))]
    public static Task<PixazoSubmitOutput> PixazoSubmit([ActivityTrigger] PixazoSubmitInput input, string instanceId, FunctionContext executionContext) =>
        FunctionActivity.RunAsync<PixazoSubmitActivity, PixazoSubmitInput, PixazoSubmitOutput>(input, instanceId, executionContext);

    /// <summary>Runs <see cref="PixazoPollActivity"/>.</summary>
    [Function(nameof(PixazoPollActivity))]
    public static Task<PixazoPollOutput> PixazoPoll([ActivityTrigger] PixazoPollInput input, string instanceId, FunctionContext executionContext) =>
        FunctionActivity.RunAsync<PixazoPollActivity, PixazoPollInput, PixazoPollOutput>(input, instanceId, executionContext);

    /// <summary>Runs <see cref="PublishResultActivity"/>.</summary>
    [Function(nameof(PublishResultActivity))]
    public static Task<DeliveryOutput> PublishResult([ActivityTrigger] PublishInput input, string instanceId, FunctionContext executionContext) =>
        FunctionActivity.RunAsync<PublishResultActivity, PublishInput, DeliveryOutput>(input, instanceId, executionContext);

    /// <summary>Runs <see cref="SendCallbackActivity"/>.</summary>
    [Function(nameof(SendCallbackActivity))]
    public static Task<DeliveryOutput> SendCallback([ActivityTrigger] CallbackInput input, string instanceId, FunctionContext executionContext) =>
        FunctionActivity.RunAsync<SendCallbackActivity, CallbackInput, DeliveryOutput>(input, instanceId, executionContext);

    /// <summary>Runs <see cref="SettleBudgetActivity"/>.</summary>
    [Function(nameof(SettleBudgetActivity))]
    public static Task<bool> SettleBudget([ActivityTrigger] BudgetSettlement input, string instanceId, FunctionContext executionContext) =>
        FunctionActivity.RunAsync<SettleBudgetActivity, BudgetSettlement, bool>(input, instanceId, executionContext);
}
