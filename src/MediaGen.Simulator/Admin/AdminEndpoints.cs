namespace MediaGen.Simulator.Admin;

/// <summary>
/// The simulator's own API under <c>/_simulator</c>: arm and clear faults, read the request
/// ledger, reset. Not part of any provider; needs no key.
/// </summary>
internal static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapSimulatorAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/_simulator").WithTags("Simulator admin");

        admin.MapPost("/faults", (FaultRule rule, FaultRegistry registry) =>
        {
            try
            {
                var armed = registry.Add(rule);
                return Results.Created($"/_simulator/faults/{armed.Id}", armed);
            }
            catch (FormatException e)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid fault rule", detail: e.Message);
            }
        });
        admin.MapGet("/faults", (FaultRegistry registry) => Results.Ok(registry.List()));
        admin.MapDelete("/faults", (FaultRegistry registry) => Results.Ok(new { removed = registry.Clear() }));
        admin.MapDelete("/faults/{id}", (string id, FaultRegistry registry) =>
            registry.Clear(id) > 0 ? Results.NoContent() : Results.NotFound());

        admin.MapGet("/requests", (RequestLedger ledger) => Results.Ok(ledger.Snapshot()));
        admin.MapPost("/reset", (RequestLedger ledger, FaultRegistry registry) =>
        {
            ledger.Reset();
            registry.Reset();
            return Results.Ok(new ResetResponse(true, registry.List()));
        });
        return app;
    }
}
