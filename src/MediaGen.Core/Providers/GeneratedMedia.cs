namespace MediaGen.Core.Providers;

/// <summary>A generated item still at the provider.</summary>
/// <param name="ItemIndex">Its index in the job's result (and blob name).</param>
/// <param name="Source">The provider's URL, or a <c>data:</c> URI.</param>
/// <param name="ContentType">The type the provider declared, when it did.</param>
/// <param name="ProviderId">The provider's id of the item.</param>
/// <param name="RevisedPrompt">The prompt as the provider rewrote it.</param>
/// <param name="Model">The model that generated it.</param>
public sealed record GeneratedMedia(int ItemIndex, string Source, string? ContentType, string? ProviderId, string? RevisedPrompt, string? Model);
