var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapGet("/health", () => Results.Ok(new { status = "ok", service = "mediagen-simulator" }));

app.Run();

/// <summary>Entry point, visible to tests.</summary>
public partial class Program;
