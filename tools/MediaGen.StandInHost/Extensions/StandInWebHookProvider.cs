using System.Reflection;
using Microsoft.Azure.WebJobs.Description;
using Microsoft.Azure.WebJobs.Host.Config;

namespace MediaGen.StandInHost.Extensions;

#pragma warning disable CS0618 // IWebHookProvider is marked "not ready for public consumption"; the Functions host implements it, and the Durable extension needs it.

/// <summary>
/// What the Functions host supplies and a plain WebJobs host lacks: the webhook of an extension that handles HTTP
/// (implements <c>IAsyncConverter&lt;HttpRequestMessage, HttpResponseMessage&gt;</c>), at
/// <c>&lt;front door&gt;/runtime/webhooks/&lt;name&gt;</c> where the name is the extension's configuration section in lower case
/// (<c>blobs</c>, <c>durabletask</c>), as the Functions host names it. The Durable extension puts its URL in the
/// <c>[DurableClient]</c> payload (<c>httpBaseUrl</c>); the blob extension's is where Event Grid delivers the BlobCreated
/// events of a blob trigger with the Event Grid source. The front door hands those requests to <see cref="TryGetHandler"/>.
/// </summary>
public sealed class StandInWebHookProvider(FrontDoorAddress address) : IWebHookProvider
{
    private readonly ConcurrentDictionary<string, IAsyncConverter<HttpRequestMessage, HttpResponseMessage>> _handlers = new(StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public Uri GetUrl(IExtensionConfigProvider extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        var handler = extension as IAsyncConverter<HttpRequestMessage, HttpResponseMessage>
            ?? throw new InvalidOperationException($"The extension {extension.GetType().Name} asks for a webhook but does not handle HTTP requests (IAsyncConverter<HttpRequestMessage, HttpResponseMessage>).");
        var type = extension.GetType();
        var name = (type.GetCustomAttribute<ExtensionAttribute>()?.ConfigurationSection ?? type.Name).ToLowerInvariant();
        _handlers[name] = handler;
        return new Uri(address.BaseUri, "runtime/webhooks/" + name);
    }

    /// <summary>The handler of the extension whose webhook is named <paramref name="name"/>, if it asked for one.</summary>
    public bool TryGetHandler(string name, out IAsyncConverter<HttpRequestMessage, HttpResponseMessage> handler) =>
        _handlers.TryGetValue(name, out handler!);
}
