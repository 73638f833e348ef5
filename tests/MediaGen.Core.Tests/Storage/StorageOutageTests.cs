using Azure;
using MediaGen.Core.Storage;

namespace MediaGen.Core.Tests.Storage;

public sealed class StorageOutageTests
{
    private static readonly RequestFailedException Refused =
        new(0, "Connection refused (127.0.0.1:10000)", new HttpRequestException("Connection refused (127.0.0.1:10000)"));

    [Fact]
    public void IsUnavailable_ConnectionRefused_True() => Assert.True(StorageOutage.IsUnavailable(Refused));

    [Fact]
    public void IsUnavailable_RetryPolicyGaveUpOnRefusals_True() =>
        Assert.True(StorageOutage.IsUnavailable(new AggregateException("Retry failed after 4 tries.", Refused, Refused)));

    [Fact]
    public void IsUnavailable_WrappedByAnotherLibrary_True() =>
        Assert.True(StorageOutage.IsUnavailable(new InvalidOperationException("storage operation failed", Refused)));

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(408)]
    public void IsUnavailable_ServerBusyOrTimeout_True(int status) =>
        Assert.True(StorageOutage.IsUnavailable(new RequestFailedException(status, "busy")));

    [Theory]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(412)]
    public void IsUnavailable_RequestRefusedByStorage_False(int status) =>
        Assert.False(StorageOutage.IsUnavailable(new AggregateException(new RequestFailedException(status, "refused"))));

    [Fact]
    public void IsUnavailable_ProviderUnreachable_False() =>
        Assert.False(StorageOutage.IsUnavailable(new HttpRequestException("Connection refused (api.example.com:443)")));
}
