namespace MediaGen.Engine;

/// <summary>Gives DTFx a <see cref="ScopedActivity"/> for every activity execution.</summary>
internal sealed class ActivityCreator : ObjectCreator<TaskActivity>
{
    private readonly Type _type;
    private readonly IServiceScopeFactory _scopes;
    private readonly DurableTaskShimFactory _shims;
    private readonly ActivityOutageGate _gate;
    private readonly ILogger _logger;

    public ActivityCreator(string name, Type type, IServiceScopeFactory scopes, DurableTaskShimFactory shims, ActivityOutageGate gate, ILogger logger)
    {
        Name = name;
        Version = string.Empty;
        _type = type;
        _scopes = scopes;
        _shims = shims;
        _gate = gate;
        _logger = logger;
    }

    public override TaskActivity Create() => new ScopedActivity(Name, _type, _scopes, _shims, _gate, _logger);
}
