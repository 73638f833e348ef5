using Microsoft.DurableTask;

namespace MediaGen.Engine.Tests.Workflows;

/// <summary>Returns the id of the scoped dependency it was given.</summary>
public sealed class ScopeProbe(ScopedDependency dependency) : TaskActivity<string?, Guid>
{
    /// <inheritdoc />
    public override Task<Guid> RunAsync(TaskActivityContext context, string? input) => Task.FromResult(dependency.Id);
}
