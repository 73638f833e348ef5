using MediaGen.Core.Providers.Validation;

namespace MediaGen.Workflows.Tests.Unit;

public sealed class JobValidationTests : IAsyncLifetime
{
    private WorkflowTestHost _host = null!;

    public async Task InitializeAsync() => _host = await WorkflowTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("""{"kind":"video","provider":"pixazo","params":{"prompt":"Pan","image_url":"http://169.254.169.254/latest/meta-data/"}}""", "params.image_url")]
    [InlineData("""{"kind":"image","provider":"cosmic","params":{"prompt":"x","reference_images":["https://example.com/ok.png","http://10.0.0.7/internal.png"]}}""", "params.reference_images[1]")]
    [InlineData("""{"kind":"text","provider":"cosmic","params":{"prompt":"x","media_url":"http://[::1]:8080/secret"}}""", "params.media_url")]
    [InlineData("""{"kind":"image","provider":"cosmic","params":{"prompt":"x"},"callbackUrl":"http://192.168.1.10/hook"}""", "callbackUrl")]
    [InlineData("""{"kind":"image","provider":"cosmic","params":{"prompt":"x"},"callbackUrl":"http://user:pw@example.com/hook"}""", "callbackUrl")]
    public async Task StartJob_CallerUrlToPrivateAddress_RefusedAndNothingStarted(string json, string field)
    {
        var error = await Assert.ThrowsAsync<RequestValidationException>(() => _host.Starter.StartJobAsync(System.Text.Encoding.UTF8.GetBytes(json)));

        Assert.Contains(error.Errors, e => e.Field == field && e.Rule == "blocked_url");
        Assert.Empty((await _host.Reader.ListJobsAsync(new JobQuery(), JobAccess.Everything)).Jobs);
    }

    [Fact]
    public async Task StartJob_ManyProblems_ListsEveryOneAndStartsNothing()
    {
        var json = """
            {"kind":"image","provider":"pixazo","params":{"prompt":"","num_images":9,"colour":"red"},"output":{"container":"Bad_Name"},"idempotencyKey":"has spaces"}
            """u8.ToArray();

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => _host.Starter.StartJobAsync(json));

        var fields = error.Errors.Select(e => e.Field).ToHashSet();
        Assert.Superset(new HashSet<string> { "params.colour", "output.container", "idempotencyKey" }, fields);
        Assert.Empty((await _host.Reader.ListJobsAsync(new JobQuery(), JobAccess.Everything)).Jobs);
    }

    [Fact]
    public async Task StartJob_ProviderRangeBroken_NamesParamsFieldAndStartsNothing()
    {
        var request = Requests.Job(JobKind.Image, ProviderName.Pixazo, """{"prompt":"x","num_images":9}""");

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => _host.Starter.StartJobAsync(request));

        Assert.Contains(error.Errors, e => e is { Field: "params.num_images", Rule: "range" });
        Assert.Empty(_host.Fakes.Calls);
    }

    [Fact]
    public async Task StartBatch_InvalidItem_NamesItemFieldAndStartsNothing()
    {
        var json = """
            {"items":[{"kind":"image","provider":"cosmic","params":{"prompt":"ok"}},{"kind":"image","provider":"comet","params":{"prompt":"x","n":0}}]}
            """u8.ToArray();

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => _host.Starter.StartBatchAsync(json));

        Assert.Contains(error.Errors, e => e is { Field: "items[1].params.n", Rule: "range" });
        Assert.Empty(_host.Fakes.Calls);
    }

    [Fact]
    public async Task StartChain_NeitherInitialNorMediaId_Refused()
    {
        var json = """{"prompts":["It walks away"]}"""u8.ToArray();

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => _host.Starter.StartChainAsync(json));

        Assert.Contains(error.Errors, e => e is { Field: "initial", Rule: "exactly_one" });
    }

    [Theory]
    [InlineData("""{"mediaId":"","prompts":["It walks away"]}""")]
    [InlineData("""{"mediaId":"  ","initial":{"prompt":"A kitten"},"prompts":["It walks away"]}""")]
    public async Task StartChain_BlankMediaId_NamesMediaId(string chain)
    {
        var error = await Assert.ThrowsAsync<RequestValidationException>(() => _host.Starter.StartChainAsync(System.Text.Encoding.UTF8.GetBytes(chain)));

        Assert.Contains(error.Errors, e => e is { Field: "mediaId", Rule: "required" });
        Assert.DoesNotContain(error.Errors, e => e.Field == "media_id");
    }

    [Fact]
    public async Task StartChain_BadInitialAndEmptyPrompt_NamesBoth()
    {
        var json = """{"initial":{"prompt":"A kitten","duration":5},"prompts":["ok",""]}"""u8.ToArray();

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => _host.Starter.StartChainAsync(json));

        Assert.Contains(error.Errors, e => e.Field == "initial.duration");
        Assert.Contains(error.Errors, e => e.Field == "prompts[1]");
    }

    [Theory]
    [InlineData("mediagen-workflows")]
    [InlineData("azure-webjobs-hosts")]
    [InlineData("someone-elses-container")]
    public async Task StartJob_OutputContainerNotAnOutput_NamesOutputContainerAndStartsNothing(string container)
    {
        var json = System.Text.Encoding.UTF8.GetBytes(
            $$"""{"kind":"image","provider":"cosmic","params":{"prompt":"x"},"output":{"container":"{{container}}"},"fallbacks":[{"provider":"comet"}]}""");

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => _host.Starter.StartJobAsync(json));

        var problem = Assert.Single(error.Errors);
        Assert.Equal(("output.container", "not_allowed"), (problem.Field, problem.Rule));
        Assert.Contains("media", problem.Message, StringComparison.Ordinal);
        Assert.Empty(_host.Fakes.Calls);
        Assert.Empty((await _host.Reader.ListJobsAsync(new JobQuery(), JobAccess.Everything)).Jobs);
    }

    [Fact]
    public async Task StartBatchAndChain_OutputInTheStateContainer_NameTheItemsAndTheChainsOutputContainer()
    {
        var batch = """
            {"items":[{"kind":"image","provider":"cosmic","params":{"prompt":"ok"},"output":{"container":"media"}},{"kind":"image","provider":"cosmic","params":{"prompt":"x"},"output":{"container":"mediagen-workflows"}}]}
            """u8.ToArray();
        var chain = """{"initial":{"prompt":"A kitten"},"prompts":["It walks away"],"output":{"container":"mediagen-workflows"}}"""u8.ToArray();

        var batchError = await Assert.ThrowsAsync<RequestValidationException>(() => _host.Starter.StartBatchAsync(batch));
        var chainError = await Assert.ThrowsAsync<RequestValidationException>(() => _host.Starter.StartChainAsync(chain));

        Assert.Equal(["items[1].output.container"], batchError.Errors.Select(e => e.Field));
        Assert.Equal(["output.container"], chainError.Errors.Select(e => e.Field));
        Assert.Empty(_host.Fakes.Calls);
    }

    [Fact]
    public async Task StartJob_OutputInTheDefaultContainer_Starts()
    {
        var json = """{"kind":"image","provider":"cosmic","params":{"prompt":"x"},"output":{"container":"media","folder":"ok"}}"""u8.ToArray();

        var started = await _host.Starter.StartJobAsync(json);

        Assert.False(started.AlreadyExisted);
    }
}
