namespace MediaGen.Simulator.Tests.Support;

/// <summary>
/// Waits for state that another party writes after the event the test observed (the simulator
/// records a webhook delivery only once the receiver has answered it).
/// </summary>
internal static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<CancellationToken, Task<T>> read, Func<T, bool> done)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await read(deadline.Token);
            if (done(value))
            {
                return value;
            }

            await Task.Delay(20, deadline.Token);
        }
    }
}
