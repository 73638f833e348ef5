using MediaGen.Core.Notifications;

namespace MediaGen.Core.Tests.Notifications;

/// <summary><c>callbackEvents</c> as the job, batch and chain readers take it, and the events' delivery ids.</summary>
public sealed class CallbackEventsTests
{
    private static readonly DateTimeOffset Now = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Read_AllThreeEvents_KeepsThemInTheGivenOrder()
    {
        var request = JobRequestReader.Read(Job("""["completed","started","output"]"""), Now);

        Assert.Equal([CallbackEvent.Completed, CallbackEvent.Started, CallbackEvent.Output], request.CallbackEvents);
    }

    [Fact]
    public void Read_NoCallbackEvents_LeavesThemNullMeaningCompletedOnly()
    {
        var request = JobRequestReader.Read("""{"kind":"image","provider":"cosmic","params":{},"callbackUrl":"https://example.com/cb"}"""u8, Now);

        Assert.Null(request.CallbackEvents);
        Assert.True(CallbackEvents.Includes(request.CallbackEvents, CallbackEvent.Completed));
        Assert.False(CallbackEvents.Includes(request.CallbackEvents, CallbackEvent.Output));
    }

    [Theory]
    [InlineData("""["finished"]""", "callbackEvents[0]", "one_of")]
    [InlineData("""["output","Started"]""", "callbackEvents[1]", "one_of")]
    [InlineData("""[true]""", "callbackEvents[0]", "type")]
    [InlineData("\"completed\"", "callbackEvents", "type")]
    [InlineData("""{"started":true}""", "callbackEvents", "type")]
    public void Read_BadCallbackEvents_NameTheFieldAndRule(string events, string field, string rule)
    {
        var error = Assert.Throws<RequestValidationException>(() => JobRequestReader.Read(Job(events), Now));

        Assert.Contains(error.Errors, e => e.Field == field && e.Rule == rule);
    }

    [Fact]
    public void Read_BatchAndChain_TakeCallbackEventsAndNameTheirProblems()
    {
        var batch = BatchRequestReader.Read("""{"items":[{"kind":"image","provider":"cosmic","params":{}}],"callbackUrl":"https://example.com/cb","callbackEvents":["output"]}"""u8, Now);
        var chain = ChainRequestReader.Read("""{"initial":{"prompt":"p"},"prompts":["q"],"callbackUrl":"https://example.com/cb","callbackEvents":["started"]}"""u8, Now);
        var badChain = Assert.Throws<RequestValidationException>(() =>
            ChainRequestReader.Read("""{"initial":{"prompt":"p"},"prompts":["q"],"callbackUrl":"https://example.com/cb","callbackEvents":["nope"]}"""u8, Now));

        Assert.Equal([CallbackEvent.Output], batch.CallbackEvents);
        Assert.Equal([CallbackEvent.Started], chain.CallbackEvents);
        Assert.Contains(badChain.Errors, e => e.Field == "callbackEvents[0]");
    }

    [Fact]
    public void DeliveryId_SameJobEventAndIndex_IsStableAndDiffersOtherwise()
    {
        var id = CallbackEvents.DeliveryId("job-1", CallbackEvent.Output, 0);

        Assert.Equal(id, CallbackEvents.DeliveryId("job-1", CallbackEvent.Output, 0));
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal(4, new[]
        {
            id, CallbackEvents.DeliveryId("job-1", CallbackEvent.Output, 1), CallbackEvents.DeliveryId("job-2", CallbackEvent.Output, 0),
            CallbackEvents.DeliveryId("job-1", CallbackEvent.Started),
        }.Distinct().Count());
    }

    private static byte[] Job(string events) =>
        Encoding.UTF8.GetBytes($$"""{"kind":"image","provider":"cosmic","params":{},"callbackUrl":"https://example.com/cb","callbackEvents":{{events}}}""");
}
