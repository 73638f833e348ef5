using MediaGen.Durable.Hosting;

namespace MediaGen.Durable.Tests.Workflows;

internal static class TestRegistrations
{
    public static void Register(DurableRuntimeBuilder builder) => builder
        .AddOrchestrator<HelloSequence>().AddOrchestrator<CatchingOrchestrator>().AddOrchestrator<UncaughtOrchestrator>()
        .AddOrchestrator<RetryOrchestrator>().AddOrchestrator<TimerOrchestrator>().AddOrchestrator<GuidOrchestrator>()
        .AddOrchestrator<EchoOrchestrator>().AddOrchestrator<FanOutOrchestrator>().AddOrchestrator<EventsOrchestrator>()
        .AddOrchestrator<TimeoutOrchestrator>().AddOrchestrator<StatusOrchestrator>().AddOrchestrator<CounterOrchestrator>()
        .AddOrchestrator<CarryEventsOrchestrator>().AddOrchestrator<LoggingOrchestrator>().AddOrchestrator<ParentOrchestrator>().AddOrchestrator<FailingParent>()
        .AddActivity<SayHello>().AddActivity<Echo>().AddActivity<Square>().AddActivity<AddOne>()
        .AddActivity<FailingActivity>().AddActivity<FlakyActivity>();
}
