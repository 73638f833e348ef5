using System.Collections.Concurrent;
using System.Globalization;
using MediaGen.Core.Notifications;
using MediaGen.Core.Secrets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace MediaGen.Core.Tests.Notifications;

/// <summary>
/// Real HTTP to a receiver on loopback that verifies what it gets the way a customer would: with the StandardWebhooks
/// NuGet package, an implementation of the specification independent of MediaGen's signer.
/// </summary>
public sealed class CallbackSenderTests
{
    private static readonly string Secret = ReceivedWebhook.NewSecret();
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":"job-1","status":"Completed"}""");

    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();

    [Fact]
    public async Task SendAsync_ReceiverVerifiesWithStandardWebhooks_Accepts()
    {
        await using var receiver = await StartReceiverAsync(_ => HttpStatusCode.NoContent);

        await Sender(Secret).SendAsync(new Uri(receiver.BaseAddress, "hooks/done"), "delivery-1", Body);

        var got = Assert.Single(_received);
        Assert.Equal("delivery-1", got.Id);
        Assert.Equal(Body, got.Body);
        Assert.Equal("application/json", got.ContentType);
        Assert.Matches("^v1,[A-Za-z0-9+/]{43}=$", got.Signature);
        Assert.Null(got.Verify(Secret));
        Assert.NotNull(got.Verify(ReceivedWebhook.NewSecret()));
    }

    [Fact]
    public async Task SendAsync_BodyChangedAfterSigning_StandardWebhooksRejects()
    {
        await using var receiver = await StartReceiverAsync(_ => HttpStatusCode.OK);

        await Sender(Secret).SendAsync(new Uri(receiver.BaseAddress, "hooks/done"), "delivery-3", Body);

        var got = Assert.Single(_received);
        var tampered = Encoding.UTF8.GetBytes("""{"id":"job-1","status":"Failed"}""");
        Assert.Equal("No matching signature found", got.WithBody(tampered).Verify(Secret));
    }

    [Fact]
    public async Task SendAsync_SignedTenMinutesAgo_StandardWebhooksRejectsAsStale()
    {
        await using var receiver = await StartReceiverAsync(_ => HttpStatusCode.OK);
        var clock = new ShiftedClock(TimeSpan.FromMinutes(-10));

        await Sender(Secret, clock: clock).SendAsync(new Uri(receiver.BaseAddress, "hooks/done"), "delivery-4", Body);

        var got = Assert.Single(_received);
        Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds(), long.Parse(got.Timestamp, CultureInfo.InvariantCulture), 2.0);
        Assert.Equal("Message timestamp too old", got.Verify(Secret));
    }

    [Fact]
    public async Task SendAsync_SecondaryKeyDuringRotation_ReceiversHoldingEitherKeyVerify()
    {
        var next = ReceivedWebhook.NewSecret();
        await using var receiver = await StartReceiverAsync(_ => HttpStatusCode.OK);

        await Sender(Secret, next).SendAsync(new Uri(receiver.BaseAddress, "hooks/done"), "delivery-5", Body);

        var got = Assert.Single(_received);
        Assert.Matches("^v1,[A-Za-z0-9+/]{43}= v1,[A-Za-z0-9+/]{43}=$", got.Signature);
        Assert.Null(got.Verify(Secret));
        Assert.Null(got.VerifyAnySignature(next));
        Assert.NotNull(got.VerifyAnySignature(ReceivedWebhook.NewSecret()));
    }

    [Fact]
    public async Task SendAsync_ReceiverAnswers500_ThrowsWithStatusAndRetryKeepsDeliveryId()
    {
        var calls = 0;
        await using var receiver = await StartReceiverAsync(_ => Interlocked.Increment(ref calls) == 1 ? HttpStatusCode.InternalServerError : HttpStatusCode.OK);
        var sender = Sender(Secret);
        var url = new Uri(receiver.BaseAddress, "hooks/done");

        var error = await Assert.ThrowsAsync<CallbackDeliveryException>(() => sender.SendAsync(url, "delivery-7", Body));
        await sender.SendAsync(url, "delivery-7", Body);

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(["delivery-7", "delivery-7"], _received.Select(r => r.Id));
        Assert.All(_received, r => Assert.Null(r.Verify(Secret)));
    }

    [Fact]
    public async Task SendAsync_NoReceiverListening_ThrowsDeliveryExceptionWithoutStatus()
    {
        Uri url;
        await using (var receiver = await StartReceiverAsync(_ => HttpStatusCode.OK))
        {
            url = new Uri(receiver.BaseAddress, "gone");
        }

        var error = await Assert.ThrowsAsync<CallbackDeliveryException>(() => Sender(Secret).SendAsync(url, "delivery-2", Body));

        Assert.Null(error.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("@Microsoft.KeyVault(VaultName=mediagen-kv;SecretName=callback-signing-key)")]
    public async Task SendAsync_SigningKeyMissingOrUnresolved_RefusesNotConfiguredNamingTheSetting(string secret)
    {
        var error = await Assert.ThrowsAsync<NotConfiguredException>(() => Sender(secret).SendAsync(new Uri("http://127.0.0.1:9/"), "d", Body));

        Assert.Equal("Callbacks__SigningKey", error.Setting);
        Assert.Contains("Callbacks__SigningKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SecretName", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_SecondaryKeyAnUnresolvedKeyVaultReference_SignsWithThePrimaryOnly()
    {
        await using var receiver = await StartReceiverAsync(_ => HttpStatusCode.OK);

        await Sender(Secret, "@Microsoft.KeyVault(VaultName=mediagen-kv;SecretName=callback-next-key)")
            .SendAsync(new Uri(receiver.BaseAddress, "hooks/done"), "delivery-6", Body);

        var got = Assert.Single(_received);
        Assert.Matches("^v1,[A-Za-z0-9+/]{43}=$", got.Signature);
        Assert.Null(got.Verify(Secret));
    }

    private static CallbackSender Sender(string secret, string secondary = "", TimeProvider? clock = null) =>
        new(new HttpClient(), Options.Create(new CallbackOptions { SigningKey = secret, SecondarySigningKey = secondary }),
            clock ?? TimeProvider.System, NullLogger<CallbackSender>.Instance);

    private Task<LoopbackHttpServer> StartReceiverAsync(Func<HttpContext, HttpStatusCode> answer) =>
        LoopbackHttpServer.StartAsync(async context =>
        {
            _received.Enqueue(await ReceivedWebhook.ReadAsync(context.Request));
            context.Response.StatusCode = (int)answer(context);
        });

    /// <summary>A clock set off from the real one, as on a sender whose clock is wrong.</summary>
    private sealed class ShiftedClock(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }
}
