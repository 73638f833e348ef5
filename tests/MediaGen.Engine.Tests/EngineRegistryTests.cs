using MediaGen.Engine.Tests.Workflows;
using Microsoft.DurableTask;

namespace MediaGen.Engine.Tests;

/// <summary>How orchestrators and activities are named and checked when registered.</summary>
public sealed class EngineRegistryTests
{
    [Fact]
    public void Add_WithoutName_UsesClassName()
    {
        var registry = new EngineRegistry().AddOrchestrator<ChainOrchestrator>().AddActivity(typeof(AddOne));

        Assert.Equal(typeof(ChainOrchestrator), registry.Orchestrators[nameof(ChainOrchestrator)]);
        Assert.Equal(typeof(AddOne), registry.Activities[nameof(AddOne)]);
    }

    [Fact]
    public void Add_WithName_UsesThatName()
    {
        var registry = new EngineRegistry().AddActivity(typeof(AddOne), "Increment");

        Assert.Equal(typeof(AddOne), registry.Activities["Increment"]);
        Assert.False(registry.Activities.ContainsKey(nameof(AddOne)));
    }

    [Fact]
    public void Add_DurableTaskAttribute_UsesAttributeName()
    {
        var registry = new EngineRegistry().AddActivity<Renamed>();

        Assert.Equal(typeof(Renamed), registry.Activities["NamedByAttribute"]);
    }

    [Fact]
    public void Add_SameNameForAnotherType_Throws()
    {
        var registry = new EngineRegistry().AddActivity(typeof(AddOne), "Step");

        Assert.Throws<ArgumentException>(() => registry.AddActivity(typeof(Twice), "step"));
    }

    [Fact]
    public void Add_WrongKindOfType_Throws()
    {
        var registry = new EngineRegistry();

        Assert.Throws<ArgumentException>(() => registry.AddOrchestrator(typeof(AddOne)));
        Assert.Throws<ArgumentException>(() => registry.AddActivity(typeof(string)));
    }

    /// <summary>An activity named by its attribute.</summary>
    [DurableTask("NamedByAttribute")]
    public sealed class Renamed : TaskActivity<int, int>
    {
        /// <inheritdoc />
        public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input);
    }
}
