namespace MediaGen.Simulator.Cosmic;

/// <summary>Cosmic AI routes, at the paths of the Cosmic document (base <c>https://workers.cosmicjs.com</c>).</summary>
internal static class CosmicEndpoints
{
    public static IEndpointRouteBuilder MapCosmic(this IEndpointRouteBuilder app)
    {
        var ai = app.MapGroup("/v3/buckets/{slug}/ai").WithTags("Cosmic AI");
        ai.MapPost("/text", (HttpContext c, ProviderPipeline p, CosmicTextHandler h) => p.HandleAsync(c, SimulatorEndpoints.CosmicText, h.HandleAsync));
        ai.MapPost("/image", (HttpContext c, ProviderPipeline p, CosmicImageHandler h) => p.HandleAsync(c, SimulatorEndpoints.CosmicImage, h.HandleAsync));
        ai.MapPost("/video", (HttpContext c, ProviderPipeline p, CosmicVideoHandler h) => p.HandleAsync(c, SimulatorEndpoints.CosmicVideo, h.GenerateAsync));
        ai.MapPost("/video/extend", (HttpContext c, ProviderPipeline p, CosmicVideoHandler h) => p.HandleAsync(c, SimulatorEndpoints.CosmicVideoExtend, h.ExtendAsync));
        ai.MapPost("/audio", (HttpContext c, ProviderPipeline p, CosmicAudioHandler h) => p.HandleAsync(c, SimulatorEndpoints.CosmicAudio, h.HandleAsync));
        return app;
    }
}
