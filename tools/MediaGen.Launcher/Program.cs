using System.Runtime.InteropServices;

namespace MediaGen.Launcher;

/// <summary>
/// <c>scripts/run.sh</c>'s stack: <c>MediaGen.Launcher.dll --run-dir DIR [--functions | --no-app]</c> starts Azurite
/// (data in <c>DIR/azurite</c>), the provider simulator and the standalone host — or the Functions app under the stand-in
/// host, or no app (<c>bench/media-copy.sh</c>) — on free loopback ports with keys generated for the run (logs in
/// <c>DIR/logs</c>), writes what a client needs to <c>DIR/stack.env</c> (shell assignments), prints <c>ready</c>, and runs
/// until SIGTERM or Ctrl+C, then stops it all.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var functions = args.Contains("--functions");
        var noApp = args.Contains("--no-app");
        var at = Array.IndexOf(args, "--run-dir");
        if (at < 0 || at + 1 >= args.Length || (functions && noApp) || args.Except(["--functions", "--no-app", "--run-dir", args[at + 1]]).Any())
        {
            await Console.Error.WriteLineAsync("usage: MediaGen.Launcher --run-dir DIR [--functions | --no-app]");
            return 2;
        }

        var runDir = Path.GetFullPath(args[at + 1]);
        using var stop = new CancellationTokenSource();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

        var options = new LocalStackOptions { WorkFolder = runDir, AzuriteFolder = Path.Combine(runDir, "azurite"), SampleSettingsOnly = true };
        LocalStack? stack = null;
        try
        {
            stack = await LocalStack.StartAsync(options, stop.Token);
            StackApp? kind = noApp ? null : functions ? StackApp.Functions : StackApp.Standalone;
            var app = kind is { } k ? await stack.StartAppAsync(k, cancellationToken: stop.Token) : null;
            await StackEnvFile.WriteAsync(Path.Combine(runDir, "stack.env"), stack, app, kind, CancellationToken.None);
            Console.WriteLine("ready");
            await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or OperationCanceledException or IOException)
        {
            await Console.Error.WriteLineAsync("launcher: " + e.Message);
            return 1;
        }
        finally
        {
            if (stack is not null)
            {
                var azuriteLog = stack.Azurite.Log;
                await stack.DisposeAsync();
                Directory.CreateDirectory(Path.Combine(runDir, "logs"));
                await File.WriteAllTextAsync(Path.Combine(runDir, "logs", "azurite.log"), azuriteLog, CancellationToken.None);
            }
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }
}
