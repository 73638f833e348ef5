namespace MediaGen.Workflows.Payloads;

/// <summary>A generated media item still at the provider (a URL or a data URI), to be copied into Blob Storage.</summary>
/// <param name="ItemIndex">Its index in the job's result (and blob name).</param>
/// <param name="Source">The provider's URL, or a <c>data:</c> URI.</param>
/// <param name="ContentType">The type the provider declared, when it did.</param>
/// <param name="ProviderId">The provider's id of the item (Cosmic media id, Pixazo request id).</param>
/// <param name="RevisedPrompt">The prompt as the provider rewrote it.</param>
/// <param name="Model">The model that generated it, when known.</param>
public sealed record MediaToCopy(int ItemIndex, string Source, string? ContentType, string? ProviderId, string? RevisedPrompt = null, string? Model = null);
