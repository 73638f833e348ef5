namespace MediaGen.Durable.Tests.Workflows;

internal sealed class EventsOrchestrator : TaskOrchestrator<string?, int[]>
{
    public override async Task<int[]> RunAsync(TaskOrchestrationContext context, string? input)
    {
        await context.WaitForExternalEvent<string>("go");
        var items = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            items.Add(await context.WaitForExternalEvent<int>("item"));
        }

        return [.. items];
    }
}

internal sealed class TimeoutOrchestrator : TaskOrchestrator<TimeSpan, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, TimeSpan input)
    {
        context.SetCustomStatus("waiting");
        try
        {
            return await context.WaitForExternalEvent<string>("answer", input);
        }
        catch (TaskCanceledException)
        {
            return "timeout";
        }
    }
}

internal sealed class StatusOrchestrator : TaskOrchestrator<string?, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string? input)
    {
        context.SetCustomStatus(new StepStatus(1));
        var value = await context.WaitForExternalEvent<string>("continue");
        context.SetCustomStatus(new StepStatus(2));
        return value;
    }
}

internal sealed record StepStatus(int Step);

internal sealed record CounterState(int Count, int Target);

internal sealed class CounterOrchestrator : TaskOrchestrator<CounterState, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, CounterState input)
    {
        var next = await context.CallActivityAsync<int>(nameof(AddOne), input.Count);
        if (next < input.Target)
        {
            context.ContinueAsNew(input with { Count = next });
        }

        return next;
    }
}

internal sealed class CarryEventsOrchestrator : TaskOrchestrator<int, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, int input)
    {
        if (input == 0)
        {
            await context.WaitForExternalEvent<string>("first");
            context.ContinueAsNew(1, preserveUnprocessedEvents: true);
            return "";
        }

        return await context.WaitForExternalEvent<string>("second");
    }
}

internal sealed class ParentOrchestrator : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        var child = await context.CallSubOrchestratorAsync<string>(
            nameof(HelloSequence), new[] { input }, new SubOrchestrationOptions(instanceId: context.InstanceId + "-child"));
        return "parent got " + child;
    }
}

internal sealed class FailingParent : TaskOrchestrator<string, TaskFailureDetails?>
{
    public override async Task<TaskFailureDetails?> RunAsync(TaskOrchestrationContext context, string input)
    {
        try
        {
            await context.CallSubOrchestratorAsync<string>(nameof(UncaughtOrchestrator), input);
            return null;
        }
        catch (TaskFailedException ex)
        {
            return ex.FailureDetails;
        }
    }
}

/// <summary>Version 1 of a workflow that changes while an instance is in flight.</summary>
internal sealed class EvolvingV1 : TaskOrchestrator<string?, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string? input)
    {
        await context.CallActivityAsync<string>(nameof(SayHello), "a");
        context.SetCustomStatus("waiting");
        return await context.WaitForExternalEvent<string>("go");
    }
}

/// <summary>Version 2: calls a different activity first, so version 1's history no longer matches.</summary>
internal sealed class EvolvingV2 : TaskOrchestrator<string?, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string? input)
    {
        await context.CallActivityAsync<string>(nameof(Echo), "a");
        return await context.WaitForExternalEvent<string>("go");
    }
}
