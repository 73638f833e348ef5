using System.Text.Json;
using MediaGen.Core.Jobs;
using MediaGen.Core.Providers.Validation;

namespace MediaGen.Core.Providers.Pixazo;

/// <summary>
/// What both Pixazo kinds share: submitted and waited for (<see cref="GenerationFlow.SubmitAndWait"/>), expensive (a
/// failed submission is repeated only when it proves nothing was bought), and the <c>image_size</c> param.
/// </summary>
/// <typeparam name="TRequest">The kind's request.</typeparam>
public abstract class PixazoKind<TRequest> : ProviderKind<TRequest>, IPixazoKind
    where TRequest : class
{
    /// <inheritdoc />
    public sealed override ProviderName Provider => ProviderName.Pixazo;

    /// <inheritdoc />
    public sealed override GenerationFlow Flow => GenerationFlow.SubmitAndWait;

    /// <inheritdoc />
    public sealed override RetryClass RetryClass => RetryClass.OnlyWhenNothingBought;

    /// <inheritdoc />
    public override string? DescribeParamType(Type type) =>
        type == typeof(PixazoImageSize) ? "a preset name or an object {\"width\", \"height\"}" : null;

    /// <summary>The members of a custom <c>image_size</c>, which its converter skips over without naming.</summary>
    public override IEnumerable<ValidationError> CheckParam(string name, Type type, JsonElement value)
    {
        if (type != typeof(PixazoImageSize) || value.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var member in value.EnumerateObject())
        {
            if (member.Name is not ("width" or "height"))
            {
                yield return new ValidationError($"params.{name}.{member.Name}", "unknown_field", "is not an image_size field (allowed: width, height)");
            }
            else if (member.Value.ValueKind != JsonValueKind.Null && !(member.Value.ValueKind == JsonValueKind.Number && member.Value.TryGetInt32(out _)))
            {
                yield return new ValidationError($"params.{name}.{member.Name}", "type", $"must be an integer (was {JobParamsBinder.DescribeValue(member.Value.ValueKind)})");
            }
        }
    }

    /// <inheritdoc />
    public abstract string Model { get; }

    /// <inheritdoc />
    public Task<PixazoRequestStatus> SubmitAsync(PixazoClient pixazo, object request, string? webhookUrl) => SubmitAsync(pixazo, (TRequest)request, webhookUrl);

    /// <summary>Submits the request.</summary>
    protected abstract Task<PixazoRequestStatus> SubmitAsync(PixazoClient pixazo, TRequest request, string? webhookUrl);

    /// <summary>Pixazo has no synchronous call.</summary>
    protected sealed override Task<Generation> GenerateAsync(TRequest request, GenerationContext context) =>
        throw new InvalidOperationException($"pixazo {WireNames.Of(Kind)} is not generated synchronously.");
}
