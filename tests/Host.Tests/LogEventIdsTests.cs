using System.Reflection;
using Microsoft.Extensions.Logging;

namespace Liveness.Host.Tests;

/// <summary>Every log message of the host has its own stable event id, so operators can filter on it (docs/operations.md).</summary>
public sealed class LogEventIdsTests
{
    private static readonly (string Method, int Id)[] Messages =
    [
        .. typeof(LivenessHost).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(method => (Method: $"{method.DeclaringType!.FullName}.{method.Name}", Attribute: method.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(message => message.Attribute is not null)
            .Select(message => (message.Method, message.Attribute!.EventId)),
    ];

    [Fact]
    public void Each_message_has_an_id_of_its_own()
    {
        Assert.True(Messages.Length >= 20, $"only {Messages.Length} log messages found");
        Assert.Empty(Messages.Where(message => message.Id <= 0).Select(message => message.Method));
        Assert.Empty(Messages.GroupBy(message => message.Id).Where(same => same.Count() > 1)
            .Select(same => $"{same.Key}: {string.Join(", ", same.Select(message => message.Method))}"));
    }
}
