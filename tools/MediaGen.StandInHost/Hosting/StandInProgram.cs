namespace MediaGen.StandInHost.Hosting;

/// <summary>
/// The stand-in host as a program: prints what it loaded, starts the worker, the WebJobs host with the real extensions and
/// the HTTP front door, prints its address when ready and runs until stopped. Anything that cannot start — a bad argument,
/// setting or host.json value, an extension, binding, function or the worker — ends it with a non-zero exit code and the
/// failing part's own message.
/// </summary>
public static class StandInProgram
{
    /// <summary>Exit code: the host ran and stopped.</summary>
    public const int Stopped = 0;

    /// <summary>Exit code: something could not start.</summary>
    public const int StartFailed = 1;

    /// <summary>Exit code: the command line is wrong.</summary>
    public const int BadArguments = 2;

    /// <summary>Runs the host with <paramref name="args"/> until it is stopped (Ctrl+C, SIGTERM).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        CommandLine command;
        try
        {
            command = CommandLine.Parse(args);
        }
        catch (StandInHostException e)
        {
            await error.WriteLineAsync($"error: {e.Message}\n\n{CommandLine.Usage}");
            return BadArguments;
        }

        try
        {
            var app = StandInApp.Load(command.Options);
            StartupReport.Write(app, output);
            if (command.CheckOnly)
            {
                using var unstarted = StandInHostBuilder.Create(app).Build();
                DurableTaskOptionsCheck.Run(unstarted.Services);
                await output.WriteLineAsync("check passed: the Durable extension accepts host.json and the settings");
                return Stopped;
            }

            using var host = StandInHostBuilder.CreateWithWorker(app).Build();
            await host.StartAsync();
            await output.WriteLineAsync($"ready: {host.Services.GetRequiredService<FrontDoorAddress>().BaseUri} ({app.Functions.Functions.Count} functions)");
            await output.FlushAsync();
            await host.WaitForShutdownAsync();
            return Stopped;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The last stop for start-up failures: report the failing part's own message, whatever its type, and exit non-zero.
            await error.WriteLineAsync("error: " + Messages(e));
            return StartFailed;
        }
    }

    private static string Messages(Exception error)
    {
        var messages = new List<string>();
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (!messages.Contains(e.Message))
            {
                messages.Add(e.Message);
            }
        }

        return string.Join("\n  <- ", messages);
    }
}
