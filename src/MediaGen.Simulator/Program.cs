namespace MediaGen.Simulator;

/// <summary>Entry point of the provider simulator.</summary>
public static class Program
{
    /// <summary>Runs the simulator; <c>--urls http://127.0.0.1:PORT</c> picks the address.</summary>
    public static void Main(string[] args) => SimulatorApp.Build(args).Run();
}
