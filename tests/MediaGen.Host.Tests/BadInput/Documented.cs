using MediaGen.Core.Providers.Cosmic;
using MediaGen.Core.Providers.Pixazo;
using static MediaGen.Host.Tests.BadInput.FieldSpec;

namespace MediaGen.Host.Tests.BadInput;

/// <summary>
/// The documented valid bodies of every body route (README "HTTP API", docs/workflows.md "JSON", docs/providers.md) and
/// their fields: every provider pair's every parameter, the job, batch and chain fields, the text stream fields and
/// Pixazo's webhook status.
/// </summary>
public static class Documented
{
    /// <summary>The example of docs/workflows.md "JSON": a Pixazo job with output, idempotency key, callback and deadline.</summary>
    public const string Job =
        """{"kind":"image","provider":"pixazo","params":{"prompt":"Observatory at night","num_images":2},"output":{"container":"media","folder":"demo","prefix":"x"},"idempotencyKey":"order-42","callbackUrl":"https://example.com/hooks/mediagen","deadline":"2030-01-01T12:00:00Z"}""";

    /// <summary>The failover example of docs/workflows.md: a Cosmic image with a Pixazo fallback (own params) and a CometAPI one (mapped).</summary>
    public const string JobWithFallbacks =
        """{"kind":"image","provider":"cosmic","params":{"prompt":"Observatory at night"},"fallbacks":[{"provider":"pixazo","params":{"prompt":"Observatory at night","num_images":2}},{"provider":"comet"}]}""";

    /// <summary>That job as a batch item (items carry no idempotency key or callback of their own).</summary>
    public const string BatchItem =
        """{"kind":"image","provider":"pixazo","params":{"prompt":"Observatory at night","num_images":2},"output":{"container":"media","folder":"demo","prefix":"x"},"deadline":"2030-01-01T12:00:00Z"}""";

    private static readonly string[] KindNames = ["text", "image", "video", "video-extension", "audio"];
    private static readonly string[] ProviderNames = ["cosmic", "pixazo", "comet"];
    private static readonly string[] PixazoStatuses = ["QUEUED", "PROCESSING", "COMPLETED", "FAILED", "ERROR"];

    /// <summary><c>POST /api/jobs</c>: the documented job (its own fields), then one body per provider pair with every parameter set.</summary>
    public static IReadOnlyList<DocumentedBody> Jobs =>
    [
        new("/api/jobs", "documented job", Job, JobFields()),
        new("/api/jobs", "job with fallbacks", JobWithFallbacks,
        [
            Array("fallbacks", required: false, "[]", """[{"provider":"comet"},{"provider":"comet"},{"provider":"comet"},{"provider":"comet"}]"""),
            Object("fallbacks[0]"),
            Enum("fallbacks[0].provider", ProviderNames, required: true),
            Object("fallbacks[0].params"),
            .. Params[5].Fields.Where(f => f.Path is "prompt" or "num_images").Select(f => f.Under("fallbacks[0].params.")),
            Enum("fallbacks[1].provider", ProviderNames, required: true),
        ]),
        .. Params.Select(p => new DocumentedBody("/api/jobs", p.Name,
            $$"""{"kind":"{{p.Kind}}","provider":"{{p.Provider}}","params":{{p.Json}}}""",
            [Object("params", required: true, bad: "{}"), .. p.Fields.Select(f => f.Under("params."))])),
    ];

    /// <summary><c>POST /api/batches</c>: the documented job as the item of a batch with its own key and callback.</summary>
    public static IReadOnlyList<DocumentedBody> Batches =>
    [
        new("/api/batches", "batch",
            $$"""{"items":[{{BatchItem}}],"idempotencyKey":"batch-42","callbackUrl":"https://example.com/hooks/batch"}""",
            [
                Array("items", required: true, "[]"),
                Object("items[0]", bad: "{}") with { Nullable = false },
                .. JobFields().Where(f => f.Path is not ("idempotencyKey" or "callbackUrl")).Select(f => f.Under("items[0].")),
                .. Params[5].Fields.Select(f => f.Under("items[0].params.")),
                IdempotencyKey("idempotencyKey"),
                Url("callbackUrl"),
            ]),
    ];

