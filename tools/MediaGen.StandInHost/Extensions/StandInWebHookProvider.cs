using System.Reflection;
using Microsoft.Azure.WebJobs.Description;
using Microsoft.Azure.WebJobs.Host.Config;

namespace MediaGen.StandInHost.Extensions;

#pragma warning disable CS0618 // IWebHookProvider is marked "not ready for public consumption"; the Functions host implements it, and the Durable extension needs it.

/// <summary>
/// What the Functions host supplies and a plain WebJobs host lacks: the base URL of an extension's HTTP webhook
/// (<c>&lt;front door&gt;/runtime/webhooks/&lt;extension&gt;</c>, as the Functions host answers). The Durable extension puts it
/// in the <c>[DurableClient]</c> payload (<c>httpBaseUrl</c>) it hands the worker.
/// </summary>
public sealed class StandInWebHookProvider(FrontDoorAddress address) : IWebHookProvider
{
    /// <inheritdoc />
    public Uri GetUrl(IExtensionConfigProvider extension)
    {
        var name = extension.GetType().GetCustomAttribute<ExtensionAttribute>()?.Name ?? extension.GetType().Name;
        return new Uri(address.BaseUri, "runtime/webhooks/" + name.ToLowerInvariant());
    }
}
