using DurableTask.Core;

namespace MediaGen.Engine.Tests;

/// <summary>Mapping the backend's instance statuses onto the client model.</summary>
public sealed class OrchestrationStateConverterTests
{
    [Theory]
    [InlineData(OrchestrationStatus.Running, OrchestrationRuntimeStatus.Running)]
    [InlineData(OrchestrationStatus.Completed, OrchestrationRuntimeStatus.Completed)]
    [InlineData(OrchestrationStatus.Failed, OrchestrationRuntimeStatus.Failed)]
    [InlineData(OrchestrationStatus.Terminated, OrchestrationRuntimeStatus.Terminated)]
    [InlineData(OrchestrationStatus.Pending, OrchestrationRuntimeStatus.Pending)]
    [InlineData(OrchestrationStatus.Suspended, OrchestrationRuntimeStatus.Suspended)]
    public void ToRuntimeStatus_KnownStatus_MapsByName(OrchestrationStatus status, OrchestrationRuntimeStatus expected)
    {
        Assert.Equal(expected, OrchestrationStateConverter.ToRuntimeStatus(status));
        Assert.Equal(status, OrchestrationStateConverter.ToCoreStatus(expected));
    }

    [Fact]
    public void ToRuntimeStatus_RowWithoutReadableStatus_IsPendingNotAnException()
    {
        // DurableTask.AzureStorage reports an instance row whose RuntimeStatus it cannot parse as (OrchestrationStatus)(-1).
        var unreadable = (OrchestrationStatus)(-1);

        Assert.Equal(OrchestrationRuntimeStatus.Pending, OrchestrationStateConverter.ToRuntimeStatus(unreadable));
    }
}
