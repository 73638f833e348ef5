using System.Security.Cryptography;
using System.Text;
using MediaGen.StandInHost.Configuration;
using MediaGen.StandInHost.Http;
using MediaGen.StandInHost.Worker;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Azure.WebJobs.Host.Config;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;

namespace MediaGen.StandInHost.Hosting;

/// <summary>
/// Builds the stand-in host: a WebJobs SDK host configured as the Functions host configures one (host.json under
/// <c>AzureFunctionsJobHost</c>, the app settings, a host id), with each host-side extension's startup run on its builder
/// and the services the Functions host supplies that a plain WebJobs host lacks; its functions are the ones generated from
/// the app's metadata, which hand their invocations to the <c>IWorkerInvoker</c> the caller registers.
/// </summary>
public static class StandInHostBuilder
{
    private const string HostIdKey = "AzureFunctionsWebHost:hostid";

    /// <summary>A host builder for <paramref name="app"/>; <paramref name="configureServices"/> adds what the caller brings (the worker side).</summary>
    public static IHostBuilder Create(StandInApp app, Action<HostBuilderContext, IServiceCollection>? configureServices = null)
    {
        var address = new FrontDoorAddress(app.Options.Port);
        return new HostBuilder()
            .UseContentRoot(app.Options.AppFolder)
            .ConfigureLogging((context, logging) =>
            {
                // The Functions host shows its own and the functions' categories, not every storage request: quiet those
                // unless host.json names them.
                logging.AddFilter("Azure.Core", LogLevel.Warning);
                logging.AddFilter("Microsoft.Azure.WebJobs.Hosting.OptionsLoggingService", LogLevel.Warning);
                logging.AddConfiguration(context.Configuration.GetSection(ConfigurationPath.Combine(FunctionsHostConfiguration.JobHostSection, "logging")));
                logging.AddSimpleConsole(console =>
                {
                    console.SingleLine = true;
                    console.TimestampFormat = "HH:mm:ss.fff ";
                });
            })
            .ConfigureWebJobs(
                (context, webJobs) =>
                {
                    var startupContext = new WebJobsBuilderContext
                    {
                        ApplicationRootPath = app.Options.AppFolder,
                        Configuration = context.Configuration,
                        EnvironmentName = context.HostingEnvironment.EnvironmentName,
                    };
                    foreach (var extension in app.Extensions)
                    {
                        webJobs.UseWebJobsStartup(extension.StartupType, startupContext, NullLoggerFactory.Instance);
                    }

                    webJobs.UseHostId(HostId(context.Configuration, app.Options.AppFolder));
                    webJobs.AddExecutionContextBinding();
                    // Timers, built into the Functions host. Their schedule monitor keeps each timer's last and next run in
                    // azure-webjobs-hosts/timers/<host id> (as the Functions host's does) and finds that container through
                    // the lock manager's provider, which the Functions host registers with its blob locks; this host keeps
                    // its locks in memory, so it registers an empty provider (the monitor then uses AzureWebJobsStorage).
                    webJobs.AddTimers();
                    webJobs.Services.TryAddSingleton<DistributedLockManagerContainerProvider>();
                    webJobs.Services.AddSingleton<ITypeLocator>(new GeneratedFunctionsTypeLocator(app.Functions.Type));
                    webJobs.Services.AddSingleton<IJobActivator, ServiceProviderJobActivator>();
                    webJobs.Services.AddSingleton<FunctionBridge>();
                    webJobs.Services.AddSingleton(address);
                    webJobs.Services.AddSingleton(app);
#pragma warning disable CS0618 // IWebHookProvider is "not ready for public consumption"; the Functions host implements it.
                    webJobs.Services.AddSingleton<StandInWebHookProvider>();
                    webJobs.Services.AddSingleton<IWebHookProvider>(services => services.GetRequiredService<StandInWebHookProvider>());
#pragma warning restore CS0618
                    configureServices?.Invoke(context, webJobs.Services);
                },
                _ => { },
                (_, configuration) => app.Configuration.AddTo(configuration.ConfigurationBuilder))
            .ConfigureServices((context, services) =>
            {
                // Registered after the WebJobs host's service, so it starts once the functions are indexed and listening.
                services.AddSingleton(HttpRouteTable.Create(
                    app.Functions.Functions,
                    context.Configuration[ConfigurationPath.Combine(FunctionsHostConfiguration.JobHostSection, "extensions", "http", "routePrefix")]));
                services.AddHostedService<FrontDoor>();
            });
    }

    /// <summary>
    /// A host builder for <paramref name="app"/> with the real worker side: the app's worker process, started before the
    /// WebJobs host's listeners with the app settings as its environment, answers every invocation.
    /// </summary>
    public static IHostBuilder CreateWithWorker(StandInApp app, Action<HostBuilderContext, IServiceCollection>? configureServices = null) =>
        Create(app, (context, services) =>
        {
            services.AddFunctionsWorker(worker =>
            {
                worker.AppDirectory = app.Options.AppFolder;
                foreach (var (name, value) in app.Configuration.AppSettings)
                {
                    worker.Environment[name] = value;
                }
            });

            // Ahead of the WebJobs host's own service, which is added after this callback.
            services.AddHostedService<WorkerStartup>();
            configureServices?.Invoke(context, services);
        });

    /// <summary>
    /// The WebJobs host id (it names the blob trigger's receipts and the host's locks): <c>AzureFunctionsWebHost__hostid</c>
    /// when set, as in the Functions host; otherwise derived from the app folder, stable across runs.
    /// </summary>
    private static string HostId(IConfiguration configuration, string appFolder)
    {
        if (configuration[HostIdKey] is { Length: > 0 } configured)
        {
            return configured;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(appFolder)));
        return "standin-" + Convert.ToHexStringLower(hash)[..24];
    }
}
