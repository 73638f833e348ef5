namespace MediaGen.Testing;

/// <summary>
/// How the integration tests wait for something asynchronous (a marker blob, a poison message, a started instance, a ready
/// host): they assert that it happens, not how fast. A wait ends as soon as its condition holds; it gives up only after a
/// hang guard, or, while it counts results coming in, only after a stall with nothing new. A loaded machine makes the tests
/// slower, never red.
/// </summary>
public static class Waits
{
    /// <summary>How long a wait for one thing lasts before it is reported as a hang.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(3);

    /// <summary>How long a wait for many things goes on without a new one before it is reported as stalled.</summary>
    public static readonly TimeSpan Stall = TimeSpan.FromSeconds(90);

    /// <summary>A watch over a growing count: <see cref="Progress.Stalled"/> says when it last grew too long ago.</summary>
    public static Progress Watch(TimeSpan? stall = null) => new(stall ?? Stall);

    /// <summary>Tracks when a count last grew.</summary>
    public sealed class Progress(TimeSpan stall)
    {
        private int _last = int.MinValue;
        private DateTime _movedAt = DateTime.UtcNow;

        /// <summary>Records <paramref name="count"/>; true when it has not grown for the stall time.</summary>
        public bool Stalled(int count)
        {
            if (count > _last)
            {
                _last = count;
                _movedAt = DateTime.UtcNow;
            }

            return DateTime.UtcNow - _movedAt >= stall;
        }
    }
}
