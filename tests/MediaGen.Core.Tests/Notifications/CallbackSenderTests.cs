using System.Collections.Concurrent;
using System.Net;
using System.Text;
using MediaGen.Core.Notifications;
using MediaGen.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MediaGen.Core.Tests.Notifications;

/// <summary>Real HTTP to a receiver on loopback that verifies what it gets the way a customer would.</summary>
public sealed class CallbackSenderTests
{
    private const string SigningKey = "callback-signing-key";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":"job-1","status":"Completed"}""");

    private readonly ConcurrentQueue<Received> _received = new();

    [Fact]
    public async Task SendAsync_ReceiverVerifies_SignatureHeadersAndBodyArrive()
    {
        await using var receiver = await StartReceiverAsync(_ => HttpStatusCode.NoContent);

        await Sender().SendAsync(new Uri(receiver.BaseAddress, "hooks/done"), "delivery-1", Body);

        var got = Assert.Single(_received);
        Assert.Equal("delivery-1", got.DeliveryId);
        Assert.Equal(Body, got.Body);
        Assert.Equal("application/json", got.ContentType);
        Assert.True(CallbackSignature.Verify(Encoding.UTF8.GetBytes(SigningKey), got.DeliveryId, got.Timestamp, got.Body, got.Signature,
            DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)), "receiver could not verify the signature");
    }

    [Fact]
    public async Task SendAsync_ReceiverAnswers500_ThrowsWithStatusAndRetryKeepsDeliveryId()
    {
        var calls = 0;
        await using var receiver = await StartReceiverAsync(_ => Interlocked.Increment(ref calls) == 1 ? HttpStatusCode.InternalServerError : HttpStatusCode.OK);
        var sender = Sender();
        var url = new Uri(receiver.BaseAddress, "hooks/done");

        var error = await Assert.ThrowsAsync<CallbackDeliveryException>(() => sender.SendAsync(url, "delivery-7", Body));
        await sender.SendAsync(url, "delivery-7", Body);

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(["delivery-7", "delivery-7"], _received.Select(r => r.DeliveryId));
    }

    [Fact]
    public async Task SendAsync_NoReceiverListening_ThrowsDeliveryExceptionWithoutStatus()
    {
        Uri url;
        await using (var receiver = await StartReceiverAsync(_ => HttpStatusCode.OK))
        {
            url = new Uri(receiver.BaseAddress, "gone");
        }

        var error = await Assert.ThrowsAsync<CallbackDeliveryException>(() => Sender().SendAsync(url, "delivery-2", Body));

        Assert.Null(error.StatusCode);
    }

    [Fact]
    public async Task SendAsync_NoSigningKey_RefusesNamingTheSetting()
    {
        var sender = new CallbackSender(new HttpClient(), Options.Create(new CallbackOptions()), TimeProvider.System, NullLogger<CallbackSender>.Instance);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => sender.SendAsync(new Uri("http://127.0.0.1:9/"), "d", Body));

        Assert.Contains("Callbacks__SigningKey", error.Message, StringComparison.Ordinal);
    }

    private static CallbackSender Sender() =>
        new(new HttpClient(), Options.Create(new CallbackOptions { SigningKey = SigningKey }), TimeProvider.System, NullLogger<CallbackSender>.Instance);

    private Task<LoopbackHttpServer> StartReceiverAsync(Func<HttpContext, HttpStatusCode> answer) =>
        LoopbackHttpServer.StartAsync(async context =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            _received.Enqueue(new Received(
                context.Request.Headers[CallbackSignature.DeliveryHeader].ToString(),
                context.Request.Headers[CallbackSignature.TimestampHeader].ToString(),
                context.Request.Headers[CallbackSignature.SignatureHeader].ToString(),
                context.Request.ContentType?.Split(';')[0] ?? "",
                buffer.ToArray()));
            context.Response.StatusCode = (int)answer(context);
        });

    private sealed record Received(string DeliveryId, string Timestamp, string Signature, string ContentType, byte[] Body);
}
