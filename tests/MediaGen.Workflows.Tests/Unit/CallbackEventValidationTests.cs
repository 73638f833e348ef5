using MediaGen.Core.Notifications;
using MediaGen.Core.Providers.Validation;

namespace MediaGen.Workflows.Tests.Unit;

/// <summary><see cref="JobValidator.CheckCallbackEvents"/>: the rules typed requests (the client, queue and blob jobs) meet too.</summary>
public sealed class CallbackEventValidationTests
{
    [Fact]
    public void CheckCallbackEvents_ChosenWithAUrl_PassesAndAbsentAlwaysPasses()
    {
        var errors = new List<ValidationError>();

        JobValidator.CheckCallbackEvents([CallbackEvent.Started, CallbackEvent.Output, CallbackEvent.Completed], "https://example.com/cb", errors);
        JobValidator.CheckCallbackEvents(null, null, errors);

        Assert.Empty(errors);
    }

    [Fact]
    public void CheckCallbackEvents_WithoutCallbackUrl_NamesCallbackEvents()
    {
        var errors = new List<ValidationError>();

        JobValidator.CheckCallbackEvents([CallbackEvent.Output], null, errors);

        Assert.Contains(errors, e => e.Field == "callbackEvents" && e.Rule == "requires");
    }

    [Fact]
    public void CheckCallbackEvents_RepeatedEvent_NamesTheRepeat()
    {
        var errors = new List<ValidationError>();

        JobValidator.CheckCallbackEvents([CallbackEvent.Output, CallbackEvent.Completed, CallbackEvent.Output], "https://example.com/cb", errors);

        var error = Assert.Single(errors);
        Assert.Equal(("callbackEvents[2]", "duplicate"), (error.Field, error.Rule));
    }

    [Fact]
    public void CheckCallbackEvents_EmptyOrUndefined_AreRefused()
    {
        var errors = new List<ValidationError>();

        JobValidator.CheckCallbackEvents([], "https://example.com/cb", errors);
        JobValidator.CheckCallbackEvents([(CallbackEvent)7], "https://example.com/cb", errors);

        Assert.Contains(errors, e => e.Field == "callbackEvents" && e.Rule == "range");
        Assert.Contains(errors, e => e.Field == "callbackEvents[0]" && e.Rule == "one_of");
    }
}
