using Xunit;

namespace MediaGen.Testing;

/// <summary>
/// The local stack for a test class or collection, started by the launcher (<see cref="LocalStack"/>) as
/// <c>scripts/run.sh</c>, the drives and the benchmarks start it: Azurite (in memory) and the provider simulator
/// (<see cref="Simulator"/>, in this process, so tests read its ledger and arm its faults), with keys generated for the run.
/// Fixtures that add apps derive from it and start them on <see cref="Stack"/> (stopped with it).
/// </summary>
public class StackFixture : IAsyncLifetime
{
    private LocalStack? _stack;

    /// <summary>A stack with the default test simulator.</summary>
    public StackFixture()
        : this(new SimulatorFixture())
    {
    }

    /// <summary>A stack with <paramref name="simulator"/> (not started yet: the fixture starts and stops it).</summary>
    protected StackFixture(SimulatorFixture simulator) => Simulator = simulator;

    /// <summary>The provider simulator.</summary>
    public SimulatorFixture Simulator { get; }

    /// <summary>The running stack.</summary>
    public LocalStack Stack => _stack ?? throw new InvalidOperationException("The stack is not started.");

    /// <summary>Azurite's connection string.</summary>
    public string StorageConnectionString => Stack.Azurite.ConnectionString;

    /// <inheritdoc />
    public virtual async Task InitializeAsync()
    {
        await Simulator.InitializeAsync();
        _stack = await LocalStack.StartAsync(new LocalStackOptions { AzuriteInMemory = true, SimulatorAddress = Simulator.BaseAddress });
    }

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        if (_stack is not null)
        {
            await _stack.DisposeAsync();
        }

        await Simulator.DisposeAsync();
    }
}
