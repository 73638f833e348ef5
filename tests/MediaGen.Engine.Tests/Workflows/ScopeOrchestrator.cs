using Microsoft.DurableTask;

namespace MediaGen.Engine.Tests.Workflows;

/// <summary>Runs <see cref="ScopeProbe"/> twice and returns both dependency ids.</summary>
public sealed class ScopeOrchestrator : TaskOrchestrator<string?, Guid[]>
{
    /// <inheritdoc />
    public override async Task<Guid[]> RunAsync(TaskOrchestrationContext context, string? input) =>
        [await context.CallActivityAsync<Guid>(nameof(ScopeProbe)), await context.CallActivityAsync<Guid>(nameof(ScopeProbe))];
}
