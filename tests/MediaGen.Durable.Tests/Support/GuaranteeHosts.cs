using MediaGen.Durable.Hosting;
using MediaGen.Durable.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGen.Durable.Tests.Support;

/// <summary>Clients and hosts for the guarantee tests.</summary>
internal static class GuaranteeHosts
{
    /// <summary>A client alone (no worker), like a front-end process.</summary>
    public static DurableRuntimeClient CreateClient(IDurableStorage storage, string hub)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton(storage);
        services.AddDurableClient(o =>
        {
            o.HubName = hub;
            o.PartitionCount = 4;
        });
        return services.BuildServiceProvider().GetRequiredService<DurableRuntimeClient>();
    }

    /// <summary>The options the in-process guarantee hosts use.</summary>
    public static Action<DurableRuntimeOptions> Options(string hub, Action<DurableRuntimeOptions>? more = null) => o =>
    {
        o.HubName = hub;
        o.PartitionCount = 4;
        o.LeaseDuration = TimeSpan.FromSeconds(15);
        o.LeaseRenewInterval = TimeSpan.FromSeconds(5);
        o.MaxPollingInterval = TimeSpan.FromMilliseconds(200);
        o.WorkerId = "guarantee-" + hub;
        more?.Invoke(o);
    };
}
