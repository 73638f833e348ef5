using MediaGen.Core.Notifications;

namespace MediaGen.Workflows.Tests.Unit;

/// <summary>
/// The signed-callback client as <c>AddMediaGenWorkflows</c> registers it: every connection goes through the outbound
/// URL guard, and never through a proxy (through one, the connect-time address check would judge the proxy, and a
/// callback URL naming a private address would reach it) — as the media client.
/// </summary>
public sealed class CallbackClientTests
{
    [Fact]
    public void CallbackSenderHandler_AsRegistered_UsesNoProxyFollowsNoRedirectAndConnectsThroughTheGuard()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" }).Build();
        using var services = new ServiceCollection().AddLogging().AddMediaStore(configuration).AddMediaGenWorkflows(configuration).BuildServiceProvider();

        using var handler = services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(nameof(CallbackSender));

        var primary = Primary(handler);
        Assert.False(primary.UseProxy);
        Assert.False(primary.AllowAutoRedirect);
        Assert.Equal(services.GetRequiredService<OutboundUrlGuard>().ConnectAsync, primary.ConnectCallback);
    }

    private static SocketsHttpHandler Primary(HttpMessageHandler handler)
    {
        for (var current = handler; ; current = ((DelegatingHandler)current).InnerHandler!)
        {
            if (current is SocketsHttpHandler sockets)
            {
                return sockets;
            }
        }
    }
}
