using System.Text.RegularExpressions;
using MediaGen.Core.Providers.Cosmic;

namespace MediaGen.Workflows;

/// <summary>
/// Everything checked before a job starts: the params bound and validated by the provider's rules, caller-supplied URLs
/// (<c>media_url</c>, <c>reference_images</c>, <c>image_url</c>, <c>callbackUrl</c>) against the <see cref="OutboundUrlGuard"/>,
/// output names (the container one of <see cref="MediaStoreOptions.OutputContainers"/>), idempotency key and deadline;
/// problems are returned, all at once. Whether a callback can be signed is a separate refusal
/// (<see cref="RequireCallbacks"/>): the server's configuration, not the request, is at fault.
/// </summary>
public sealed partial class JobValidator(OutboundUrlGuard guard, IOptions<CallbackOptions> callbacks, IOptions<MediaStoreOptions> media)
{
    /// <summary>Every problem of <paramref name="request"/>, fields prefixed with <paramref name="prefix"/> (e.g. <c>items[3].</c>).</summary>
    public IReadOnlyList<ValidationError> Validate(JobRequest request, DateTimeOffset now, string prefix = "") => Check(request, now, prefix).Errors;

    /// <summary>
    /// Every problem of <paramref name="request"/> (as <see cref="Validate"/>), and the typed request of each of its
    /// <see cref="JobRequest.Candidates"/> as its params bound: a start prices them without binding them again.
    /// </summary>
    public CheckedJob Check(JobRequest request, DateTimeOffset now, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ValidationError>();
        var candidates = request.Candidates();
        var typed = new List<object?> { CheckParams(request, errors) };
        for (var i = 1; i < candidates.Count; i++)
        {
            // A fallback's params are checked like the primary's (mapped ones too), named fallbacks[i].params.….
            var own = new List<ValidationError>();
            typed.Add(CheckParams(candidates[i], own));
            errors.AddRange(Prefixed(own, $"fallbacks[{i - 1}]."));
        }

        CheckCommon(request.Output, request.IdempotencyKey, request.CallbackUrl, request.Deadline, now, errors);
        return new CheckedJob(Prefixed(errors, prefix), typed);
    }

    private object? CheckParams(JobRequest request, List<ValidationError> errors)
    {
        var binding = JobParamsBinder.TryBind(request.Provider, request.Kind, request.Params);
        errors.AddRange(binding.Errors);
        if (binding.Request is { } typed)
        {
            foreach (var (field, url) in CallerUrls(typed))
            {
                CheckUrl(field, url, errors);
            }
        }

        return binding.Request;
    }

    /// <summary>Checks the fields every start request shares: output, idempotency key, callback URL, deadline.</summary>
    public void CheckCommon(JobOutput? output, string? idempotencyKey, string? callbackUrl, DateTimeOffset? deadline, DateTimeOffset now, List<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (output is not null)
        {
            if (output.Container is not null && !MediaBlobNames.IsValidContainerName(output.Container))
            {
                errors.Add(new ValidationError("output.container", "format", "must be a blob container name: 3–63 lowercase letters, digits and single dashes"));
            }
            else if (output.Container is not null && !media.Value.IsOutputContainer(output.Container) && !errors.Any(e => e.Field == "output.container"))
            {
                // The inbox, the task hub's and the workflows' containers are never outputs, whatever the settings list.
                errors.Add(new ValidationError("output.container", "not_allowed",
                    $"must be one of the output containers ({string.Join(", ", media.Value.OutputContainers())}; Media__DefaultContainer, Media__AllowedContainers)"));
            }

            if (MediaBlobNames.FolderProblem(output.Folder) is { } folder)
            {
                errors.Add(new ValidationError("output.folder", "format", folder));
            }

            if (MediaBlobNames.PrefixProblem(output.Prefix) is { } prefix)
            {
                errors.Add(new ValidationError("output.prefix", "format", prefix));
            }
        }

        if (idempotencyKey is not null && !IdempotencyKeyPattern().IsMatch(idempotencyKey))
        {
            errors.Add(new ValidationError("idempotencyKey", "format", "must be 1–100 characters of letters, digits, '.', '_', ':' or '-'"));
        }

        if (callbackUrl is not null)
        {
            CheckUrl("callbackUrl", callbackUrl, errors);
        }

        if (deadline is { } due && due <= now)
        {
            errors.Add(new ValidationError("deadline", "range", "must be in the future"));
        }
    }

