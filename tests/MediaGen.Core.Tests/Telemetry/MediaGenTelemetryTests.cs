using System.Diagnostics;
using MediaGen.Core.Telemetry;

namespace MediaGen.Core.Tests.Telemetry;

public sealed class MediaGenTelemetryTests
{
    private const string TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    [Fact]
    public void StartSpan_NoListener_ReturnsNull()
    {
        Assert.Null(MediaGenTelemetry.StartSpan("activity X", ActivityKind.Internal, TraceParent));
    }

    [Fact]
    public void StartSpan_TraceParent_IsTheParentEvenInsideAnotherTrace()
    {
        using var listener = Listen();
        using var other = new Activity("invocation").SetIdFormat(ActivityIdFormat.W3C).Start();

        using var span = MediaGenTelemetry.StartSpan("activity X", ActivityKind.Internal, TraceParent);

        Assert.NotNull(span);
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", span.TraceId.ToHexString());
        Assert.Equal("b7ad6b7169203331", span.ParentSpanId.ToHexString());
        var link = Assert.Single(span.Links);
        Assert.Equal(other.TraceId, link.Context.TraceId);
    }

    [Fact]
    public void StartSpan_NoTraceParent_IsAChildOfTheCurrentSpan()
    {
        using var listener = Listen();
        using var current = new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start();

        using var span = MediaGenTelemetry.StartSpan("job start", ActivityKind.Producer);

        Assert.NotNull(span);
        Assert.Equal(current.SpanId, span.ParentSpanId);
        Assert.Empty(span.Links);
    }

    [Fact]
    public void CurrentTraceParent_W3CSpan_IsItsId()
    {
        using var current = new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start();

        Assert.Equal(current.Id, MediaGenTelemetry.CurrentTraceParent());
    }

    [Fact]
    public void Fail_ErrorType_SetsTheTagAndErrorStatus()
    {
        using var listener = Listen();
        using var span = MediaGenTelemetry.StartSpan("activity X", ActivityKind.Internal);

        MediaGenTelemetry.Fail(span, "rate_limited");

        Assert.Equal("rate_limited", span!.GetTagItem(MediaGenTelemetry.ErrorTypeTag));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Null(span.StatusDescription);
    }

    private static ActivityListener Listen()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == MediaGenTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
