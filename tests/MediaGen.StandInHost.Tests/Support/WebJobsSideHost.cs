using MediaGen.StandInHost.Hosting;
using Microsoft.Extensions.Hosting;


namespace MediaGen.StandInHost.Tests.Support;

/// <summary>The stand-in host's WebJobs side, in the test process, over a scripted worker (unit-test seam for the WebJobs side).</summary>
internal static class WebJobsSideHost
{
    /// <summary>A built (not started) host for <paramref name="settings"/> whose functions hand invocations to <paramref name="worker"/>.</summary>
    public static IHost Build(RunSettings settings, IWorkerInvoker worker, CapturedLogs logs) =>
        StandInHostBuilder.Create(
                StandInApp.Load(settings.Options(), new Dictionary<string, string?>()),
                (_, services) =>
                {
                    services.AddSingleton<ILoggerProvider>(logs);
                    services.AddSingleton(worker);
                })
            .Build();
}
