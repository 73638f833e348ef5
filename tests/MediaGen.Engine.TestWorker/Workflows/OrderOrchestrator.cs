namespace MediaGen.Engine.TestWorker.Workflows;

/// <summary>Takes a typed <see cref="Order"/> input (a test gives it one that cannot be read) and returns its quantity.</summary>
public sealed class OrderOrchestrator : TaskOrchestrator<Order, int>
{
    /// <inheritdoc />
    public override Task<int> RunAsync(TaskOrchestrationContext context, Order input) => Task.FromResult(input.Quantity);
}
