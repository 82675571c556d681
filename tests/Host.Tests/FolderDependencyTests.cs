using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Liveness.Host.Tests;

/// <summary>
/// The host's folders (namespaces) depend on each other without a cycle, so each reads on its own: what a folder
/// uses is read from the compiled host, every type, signature, attribute and instruction.
/// </summary>
public sealed class FolderDependencyTests
{
    private const string Root = "Liveness.Host";

    private static readonly Dictionary<string, HashSet<string>> Uses = ReadUses();

    [Fact]
    public void The_folders_depend_on_each_other_without_a_cycle()
    {
        var cycles = StronglyConnected(Uses).Where(component => component.Count > 1)
            .Select(component => string.Join(" <-> ", component.Order(StringComparer.Ordinal)))
            .ToList();

        Assert.True(cycles.Count == 0, "folders that depend on each other: " + string.Join("; ", cycles) + Environment.NewLine + Describe());
    }

    [Fact]
    public void The_graph_is_read_from_the_code()
    {
        // A reader that saw nothing would find no cycle: the listeners' composition must be seen using the parts it composes.
        Assert.Contains("Front", Uses["(root)"]);
        Assert.Contains("Plugins", Uses["Pipeline"]);
        Assert.Contains("Contract", Uses["Video"]);
    }

    private static string Describe() =>
        string.Join(Environment.NewLine, Uses.OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => $"{pair.Key} -> {string.Join(", ", pair.Value.Order(StringComparer.Ordinal))}"));

    private static Dictionary<string, HashSet<string>> ReadUses()
    {
        using var module = ModuleDefinition.ReadModule(typeof(LivenessHost).Assembly.Location);
        var uses = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var type in module.GetTypes())
        {
            if (Folder(type) is not { } from)
            {
                continue;
            }

            var used = uses.TryGetValue(from, out var set) ? set : uses[from] = new HashSet<string>(StringComparer.Ordinal);
            foreach (var reference in References(type))
            {
                if (reference.GetElementType() is TypeDefinition definition && definition.Module == module
                    && Folder(definition) is { } to && to != from)
                {
                    used.Add(to);
                }
            }
        }

        return uses;
    }

    /// <summary>The folder of a type's outermost declaring type (lambdas and state machines belong to theirs); null for generated code outside the host's namespaces.</summary>
    private static string? Folder(TypeDefinition type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type.Namespace == Root ? "(root)"
            : type.Namespace.StartsWith(Root + ".", StringComparison.Ordinal) ? type.Namespace[(Root.Length + 1)..]
            : null;
    }

    private static IEnumerable<TypeReference> References(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        void Add(TypeReference? reference)
        {
            switch (reference)
            {
                case null:
                    return;
                case GenericInstanceType generic:
                    found.Add(generic.ElementType);
                    foreach (var argument in generic.GenericArguments)
                    {
                        Add(argument);
                    }

                    return;
                case TypeSpecification specification:
                    Add(specification.ElementType);
                    return;
                default:
                    found.Add(reference);
                    return;
            }
        }

        void AddAttributes(ICustomAttributeProvider provider)
        {
            foreach (var attribute in provider.CustomAttributes)
            {
                Add(attribute.AttributeType);
            }
        }

        Add(type.BaseType);
        AddAttributes(type);
        foreach (var implemented in type.Interfaces)
        {
            Add(implemented.InterfaceType);
        }

        foreach (var field in type.Fields)
        {
            Add(field.FieldType);
            AddAttributes(field);
        }

        foreach (var property in type.Properties)
        {
            Add(property.PropertyType);
            AddAttributes(property);
        }

        foreach (var method in type.Methods)
        {
            Add(method.ReturnType);
            AddAttributes(method);
            foreach (var parameter in method.Parameters)
            {
                Add(parameter.ParameterType);
                AddAttributes(parameter);
            }

            if (!method.HasBody)
            {
                continue;
            }

            foreach (var local in method.Body.Variables)
            {
                Add(local.VariableType);
            }

            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference used:
                        Add(used);
                        break;
                    case MethodReference called:
                        Add(called.DeclaringType);
                        Add(called.ReturnType);
                        if (called is GenericInstanceMethod generic)
                        {
                            foreach (var argument in generic.GenericArguments)
                            {
                                Add(argument);
                            }
                        }

                        break;
                    case FieldReference read:
                        Add(read.DeclaringType);
                        Add(read.FieldType);
                        break;
                }
            }
        }

        return found;
    }

    /// <summary>Tarjan's strongly connected components: a component of more than one folder is a cycle.</summary>
    private static List<List<string>> StronglyConnected(Dictionary<string, HashSet<string>> graph)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var components = new List<List<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in graph.TryGetValue(node, out var edges) ? edges : [])
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);
                components.Add(component);
            }
        }

        foreach (var node in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return components;
    }
}