    /// <summary><c>POST /api/chains</c>: a chain from new video params, and one extending an existing video.</summary>
    public static IReadOnlyList<DocumentedBody> Chains =>
    [
        new("/api/chains", "chain from initial",
            """{"initial":{"prompt":"a kite","model":"veo-3.1-fast-generate-preview","duration":8,"resolution":"720p","reference_images":["https://example.com/first.png"],"folder":"kites","metadata":{"take":1}},"prompts":["higher","into the clouds"],"model":"veo-3.1-fast-generate-preview","output":{"container":"media","folder":"chains","prefix":"k"},"idempotencyKey":"chain-42","callbackUrl":"https://example.com/hooks/chain","deadline":"2030-01-01T12:00:00Z"}""",
            [
                Object("initial", required: true, bad: "{}"),
                .. CosmicVideo().Select(f => f.Under("initial.")),
                Text("mediaId", alsoNamed: "initial") with { BadValues = [.. new[] { "", " ", "media-123" }.Select(Json.String)] },
                Array("prompts", required: true, "[]", $"[{string.Join(",", Enumerable.Repeat("\"more\"", 21))}]"),
                Text("prompts[0]", nullable: false),
                Enum("model", CosmicCatalog.VideoModels),
                .. OutputFields(),
                IdempotencyKey("idempotencyKey"),
                Url("callbackUrl"),
                Deadline("deadline"),
            ]),
        new("/api/chains", "chain from media id",
            """{"mediaId":"media-123","prompts":["higher"]}""",
            [Text("mediaId", required: true, alsoNamed: "initial"), Text("prompts[0]", nullable: false)]),
    ];

    /// <summary><c>POST /api/text/stream</c>: a prompt with every other field, and a chat history.</summary>
    public static IReadOnlyList<DocumentedBody> TextStream =>
    [
        new("/api/text/stream", "text prompt",
            """{"prompt":"Tell me about foxes","model":"claude-opus-4-8","max_tokens":256,"media_url":"https://example.com/notes.txt"}""",
            [.. CosmicTextPrompt()]),
        new("/api/text/stream", "text messages",
            """{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"}],"max_tokens":64}""",
            [.. CosmicTextMessages()]),
    ];

    /// <summary>The parameters of each provider pair (docs/providers.md), every documented field set.</summary>
    private static IReadOnlyList<(string Name, string Kind, string Provider, string Json, IReadOnlyList<FieldSpec> Fields)> Params =>
    [
        ("cosmic text (prompt)", "text", "cosmic",
            """{"prompt":"Tell me about foxes","model":"claude-opus-4-8","max_tokens":256,"media_url":"https://example.com/notes.txt"}""",
            CosmicTextPrompt()),
        ("cosmic text (messages)", "text", "cosmic",
            """{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"}],"model":"gpt-5"}""",
            CosmicTextMessages()),
        ("cosmic image", "image", "cosmic",
            """{"prompt":"a paper boat","model":"gemini-3.1-flash-image-preview","size":"1024x1024","aspect_ratio":"1:1","reference_images":["https://example.com/ref.png"],"folder":"boats","alt_text":"A paper boat","metadata":{"source":"docs"}}""",
            [
                Text("prompt", required: true),
                Enum("model", CosmicCatalog.ImageModels),
                Enum("size", CosmicCatalog.ImageSizes[CosmicCatalog.FlashImageModel]),
                Enum("quality", CosmicCatalog.ImageQualities),
                Enum("aspect_ratio", CosmicCatalog.AspectRatios[CosmicCatalog.FlashImageModel]),
                Array("reference_images", bad: Urls(15)),
                Url("reference_images[0]") with { Nullable = false },
                NotBlank("folder"),
                Text("alt_text"),
                Object("metadata", strict: false),
            ]),
        ("cosmic video", "video", "cosmic",
            """{"prompt":"a kite over the dunes","model":"veo-3.1-fast-generate-preview","duration":8,"resolution":"720p","reference_images":["https://example.com/first.png"],"folder":"kites","metadata":{"take":1}}""",
            CosmicVideo()),
        ("cosmic video-extension", "video-extension", "cosmic",
            """{"media_id":"media-123","prompt":"higher","model":"veo-3.1-generate-preview","folder":"kites","metadata":{}}""",
            [
                Text("media_id", required: true),
                Text("prompt", required: true),
                Enum("model", CosmicCatalog.VideoModels),
                NotBlank("folder"),
                Object("metadata", strict: false),
            ]),
        ("pixazo image (preset, agentic)", "image", "pixazo",
            """{"prompt":"Observatory at night","negative_prompt":"blurry","enable_prompt_expansion":false,"enable_agentic_generation":true,"agentic_max_iterations":2,"agentic_samples_per_iteration":2,"agentic_early_stop":true,"image_size":"square_hd","num_inference_steps":30,"guidance_scale":7.5,"num_images":2,"output_format":"png","enable_safety_checker":true,"seed":42,"sync_mode":false}""",
            [
                .. PixazoCommon(PixazoCatalog.MaxTextToImageNegativePromptLength),
                Integer("num_images", 1, 4),
                Enum("output_format", PixazoCatalog.OutputFormats),
            ]),
        ("pixazo image (custom size)", "image", "pixazo",
            """{"prompt":"Harbour at dawn","image_size":{"width":1024,"height":768}}""",
            [
                Integer("image_size.width", 1, int.MaxValue) with { Nullable = false },
                Integer("image_size.height", 1, int.MaxValue) with { Nullable = false },
            ]),
        ("pixazo video", "video", "pixazo",
            """{"prompt":"waves rolling in","image_url":"https://example.com/still.png","negative_prompt":"","enable_prompt_expansion":true,"enable_agentic_generation":false,"image_size":"landscape_16_9","num_frames":121,"frames_per_second":24,"num_inference_steps":35,"guidance_scale":7,"enable_safety_checker":true,"seed":7,"sync_mode":false}""",
            [
                .. PixazoCommon(PixazoCatalog.MaxImageToVideoNegativePromptLength),
                Url("image_url", required: true),
                Integer("num_frames", 5, 189),
                Integer("frames_per_second", 4, 60),
            ]),
        ("comet image", "image", "comet",
            """{"prompt":"a paper boat","model":"dall-e-3","n":1,"size":"1024x1024","response_format":"url"}""",
            [
                Text("prompt", required: true),
                Text("model", nullable: false),
                Integer("n", 1, int.MaxValue),
                NotBlank("size"),
                Enum("response_format", ["url", "b64_json"]),
            ]),
        ("cosmic audio", "audio", "cosmic",
            """{"prompt":"Hello there","voice":"nova","model":"tts-1","folder":"audio","metadata":{}}""",
            [
                Text("prompt", required: true),
                Enum("voice", CosmicCatalog.Voices),
                Enum("model", CosmicCatalog.AudioModels),
                NotBlank("folder"),
                Object("metadata", strict: false),
            ]),
    ];

    /// <summary>A Pixazo webhook status for <paramref name="requestId"/>, as Pixazo posts it when a request completes.</summary>
    public static DocumentedBody Webhook(string route, string requestId) => new(route, "pixazo webhook",
        $$"""{"request_id":"{{requestId}}","status":"COMPLETED","model_id":"cosmos-3-super-text-to-image","output":{"media_url":["https://example.com/out.png"],"media_type":"image/png"},"created_at":"2030-01-01T00:00:00Z","updated_at":"2030-01-01T00:00:05Z","completed_at":"2030-01-01T00:00:05Z"}""",
        [
            Text("request_id", required: true),
            Enum("status", PixazoStatuses, required: true),
            Text("model_id"),
            Text("error"),
            Text("polling_url"),
            Object("output", false, false, "{}", """{"media_type":"image/png"}""") with { Nullable = false, AlsoNamed = ["output.media_url"] },
            Array("output.media_url", required: true, "[]", """[""]""", """["  "]"""),
            Text("output.media_url[0]", nullable: false),
            Text("output.media_type"),
            Pattern("created_at", "", "x", "NaN", "2030-13-01T00:00:00Z", "2030-01-01T25:00:00Z"),
            Pattern("updated_at", "", "x", "yesterday"),
            Pattern("completed_at", "", "x", "9999-99-99T99:99:99Z"),
        ],
        StrictRoot: false);

    private static List<FieldSpec> JobFields() =>
    [
        Enum("kind", KindNames, required: true),
        Enum("provider", ProviderNames, required: true),
        Object("params", required: true, bad: "{}"),
        .. Params[5].Fields.Where(f => f.Path is "prompt" or "num_images").Select(f => f.Under("params.")),
        .. OutputFields(),
        IdempotencyKey("idempotencyKey"),
        Url("callbackUrl"),
        Deadline("deadline"),
    ];

    private static List<FieldSpec> OutputFields() =>
    [
        Object("output"),
        // Well-formed names that are not output containers too (issue 28.3): MediaGen's own, the Functions host's, any other.
        Pattern("output.container", "", "x", "ab", "NaN", "Media", "a--b", "-abc", "abc-", "a_b", Long(64),
            "inbox", "mediagen-workflows", "azure-webjobs-hosts", "azure-webjobs-secrets", "not-an-output"),
        Pattern("output.folder", "", ".", "..", "a/../b", "/a", "a/", "a//b", "a b", "a\\b", "a?b", Long(513)),
        Pattern("output.prefix", "a/b", "a b", "a?b", Long(65)),
    ];

    private static FieldSpec IdempotencyKey(string path) => Pattern(path, "", " ", "a b", "ä", "x/y", "x?y", Long(101));

    private static FieldSpec Deadline(string path) => Pattern(path,
        "", "x", "NaN", "-1", "0", "2030-01-01", "2030-01-01T12:00:00", "2001-01-01T00:00:00Z", "2030-13-01T00:00:00Z",
        "2030-01-01T25:00:00Z", "2030-01-01 12:00:00Z", "9999-99-99T99:99:99Z", Long(300));

    // media_url is guarded for jobs and for the text stream alike (issue 28.4).
    private static List<FieldSpec> CosmicTextPrompt() =>
    [
        Text("prompt", required: true),
        Array("messages", bad: "[]") with { AlsoNamed = ["prompt"] },
        Enum("model", CosmicCatalog.TextModels),
        Integer("max_tokens", 1, int.MaxValue),
        Url("media_url"),
    ];

    private static List<FieldSpec> CosmicTextMessages() =>
    [
        Array("messages", required: true, "[]") with { AlsoNamed = ["prompt"] },
        Object("messages[0]", bad: ["{}", """{"role":"user"}""", """{"content":"Hi"}"""]) with { Nullable = false },
        Enum("messages[0].role", CosmicCatalog.MessageRoles, required: true),
        Text("messages[0].content", required: true),
        Text("prompt") with { BadValues = [Json.String("Tell me about foxes")] },
        Integer("max_tokens", 1, int.MaxValue),
    ];

    private static List<FieldSpec> CosmicVideo() =>
    [
        Text("prompt", required: true),
        Enum("model", CosmicCatalog.VideoModels),
        IntegerOneOf("duration", [.. CosmicCatalog.VideoDurations.Select(d => (long)d)]),
        Enum("resolution", CosmicCatalog.VideoResolutions),
        Array("reference_images", bad: Urls(2)),
        Url("reference_images[0]") with { Nullable = false },
        NotBlank("folder"),
        Object("metadata", strict: false),
    ];

    private static List<FieldSpec> PixazoCommon(int maxNegativePrompt) =>
    [
        Text("prompt", required: true, max: PixazoCatalog.MaxPromptLength, blankAllowed: true),
        Text("negative_prompt", max: maxNegativePrompt),
        Bool("enable_prompt_expansion"),
        Bool("enable_agentic_generation"),
        Integer("agentic_max_iterations", 1, 3),
        Integer("agentic_samples_per_iteration", 1, 3),
        Bool("agentic_early_stop"),
        new("image_size", Shape.String | Shape.Object, false, true,
            [
                .. new[] { "", "x", "NaN", "SQUARE_HD", " square_hd" }.Select(Json.String),
                "{}", """{"width":1024}""", """{"width":0,"height":10}""", """{"width":-1,"height":10}""", """{"zz_unknown":1}""",
                """{"width":"1024","height":768}""", """{"width":1.5,"height":2}""", """{"width":1e400,"height":2}""",
                """{"width":99999999999999999999,"height":2}""", """{"width":null,"height":5}""", """{"width":{"a":1},"height":5}""",
                """{"width":[1],"height":5}""", """{"width":true,"height":5}""", Json.NestedObjects(20),
            ], []),
        Integer("num_inference_steps", 1, 50),
        Number("guidance_scale", 0, 20),
        Bool("enable_safety_checker"),
        Integer("seed", long.MinValue, long.MaxValue, isLong: true),
        Bool("sync_mode"),
    ];

    private static string Urls(int count) => $"[{string.Join(",", Enumerable.Range(0, count).Select(i => $"\"https://example.com/{i}.png\""))}]";
}
