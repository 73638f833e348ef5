using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.Azure.WebJobs.Host.Config;
using Microsoft.Extensions.Options;

namespace MediaGen.StandInHost.Extensions;

/// <summary>
/// Runs the Durable extension's own start-up validation of host.json's <c>extensions.durableTask</c> section without
/// starting anything: the options are bound by the WebJobs SDK as at start-up, the extension is constructed (which builds
/// its storage provider factory: <c>AzureStorageOptions.Validate</c>, then the task hub name check), and
/// <c>DurableTaskOptions.Validate</c> runs as the extension's initialisation runs it. A bad value throws the extension's
/// own exception and message.
/// </summary>
public static class DurableTaskOptionsCheck
{
    /// <summary>The extension's short name in <c>extensions.json</c>.</summary>
    public const string ExtensionName = "DurableTask";

    private const string Namespace = "Microsoft.Azure.WebJobs.Extensions.DurableTask.";

    /// <summary>Validates the Durable options of the host whose (unstarted) services are <paramref name="services"/>; returns the extension's options object.</summary>
    public static object Run(IServiceProvider services)
    {
        var durable = services.GetRequiredService<Hosting.StandInApp>().Extensions
            .SingleOrDefault(e => e.Name == ExtensionName)
            ?? throw new StandInHostException($"The app's extensions.json lists no {ExtensionName} extension.");
        var assembly = durable.StartupType.Assembly;
        var extensionType = assembly.GetType(Namespace + "DurableTaskExtension", throwOnError: true)!;
        var optionsType = assembly.GetType(Namespace + "DurableTaskOptions", throwOnError: true)!;

        // Constructing the extension builds its durability provider: the storage provider's options are validated there.
        _ = services.GetServices<IExtensionConfigProvider>().Single(extensionType.IsInstanceOfType);

        var options = typeof(IOptions<>).MakeGenericType(optionsType).GetProperty(nameof(IOptions<object>.Value))!
            .GetValue(services.GetRequiredService(typeof(IOptions<>).MakeGenericType(optionsType)))!;
        var validate = optionsType.GetMethod("Validate", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public, [typeof(INameResolver)])
            ?? throw new StandInHostException($"{optionsType.FullName} {durable.Version} has no Validate(INameResolver): the check needs updating for this extension version.");
        try
        {
            validate.Invoke(options, [services.GetRequiredService<INameResolver>()]);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
        }

        return options;
    }
}
