namespace MediaGen.StandInHost.Hosting;

/// <summary>The stand-in host's command line.</summary>
/// <param name="Options">What to run and where to listen.</param>
/// <param name="CheckOnly">Validate the app and its host.json with the extensions' own code, start nothing.</param>
public sealed record CommandLine(StandInHostOptions Options, bool CheckOnly)
{
    /// <summary>How to call the host.</summary>
    public const string Usage =
        """
        usage: MediaGen.StandInHost --app <folder> [--settings <local.settings.json>] [--host-json <host.json>] [--port <n>] [--check]

          --app        the built Functions app: its output folder (bin/<configuration>/net10.0)
          --settings   the local.settings.json whose Values are the app settings (default: the app folder's)
          --host-json  the host.json to run with (default: the app folder's)
          --port       the HTTP front door's loopback port; 0 picks a free one (default 7071)
          --check      run the extensions' own validation of host.json and the settings, start nothing
        """;

    /// <summary>Parses <paramref name="args"/>; an unknown or incomplete argument is an error naming it.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        string? app = null, settings = null, hostJson = null;
        var port = StandInHostOptions.DefaultPort;
        var check = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--app":
                    app = Value(args, ref i);
                    break;
                case "--settings":
                    settings = Value(args, ref i);
                    break;
                case "--host-json":
                    hostJson = Value(args, ref i);
                    break;
                case "--port":
                    var text = Value(args, ref i);
                    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535)
                    {
                        throw new StandInHostException($"--port '{text}' is not a port number (0-65535).");
                    }

                    break;
                case "--check":
                    check = true;
                    break;
                default:
                    throw new StandInHostException($"Unknown argument '{args[i]}'.");
            }
        }

        if (app is null)
        {
            throw new StandInHostException("--app is required.");
        }

        return new CommandLine(
            new StandInHostOptions { AppFolder = Path.GetFullPath(app), SettingsFile = settings, HostJsonFile = hostJson, Port = port },
            check);
    }

    private static string Value(IReadOnlyList<string> args, ref int i) =>
        ++i < args.Count ? args[i] : throw new StandInHostException($"{args[i - 1]} needs a value.");
}
