using System.Collections.Immutable;

namespace MediaGen.Functions.Tests.Support;

/// <summary>
/// A function's definition as the worker forms it: the bindings from the generated metadata, the parameters from the
/// function's method.
/// </summary>
internal sealed class MetadataFunctionDefinition : FunctionDefinition
{
    public MetadataFunctionDefinition(string name, MethodInfo method)
    {
        Name = name;
        EntryPoint = $"{method.DeclaringType!.FullName}.{method.Name}";
        Parameters = [.. method.GetParameters().Select(p => new FunctionParameter(p.Name!, p.ParameterType))];
        var bindings = FunctionsMetadata.BindingsOf(name)
            .Select(b => new Binding(FunctionsMetadata.Text(b, "name")!, FunctionsMetadata.Text(b, "type")!, FunctionsMetadata.Text(b, "direction") == "Out" ? BindingDirection.Out : BindingDirection.In))
            .ToList();
        InputBindings = bindings.Where(b => b.Direction == BindingDirection.In).ToImmutableDictionary(b => b.Name, b => (BindingMetadata)b);
        OutputBindings = bindings.Where(b => b.Direction == BindingDirection.Out).ToImmutableDictionary(b => b.Name, b => (BindingMetadata)b);
    }

    /// <summary>The definition of the app's function named <paramref name="name"/>.</summary>
    public static MetadataFunctionDefinition Of(string name) =>
        new(name, typeof(FunctionsApplicationBuilderExtensions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Single(m => m.GetCustomAttribute<FunctionAttribute>()?.Name == name));

    public override ImmutableArray<FunctionParameter> Parameters { get; }

    public override string PathToAssembly => typeof(FunctionsApplicationBuilderExtensions).Assembly.Location;

    public override string EntryPoint { get; }

    public override string Id => Name;

    public override string Name { get; }

    public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; }

    public override IImmutableDictionary<string, BindingMetadata> OutputBindings { get; }

    private sealed class Binding(string name, string type, BindingDirection direction) : BindingMetadata
    {
        public override string Name { get; } = name;

        public override string Type { get; } = type;

        public override BindingDirection Direction { get; } = direction;
    }
}
