using System.Text.Json;
using Liveness.Host.Contract;

namespace Liveness.Host.Api;

/// <summary>The contract's booleans: <c>true</c>/<c>false</c> in any case, or <c>1</c>/<c>0</c>; anything else is an invalid argument.</summary>
internal static class ContractBoolean
{
    public static bool Parse(string field, string? value) => value switch
    {
        null => false,
        "1" => true,
        "0" => false,
        _ when value.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
        _ when value.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
        _ => throw LivenessError.InvalidArgument($"{field} must be true or false"),
    };

    public static bool Parse(string field, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => Parse(field, value.GetString()),
        JsonValueKind.Number when value.TryGetInt32(out var number) && number is 0 or 1 => number == 1,
        _ => throw LivenessError.InvalidArgument($"{field} must be true or false"),
    };
}