    /// <summary>
    /// Refuses a request asking for a callback (<paramref name="callbackUrl"/> set) while callbacks cannot be signed:
    /// <c>Callbacks__SigningKey</c> missing or an unresolved Key Vault reference. Called once the request is valid.
    /// </summary>
    /// <exception cref="NotConfiguredException">A callback is asked for and cannot be signed; nothing was started.</exception>
    public void RequireCallbacks(string? callbackUrl)
    {
        if (callbackUrl is not null && SecretValue.Problem(CallbackOptions.SigningKeySetting, callbacks.Value.SigningKey) is { } problem)
        {
            throw new NotConfiguredException(CallbackOptions.SigningKeySetting, $"Callbacks are not configured here: {problem}. Nothing was started.");
        }
    }

    /// <summary>Adds an error unless <paramref name="url"/> is an absolute http(s) URL the guard allows; true when it is fine.</summary>
    public bool CheckUrl(string field, string url, List<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            if (!errors.Any(e => e.Field == field))
            {
                errors.Add(new ValidationError(field, "url", "must be an absolute http(s) URL"));
            }

            return false;
        }

        if (guard.Check(uri) is { } reason)
        {
            errors.Add(new ValidationError(field, "blocked_url", $"is not allowed: {reason}"));
            return false;
        }

        return true;
    }

    /// <summary>Checks a chain's steps: the initial video params, each extension prompt and the model.</summary>
    public IReadOnlyList<ValidationError> ValidateChain(ChainRequest request, int maxSteps, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ValidationError>();
        if (request.MediaId is not null && string.IsNullOrWhiteSpace(request.MediaId))
        {
            errors.Add(new ValidationError("mediaId", "required", "must not be empty when given"));
        }
        else if ((request.Initial is null) == (request.MediaId is null))
        {
            errors.Add(new ValidationError("initial", "exactly_one", "give exactly one of initial (a new Cosmic video) or mediaId (an existing one)"));
        }

        if (request.Initial is { } initial)
        {
            var video = Validate(new JobRequest(JobKind.Video, ProviderName.Cosmic, initial), now);
            errors.AddRange(video.Select(e => e with { Field = e.Field.StartsWith("params", StringComparison.Ordinal) ? "initial" + e.Field["params".Length..] : e.Field }));
        }

        if (request.Prompts.Count == 0 || request.Prompts.Count > maxSteps)
        {
            errors.Add(new ValidationError("prompts", "range", $"must hold 1–{maxSteps} prompts (had {request.Prompts.Count})"));
        }

        var validator = new CosmicVideoExtensionRequestValidator();
        for (var i = 0; i < request.Prompts.Count; i++)
        {
            // The media id of a step is only known when the previous step lands; check the rest now.
            var mediaId = string.IsNullOrWhiteSpace(request.MediaId) ? "pending" : request.MediaId;
            foreach (var error in validator.Validate(new CosmicVideoExtensionRequest(mediaId, request.Prompts[i], request.Model)))
            {
                var field = error.Field == "prompt" ? $"prompts[{i}]" : error.Field;
                if (!errors.Any(e => e.Field == field))
                {
                    errors.Add(error with { Field = field });
                }
            }
        }

        CheckCommon(request.Output, request.IdempotencyKey, request.CallbackUrl, request.Deadline, now, errors);
        return errors;
    }

    private static IEnumerable<(string Field, string Url)> CallerUrls(object request) => request switch
    {
        CosmicTextRequest text when text.MediaUrl is not null => [("params.media_url", text.MediaUrl)],
        CosmicImageRequest image => Indexed("params.reference_images", image.ReferenceImages),
        CosmicVideoRequest video => Indexed("params.reference_images", video.ReferenceImages),
        PixazoImageToVideoRequest video when video.ImageUrl is not null => [("params.image_url", video.ImageUrl)],
        _ => [],
    };

    private static IEnumerable<(string, string)> Indexed(string field, IReadOnlyList<string>? urls) =>
        (urls ?? []).Select((url, i) => ($"{field}[{i}]", url)).Where(pair => pair.url is not null);

    private static List<ValidationError> Prefixed(List<ValidationError> errors, string prefix) =>
        prefix.Length == 0 ? errors : [.. errors.Select(e => e with { Field = prefix + e.Field })];

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,100}$")]
    private static partial Regex IdempotencyKeyPattern();
}
