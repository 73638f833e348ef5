namespace MediaGen.StandInHost.Invocation;

/// <summary>A binding's value with the binding's name.</summary>
public sealed record NamedValue(string Name, BindingValue Value);
