namespace MediaGen.Workflows.Tests.Support;

/// <summary>
/// Activities answering from <see cref="FakeProviders"/>, registered under the real activities' names, so the real
/// orchestrators call them. Same input and output types as the real ones; failures travel as data as theirs do.
/// </summary>
internal static class FakeActivities
{
    public static void Register(DurableTaskRegistry registry)
    {
        registry.AddActivity(nameof(GenerateActivity), typeof(FakeGenerate));
        registry.AddActivity(nameof(CopyMediaActivity), typeof(FakeCopy));
        registry.AddActivity(nameof(PixazoSubmitActivity), typeof(FakeSubmit));
        registry.AddActivity(nameof(PixazoPollActivity), typeof(FakePoll));
        registry.AddActivity(nameof(PublishResultActivity), typeof(FakePublish));
        registry.AddActivity(nameof(SendCallbackActivity), typeof(FakeCallback));
    }

    /// <summary>Copies made inside another activity (generate, poll): the fake copy for each, recorded as a copy.</summary>
    private static List<CopyOutput> CopyAll(FakeProviders fakes, string instanceId, IEnumerable<CopyInput> copies) =>
        [.. copies.Select(copy =>
        {
            fakes.Record(nameof(CopyMediaActivity), instanceId, copy);
            return fakes.Copy(instanceId, copy, fakes.Next($"copy/{instanceId}/{copy.Item.ItemIndex}"));
        })];

    private sealed class FakeGenerate(FakeProviders fakes) : TaskActivity<GenerateInput, GenerateOutput>
    {
        public override Task<GenerateOutput> RunAsync(TaskActivityContext context, GenerateInput input)
        {
            fakes.Record(nameof(GenerateActivity), context.InstanceId, input);
            var output = fakes.Generate(context.InstanceId, input, fakes.Next($"generate/{context.InstanceId}/{input.FirstItemIndex}"));
            if (!input.CopyMedia || output.Failure is not null || output.Media.Count == 0)
            {
                return Task.FromResult(output);
            }

            // As the real one: the media copied in the same activity (the fake copy, recorded as one).
            var provider = MediaGen.Core.Jobs.JobRequestReader.ProviderText(input.Request.Provider);
            return Task.FromResult(output with
            {
                Copies = CopyAll(fakes, context.InstanceId, output.Media.Select(m => new CopyInput(m, input.Request.Output, provider, input.Trace is null ? null : input.Trace with { Attempt = 1 }, input.Request.Kind))),
            });
        }
    }

    private sealed class FakeCopy(FakeProviders fakes) : TaskActivity<CopyInput, CopyOutput>
    {
        public override Task<CopyOutput> RunAsync(TaskActivityContext context, CopyInput input)
        {
            fakes.Record(nameof(CopyMediaActivity), context.InstanceId, input);
            return Task.FromResult(fakes.Copy(context.InstanceId, input, fakes.Next($"copy/{context.InstanceId}/{input.Item.ItemIndex}")));
        }
    }

    private sealed class FakeSubmit(FakeProviders fakes) : TaskActivity<PixazoSubmitInput, PixazoSubmitOutput>
    {
        public override Task<PixazoSubmitOutput> RunAsync(TaskActivityContext context, PixazoSubmitInput input)
        {
            fakes.Record(nameof(PixazoSubmitActivity), context.InstanceId, input);
            return fakes.SubmitAsync(context.InstanceId, input);
        }
    }

    /// <summary>A poll; as the real one, a poll given a copy plan that reads COMPLETED copies every item (the fake copy, recorded as one).</summary>
    private sealed class FakePoll(FakeProviders fakes) : TaskActivity<PixazoPollInput, PixazoPollOutput>
    {
        public override async Task<PixazoPollOutput> RunAsync(TaskActivityContext context, PixazoPollInput input)
        {
            fakes.Record(nameof(PixazoPollActivity), context.InstanceId, input.RequestId);
            var output = await fakes.PollAsync(input.RequestId, fakes.Next($"poll/{input.RequestId}"));
            if (input.CopyWhenCompleted is not { } plan || output.Report is not { Status: PixazoStatus.Completed, MediaUrls.Count: > 0 } report)
            {
                return output;
            }

            return output with
            {
                Copies = CopyAll(fakes, context.InstanceId, report.MediaUrls.Select((url, i) =>
                    new CopyInput(new MediaToCopy(i, url, report.MediaType, report.RequestId, null, plan.Model), plan.Output, plan.Provider, input.Trace is null ? null : input.Trace with { Attempt = 1 }, plan.Kind))),
            };
        }
    }

    private sealed class FakePublish(FakeProviders fakes) : TaskActivity<PublishInput, DeliveryOutput>
    {
        public override Task<DeliveryOutput> RunAsync(TaskActivityContext context, PublishInput input)
        {
            fakes.Record(nameof(PublishResultActivity), context.InstanceId, input.Notification);
            fakes.Published.Enqueue(input.Notification);
            return Task.FromResult(DeliveryOutput.Delivered);
        }
    }

    private sealed class FakeCallback(FakeProviders fakes) : TaskActivity<CallbackInput, DeliveryOutput>
    {
        public override Task<DeliveryOutput> RunAsync(TaskActivityContext context, CallbackInput input)
        {
            fakes.Record(nameof(SendCallbackActivity), context.InstanceId, input);
            return Task.FromResult(fakes.Callback(input, fakes.Next($"callback/{context.InstanceId}")));
        }
    }
}
