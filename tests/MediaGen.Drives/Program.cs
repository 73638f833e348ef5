namespace MediaGen.Drives;

/// <summary>
/// scripts/crash-drive.sh, scripts/fault-storm.sh and scripts/storage-outage.sh: <c>crash</c>, <c>storm</c> or <c>outage</c>,
/// knobs from environment variables. Prints the
/// drive's log, then every violation, then its one summary line; exit code 1 on any violation. (A named class, not top-level
/// statements: ASP.NET Core makes a top-level <c>Program</c> public, which would clash with the host's in the drive tests.)
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        if (args is not ["crash" or "storm" or "outage"])
        {
            await Console.Error.WriteLineAsync("usage: MediaGen.Drives crash|storm|outage   (ITEMS, KILLS, JOBS, CONCURRENCY, OUTAGE_S, SEED from the environment)");
            return 2;
        }

        using var interrupt = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            interrupt.Cancel();
        };

        var result = args[0] switch
        {
            "crash" => await CrashDrive.RunAsync(
                new CrashDriveOptions { Items = Int("ITEMS", 500), Kills = Int("KILLS", 5), Seed = Int("SEED", 20261201) }, Console.Out, interrupt.Token),
            "storm" => await FaultStorm.RunAsync(
                new FaultStormOptions { Jobs = Int("JOBS", 500), Concurrency = Int("CONCURRENCY", 40), Seed = Int("SEED", 20261201) }, Console.Out, interrupt.Token),
            _ => await StorageOutageDrive.RunAsync(
                new StorageOutageOptions { Items = Int("ITEMS", 200), Outage = TimeSpan.FromSeconds(Int("OUTAGE_S", 30)), Seed = Int("SEED", 20261207) }, Console.Out, interrupt.Token),
        };
        foreach (var violation in result.Violations.Take(200))
        {
            Console.WriteLine("VIOLATION " + violation);
        }

        if (result.Violations.Count > 200)
        {
            Console.WriteLine($"… and {result.Violations.Count - 200} more violations");
        }

        Console.WriteLine(result.Summary);
        return result.Passed ? 0 : 1;
    }

    private static int Int(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
