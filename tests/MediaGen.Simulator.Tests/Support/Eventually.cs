namespace MediaGen.Simulator.Tests.Support;

/// <summary>
/// Waits for state that another party writes after the event the test observed (the simulator
/// records a webhook delivery only once the receiver has answered it).
/// </summary>
internal static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<CancellationToken, Task<T>> read, Func<T, bool> done)
    {
        T last = default!;
        await Waits.UntilAsync(async token => done(last = await read(token)), "the simulator's record");
        return last;
    }
}
