using MediaGen.Core.Costs;
using MediaGen.Core.Jobs;
using MediaGen.Core.Providers.Validation;

namespace MediaGen.Core.Providers;

/// <summary>A <see cref="ProviderKind"/> over its typed request: the casts live here, the kind's class overrides the typed members.</summary>
/// <typeparam name="TRequest">The request a job's <c>params</c> bind to.</typeparam>
public abstract class ProviderKind<TRequest> : ProviderKind
    where TRequest : class
{
    /// <inheritdoc />
    public sealed override Type RequestType => typeof(TRequest);

    /// <summary>The provider's validator of the request.</summary>
    protected abstract IRequestValidator<TRequest> Validator { get; }

    /// <inheritdoc />
    public sealed override IReadOnlyList<ValidationError> Validate(object request) => Validator.Validate((TRequest)request);

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
