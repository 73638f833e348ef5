namespace MediaGen.Core.Jobs;

/// <summary>
/// A provider to try when the ones before it failed in a way that proves nothing was bought:
/// <c>{"provider":"pixazo","params":{…}}</c>. Image jobs may leave <see cref="Params"/> out: the primary's prompt and
/// size are mapped onto the provider (<see cref="FailoverMapping"/>).
/// </summary>
/// <param name="Provider">The provider.</param>
/// <param name="Params">Its own parameters (same kind as the job); null for an image job: mapped from the primary.</param>
public sealed record JobFallback(ProviderName Provider, JsonElement? Params = null);
