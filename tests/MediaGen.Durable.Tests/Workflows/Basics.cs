namespace MediaGen.Durable.Tests.Workflows;

internal sealed class HelloSequence : TaskOrchestrator<string[], string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string[] input)
    {
        var greetings = new List<string>();
        foreach (var city in input)
        {
            greetings.Add(await context.CallActivityAsync<string>(nameof(SayHello), city));
        }

        return string.Join(", ", greetings);
    }
}

internal sealed class CatchingOrchestrator : TaskOrchestrator<string, TaskFailureDetails?>
{
    public override async Task<TaskFailureDetails?> RunAsync(TaskOrchestrationContext context, string input)
    {
        try
        {
            await context.CallActivityAsync<string>(nameof(FailingActivity), input);
            return null;
        }
        catch (TaskFailedException ex)
        {
            return ex.FailureDetails;
        }
    }
}

internal sealed class UncaughtOrchestrator : TaskOrchestrator<string, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, string input) =>
        context.CallActivityAsync<string>(nameof(FailingActivity), input);
}

internal sealed record RetryInput(string Key, int MaxAttempts, TimeSpan FirstRetry, bool RetryOnlyInvalidOperation);

internal sealed class RetryOrchestrator : TaskOrchestrator<RetryInput, int>
{
    public override Task<int> RunAsync(TaskOrchestrationContext context, RetryInput input)
    {
        var policy = new RetryPolicy(input.MaxAttempts, input.FirstRetry, backoffCoefficient: 2, maxRetryInterval: input.FirstRetry * 10)
        {
            HandleFailure = failure => !input.RetryOnlyInvalidOperation || failure.IsCausedBy<InvalidOperationException>(),
        };
        return context.CallActivityAsync<int>(nameof(FlakyActivity), input.Key, TaskOptions.FromRetryPolicy(policy));
    }
}

internal sealed class TimerOrchestrator : TaskOrchestrator<TimeSpan, TimeSpan>
{
    public override async Task<TimeSpan> RunAsync(TaskOrchestrationContext context, TimeSpan input)
    {
        var start = context.CurrentUtcDateTime;
        await context.CreateTimer(input, CancellationToken.None);
        return context.CurrentUtcDateTime - start;
    }
}

internal sealed class GuidOrchestrator : TaskOrchestrator<string?, bool>
{
    public override async Task<bool> RunAsync(TaskOrchestrationContext context, string? input)
    {
        var first = context.NewGuid();
        var echoed = await context.CallActivityAsync<string>(nameof(Echo), first.ToString());
        var second = context.NewGuid();
        return echoed == first.ToString() && first != second;
    }
}

internal sealed class EchoOrchestrator : TaskOrchestrator<string, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, string input) =>
        context.CallActivityAsync<string>(nameof(Echo), input);
}

internal sealed class FanOutOrchestrator : TaskOrchestrator<int, long>
{
    public override async Task<long> RunAsync(TaskOrchestrationContext context, int input)
    {
        var squares = await Task.WhenAll(Enumerable.Range(1, input).Select(i => context.CallActivityAsync<int>(nameof(Square), i)));
        return squares.Sum(s => (long)s);
    }
}
