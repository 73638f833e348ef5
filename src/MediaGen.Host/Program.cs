using MediaGen.Host.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddMediaGenHost();

var app = builder.Build();
app.MapMediaGenEndpoints();
app.Run();

/// <summary>Entry point, visible to tests.</summary>
public partial class Program;
