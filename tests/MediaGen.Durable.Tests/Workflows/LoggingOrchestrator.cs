using Microsoft.Extensions.Logging;

namespace MediaGen.Durable.Tests.Workflows;

internal sealed partial class LoggingOrchestrator : TaskOrchestrator<string?, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string? input)
    {
        var logger = context.CreateReplaySafeLogger<LoggingOrchestrator>();
        for (var step = 1; step <= 3; step++)
        {
            LogStep(logger, context.InstanceId, step);
            await context.CallActivityAsync<string>(nameof(SayHello), "step");
        }

        return "logged";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{InstanceId} step {Step}")]
    private static partial void LogStep(ILogger logger, string instanceId, int step);
}
