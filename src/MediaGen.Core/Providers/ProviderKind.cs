namespace MediaGen.Core.Providers;

/// <summary>
/// What MediaGen knows about one kind a provider generates: its typed request and validator, its flow, its retry class,
/// its costs, its generate call and its failover mapping. Code outside the provider's folder asks this (through
/// <see cref="ProviderRegistry"/>) instead of switching on the (provider, kind) pair. Each pair is one small class in
/// its provider's folder, deriving from <see cref="ProviderKind{TRequest}"/>.
/// </summary>
public abstract class ProviderKind
{
    /// <summary>What <paramref name="provider"/> does for <paramref name="kind"/>: its flow and retry class.</summary>
    protected ProviderKind(ProviderName provider, JobKind kind, GenerationFlow flow, RetryClass retryClass)
    {
        Provider = provider;
        Kind = kind;
        Flow = flow;
        RetryClass = retryClass;
    }

    /// <summary>The provider.</summary>
    public ProviderName Provider { get; }

    /// <summary>The kind.</summary>
    public JobKind Kind { get; }

    /// <summary>The typed request a job's <c>params</c> bind to (snake_case fields, as the provider documents them).</summary>
    public abstract Type RequestType { get; }

    /// <summary>How the provider delivers it.</summary>
    public GenerationFlow Flow { get; }

    /// <summary>Which failed calls may be made again.</summary>
    public RetryClass RetryClass { get; }

    /// <summary>Every documented rule <paramref name="request"/> (of <see cref="RequestType"/>) breaks; empty when valid.</summary>
    public abstract IReadOnlyList<ValidationError> Validate(object request);

    /// <summary>The most a validated request should cost, in its provider's unit; null when unknown.</summary>
    public abstract decimal? Estimate(object request, CostOptions? options);

    /// <summary>The actual cost of a call that delivered <paramref name="items"/> items and reported <paramref name="usage"/>.</summary>
    public abstract JobCost Actual(JobCost estimate, object request, JobUsage? usage, int items, CostOptions? options);

    /// <summary>Makes the call of a <see cref="GenerationFlow.Synchronous"/> kind.</summary>
    /// <exception cref="ProviderException">The provider failed.</exception>
    public abstract Task<Generation> GenerateAsync(object request, GenerationContext context);

    /// <summary>Failover (image kinds): the aspect ratio (<c>16:9</c>…) a job's params ask for, when they say.</summary>
    public virtual string? AspectRatioOf(JsonElement parameters) => null;

    /// <summary>Failover (image kinds): writes the shape of <paramref name="ratio"/> into mapped params that hold the prompt.</summary>
    public virtual void WriteAspectRatio(JsonObject parameters, string? ratio)
    {
    }

    /// <summary>Checks one param the serializer cannot name the problem of; a non-empty answer replaces its type check.</summary>
    /// <param name="name">The param's name.</param>
    /// <param name="type">Its type in <see cref="RequestType"/>.</param>
    /// <param name="value">Its value.</param>
    public virtual IEnumerable<ValidationError> CheckParam(string name, Type type, JsonElement value) => [];

    /// <summary>How a param's type reads in an error (<c>an array of {"role", "content"} objects</c>), for the provider's own types; null for others.</summary>
    public virtual string? DescribeParamType(Type type) => null;
}
