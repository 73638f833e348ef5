namespace MediaGen.Simulator.Pixazo;

/// <summary>Pixazo routes, at the document's paths (base <c>https://gateway.pixazo.ai</c>).</summary>
internal static class PixazoEndpoints
{
    public static IEndpointRouteBuilder MapPixazo(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Pixazo");
        group.MapPost(PixazoModels.SubmitPath(PixazoModels.TextToImage),
            (HttpContext c, ProviderPipeline p, PixazoSubmitHandler h) => p.HandleAsync(c, SimulatorEndpoints.PixazoTextToImage, h.TextToImageAsync));
        group.MapPost(PixazoModels.SubmitPath(PixazoModels.ImageToVideo),
            (HttpContext c, ProviderPipeline p, PixazoSubmitHandler h) => p.HandleAsync(c, SimulatorEndpoints.PixazoImageToVideo, h.ImageToVideoAsync));
        group.MapGet("/v2/requests/status/{requestId}",
            (HttpContext c, string requestId, PixazoStatusHandler h) => h.HandleAsync(c, requestId));

        // Any other model on the gateway: the documented "Model not found" queue error.
        group.MapPost("/{model}/v1/{operation}", (HttpContext c, string model, ProviderAuth auth) =>
            auth.Check(SimulatedProvider.Pixazo, c.Request) is { } denied
                ? ProviderPipeline.WriteErrorAsync(c, SimulatedProvider.Pixazo, StatusCodes.Status401Unauthorized, denied)
                : ProviderPipeline.WriteErrorAsync(c, SimulatedProvider.Pixazo, StatusCodes.Status400BadRequest,
                    $"Model '{model}' not found or is disabled"));
        return app;
    }
}
