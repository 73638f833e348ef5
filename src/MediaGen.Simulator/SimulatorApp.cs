using MediaGen.Simulator.Hosting;

namespace MediaGen.Simulator;

/// <summary>Builds the simulator as a web application, for <see cref="Program"/> and for in-process tests.</summary>
public static class SimulatorApp
{
    /// <summary>
    /// Creates the simulator. <paramref name="args"/> are ASP.NET Core arguments
    /// (<c>--urls http://127.0.0.1:0</c>, <c>--Simulator:Latency=00:00:00</c>…);
    /// <paramref name="configure"/> adjusts the options after configuration is bound.
    /// </summary>
    public static WebApplication Build(string[] args, Action<SimulatorOptions>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // In-process tests run under another entry assembly; the simulator is its own application.
            ApplicationName = typeof(SimulatorApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Services.AddProviderSimulator(builder.Configuration, configure);

        var app = builder.Build();
        app.MapProviderSimulator();
        return app;
    }
}
