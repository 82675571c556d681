using System.Text.Json;
using Liveness.Host.Audit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Liveness.Host.Tests.Audit;

/// <summary>The audit's own file, rotated by size, and its record in the host's logging.</summary>
public sealed class AuditFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("liveness-auditfile-").FullName;

    [Fact]
    public void The_file_rotates_before_a_line_would_pass_the_limit_and_keeps_whole_lines()
    {
        var path = Path.Combine(folder, "audit.jsonl");
        var file = AuditFile.For(path, maxBytes: 1000, kept: 2);
        var line = JsonSerializer.Serialize(new { request_id = new string('a', 32), padding = new string('x', 150) });

        for (var i = 0; i < 20; i++)
        {
            file.Append(line);
        }

        Assert.Equal(["audit.jsonl", "audit.jsonl.1", "audit.jsonl.2"], Directory.GetFiles(folder).Select(Path.GetFileName).Order());
        foreach (var written in Directory.GetFiles(folder))
        {
            Assert.InRange(new FileInfo(written).Length, 1, 1000);
            Assert.All(File.ReadAllLines(written), text => Assert.Equal(line, text));
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void Each_event_is_one_information_record_of_its_own_category_and_event_id()
    {
        using var loggers = new CapturingLoggers();
        var log = new AuditLog(loggers, Options.Create(new AuditOptions()));

        log.Write(new AuditEvent(new string('b', 32), DateTimeOffset.UtcNow, "node", "127.0.0.1", null, 200, 1000, "ok", 0.9, ["a reason"], null, ["detector=onnx@1.0.0"], 12.5, false));

        var (category, level, eventId, message) = Assert.Single(loggers.Records);
        Assert.Equal("Liveness.Audit", category);
        Assert.Equal(LogLevel.Information, level);
        Assert.Equal(1800, eventId.Id);
        Assert.Equal("LivenessAudit", eventId.Name);
        var audit = JsonDocument.Parse(message).RootElement;
        Assert.Equal(new string('b', 32), audit.GetProperty("request_id").GetString());
        Assert.Equal("a reason", audit.GetProperty("reasons")[0].GetString());
        Assert.False(audit.TryGetProperty("video", out _));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private sealed class CapturingLoggers : ILoggerFactory
    {
        public List<(string Category, LogLevel Level, EventId EventId, string Message)> Records { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggers owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Records.Add((category, logLevel, eventId, formatter(state, exception)));
        }
    }
}
