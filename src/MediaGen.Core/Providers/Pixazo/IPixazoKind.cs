namespace MediaGen.Core.Providers.Pixazo;

/// <summary>A kind Pixazo generates asynchronously: the submission that starts it (the result comes by webhook or polling).</summary>
public interface IPixazoKind
{
    /// <summary>The model id its outputs are recorded under.</summary>
    string Model { get; }

    /// <summary>Submits <paramref name="request"/>; Pixazo POSTs the final status to <paramref name="webhookUrl"/> when given.</summary>
    /// <exception cref="ProviderException">Pixazo refused or failed.</exception>
    Task<PixazoRequestStatus> SubmitAsync(PixazoClient pixazo, object request, string? webhookUrl);
}
