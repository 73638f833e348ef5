using MediaGen.Core.Notifications;
using MediaGen.Workflows.Activities;
using MediaGen.Workflows.Payloads;
using Microsoft.DurableTask;
using MediaGen.Durable.Hosting;

namespace MediaGen.Workflows.Tests.Support;

/// <summary>Registers the fake activities under the real activities' names, so the real orchestrators call them.</summary>
internal static class FakeActivities
{
    public static void Register(DurableRuntimeBuilder builder)
    {
        builder.AddActivity(typeof(FakeGenerate), nameof(GenerateActivity));
        builder.AddActivity(typeof(FakeCopy), nameof(CopyMediaActivity));
        builder.AddActivity(typeof(FakeSubmit), nameof(PixazoSubmitActivity));
        builder.AddActivity(typeof(FakePoll), nameof(PixazoPollActivity));
        builder.AddActivity(typeof(FakePublish), nameof(PublishResultActivity));
        builder.AddActivity(typeof(FakeCallback), nameof(SendCallbackActivity));
    }

    private sealed class FakeGenerate(FakeProviders fakes, TimeProvider clock) : TaskActivity<GenerateInput, GenerateOutput>
    {
        public override Task<GenerateOutput> RunAsync(TaskActivityContext context, GenerateInput input)
        {
            fakes.Calls.Enqueue(new(nameof(GenerateActivity), context.InstanceId, clock.GetUtcNow(), input));
            return Task.FromResult(fakes.Generate(context.InstanceId, input, fakes.Next($"generate/{context.InstanceId}/{input.FirstItemIndex}")));
        }
    }

    private sealed class FakeCopy(FakeProviders fakes, TimeProvider clock) : TaskActivity<CopyInput, CopyOutput>
    {
        public override Task<CopyOutput> RunAsync(TaskActivityContext context, CopyInput input)
        {
            fakes.Calls.Enqueue(new(nameof(CopyMediaActivity), context.InstanceId, clock.GetUtcNow(), input));
            return Task.FromResult(fakes.Copy(context.InstanceId, input, fakes.Next($"copy/{context.InstanceId}/{input.Item.ItemIndex}")));
        }
    }

    private sealed class FakeSubmit(FakeProviders fakes, TimeProvider clock) : TaskActivity<PixazoSubmitInput, PixazoSubmitOutput>
    {
        public override Task<PixazoSubmitOutput> RunAsync(TaskActivityContext context, PixazoSubmitInput input)
        {
            fakes.Calls.Enqueue(new(nameof(PixazoSubmitActivity), context.InstanceId, clock.GetUtcNow(), input));
            return Task.FromResult(fakes.Submit(context.InstanceId, input));
        }
    }

    private sealed class FakePoll(FakeProviders fakes, TimeProvider clock) : TaskActivity<string, PixazoPollOutput>
    {
        public override Task<PixazoPollOutput> RunAsync(TaskActivityContext context, string input)
        {
            fakes.Calls.Enqueue(new(nameof(PixazoPollActivity), context.InstanceId, clock.GetUtcNow(), input));
            return Task.FromResult(fakes.Poll(input, fakes.Next($"poll/{input}")));
        }
    }

    private sealed class FakePublish(FakeProviders fakes, TimeProvider clock) : TaskActivity<JobNotification, bool>
    {
        public override Task<bool> RunAsync(TaskActivityContext context, JobNotification input)
        {
            fakes.Calls.Enqueue(new(nameof(PublishResultActivity), context.InstanceId, clock.GetUtcNow(), input));
            fakes.Published.Enqueue(input);
            return Task.FromResult(true);
        }
    }

    private sealed class FakeCallback(FakeProviders fakes, TimeProvider clock) : TaskActivity<CallbackInput, bool>
    {
        public override Task<bool> RunAsync(TaskActivityContext context, CallbackInput input)
        {
            fakes.Calls.Enqueue(new(nameof(SendCallbackActivity), context.InstanceId, clock.GetUtcNow(), input));
            return fakes.CallbackAcknowledged(fakes.Next($"callback/{context.InstanceId}"))
                ? Task.FromResult(true)
                : throw new CallbackDeliveryException("The receiver answered 500.", System.Net.HttpStatusCode.InternalServerError);
        }
    }
}
