namespace MediaGen.Core.Providers;

/// <summary>A <see cref="ProviderKind"/> over its typed request: the casts live here, the kind's class overrides the typed members.</summary>
/// <typeparam name="TRequest">The request a job's <c>params</c> bind to.</typeparam>
public abstract class ProviderKind<TRequest> : ProviderKind
    where TRequest : class
{
    private readonly IRequestValidator<TRequest> _validator;

    /// <summary>What <paramref name="provider"/> does for <paramref name="kind"/>, its requests checked by <paramref name="validator"/>.</summary>
    protected ProviderKind(ProviderName provider, JobKind kind, GenerationFlow flow, RetryClass retryClass, IRequestValidator<TRequest> validator)
        : base(provider, kind, flow, retryClass) => _validator = validator;

    /// <inheritdoc />
    public sealed override Type RequestType => typeof(TRequest);

    /// <inheritdoc />
    public sealed override IReadOnlyList<ValidationError> Validate(object request) => _validator.Validate((TRequest)request);

    /// <inheritdoc />
    public sealed override decimal? Estimate(object request, CostOptions? options) => Estimate((TRequest)request, options);

    /// <inheritdoc />
    public sealed override JobCost Actual(JobCost estimate, object request, JobUsage? usage, int items, CostOptions? options) =>
        Actual(estimate, (TRequest)request, usage, items, options);

    /// <inheritdoc />
    public sealed override Task<Generation> GenerateAsync(object request, GenerationContext context) => GenerateAsync((TRequest)request, context);

    /// <inheritdoc cref="ProviderKind.Estimate"/>
    protected abstract decimal? Estimate(TRequest request, CostOptions? options);

    /// <inheritdoc cref="ProviderKind.Actual"/>
    protected abstract JobCost Actual(JobCost estimate, TRequest request, JobUsage? usage, int items, CostOptions? options);

    /// <inheritdoc cref="ProviderKind.GenerateAsync"/>
    protected abstract Task<Generation> GenerateAsync(TRequest request, GenerationContext context);
}
