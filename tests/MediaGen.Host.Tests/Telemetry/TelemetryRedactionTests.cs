using System.Diagnostics;
using MediaGen.Api.Telemetry;
using OpenTelemetry.Trace;

namespace MediaGen.Host.Tests.Telemetry;

public sealed class TelemetryRedactionTests
{
    [Theory]
    [InlineData("https://acct.blob.core.windows.net/media/a.png?sv=2024&sig=abc%2B", "https://acct.blob.core.windows.net/media/a.png")]
    [InlineData("http://127.0.0.1:7071/api/webhooks/pixazo/job-1?secret=s3cr3t", "http://127.0.0.1:7071/api/webhooks/pixazo/job-1")]
    [InlineData("https://user:pass@receiver.example/hook#frag", "https://receiver.example/hook")]
    [InlineData("https://api.example/v1/images", "https://api.example/v1/images")]
    [InlineData("/relative/path?token=x", "/relative/path")]
    public void RedactUrl_QueryUserInfoOrFragment_AreDropped(string url, string expected) =>
        Assert.Equal(expected, TelemetryRedaction.RedactUrl(url));

    [Fact]
    public void OnEnd_SpanWithUrlAndQueryTags_KeepsNeitherQueryNorSecret()
    {
        using var span = new Activity("GET");
        span.SetTag("url.full", "https://acct.blob.core.windows.net/media/a.png?sig=SECRET");
        span.SetTag("url.query", "?sig=SECRET");
        span.SetTag("http.target", "/media/a.png?sig=SECRET");
        span.SetTag("url.path", "/media/a.png");

        using var redaction = new TelemetryRedaction();
        redaction.OnEnd(span);

        Assert.Equal("https://acct.blob.core.windows.net/media/a.png", span.GetTagItem("url.full"));
        Assert.Null(span.GetTagItem("url.query"));
        Assert.Equal("/media/a.png", span.GetTagItem("http.target"));
        Assert.Equal("/media/a.png", span.GetTagItem("url.path"));
    }

    [Theory]
    [InlineData(ActivityKind.Client, SamplingDecision.Drop)]
    [InlineData(ActivityKind.Server, SamplingDecision.RecordAndSample)]
    [InlineData(ActivityKind.Consumer, SamplingDecision.RecordAndSample)]
    [InlineData(ActivityKind.Producer, SamplingDecision.RecordAndSample)]
    [InlineData(ActivityKind.Internal, SamplingDecision.RecordAndSample)]
    public void ParentBased_RootSpan_DropsOnlyPlainOutgoingCalls(ActivityKind kind, SamplingDecision expected)
    {
        var result = JobTraceSampler.ParentBased().ShouldSample(new SamplingParameters(default, ActivityTraceId.CreateRandom(), "span", kind));

        Assert.Equal(expected, result.Decision);
    }

    [Theory]
    [InlineData(ActivityTraceFlags.Recorded, SamplingDecision.RecordAndSample)]
    [InlineData(ActivityTraceFlags.None, SamplingDecision.Drop)]
    public void ParentBased_ClientCallInsideAJob_FollowsTheParent(ActivityTraceFlags flags, SamplingDecision expected)
    {
        var parent = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), flags, isRemote: false);

        var result = JobTraceSampler.ParentBased().ShouldSample(new SamplingParameters(parent, parent.TraceId, "GET", ActivityKind.Client));

        Assert.Equal(expected, result.Decision);
    }
}
