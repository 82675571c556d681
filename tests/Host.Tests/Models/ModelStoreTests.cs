using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using Liveness.Abstractions;
using Liveness.Host.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Liveness.Host.Tests.Models;

public sealed class ModelStoreTests : IDisposable
{
    private static readonly ModelFile BlazeFace = new(
        "blazeface/face_detection_front_128x128_barracuda.onnx",
        "d388b1cf8a5f6f1af2b3f4c14f6d0f138bab970cd618cccd12dddb7484e82e51",
        "http://127.0.0.1:1/unused",
        "package/ONNX/face_detection_front_128x128_barracuda.onnx");

    private readonly string work = Directory.CreateTempSubdirectory("liveness-models-").FullName;
    private readonly RecordingLogger<ModelStore> log = new();

    private string ModelDirectory => Path.Combine(work, "models");

    [Fact]
    public async Task A_missing_model_is_copied_from_the_mirror_and_verified()
    {
        var path = await Store(SharedFiles.Models).ResolveAsync(BlazeFace, CancellationToken.None);

        Assert.Equal(Path.Combine(ModelDirectory, BlazeFace.Name), path);
        Assert.Equal(File.ReadAllBytes(Path.Combine(SharedFiles.Models, BlazeFace.Name)), File.ReadAllBytes(path));
    }

    [Fact]
    public async Task A_mirror_copy_with_the_wrong_checksum_is_refused_and_logged()
    {
        var mirror = CorruptMirror();

        var error = await Assert.ThrowsAsync<ModelUnavailableException>(
            () => Store(mirror).ResolveAsync(BlazeFace, CancellationToken.None));

        Assert.Contains("does not match its pinned sha256", error.Message, StringComparison.Ordinal);
        Assert.Contains(log.Messages, message => message.Contains("does not match its pinned sha256", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(ModelDirectory, BlazeFace.Name)));
        Assert.Empty(Directory.EnumerateFiles(ModelDirectory, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_corrupted_local_copy_is_never_used_and_is_replaced_from_the_mirror()
    {
        var local = Path.Combine(ModelDirectory, BlazeFace.Name);
        Directory.CreateDirectory(Path.GetDirectoryName(local)!);
        File.WriteAllBytes(local, [1, 2, 3]);

        await Store(SharedFiles.Models).ResolveAsync(BlazeFace, CancellationToken.None);

        Assert.Contains(log.Messages, message => message.Contains(local, StringComparison.Ordinal));
        Assert.Equal(File.ReadAllBytes(Path.Combine(SharedFiles.Models, BlazeFace.Name)), File.ReadAllBytes(local));
    }

    [Fact]
    public async Task Without_mirror_or_download_a_missing_model_is_unavailable()
    {
        await Assert.ThrowsAsync<ModelUnavailableException>(
            () => Store(mirror: "", download: false).ResolveAsync(BlazeFace, CancellationToken.None));
    }

    [Fact]
    public async Task A_model_is_fetched_from_its_upstream_archive_when_no_mirror_has_it()
    {
        var archive = TarGz(BlazeFace.ArchiveEntry!, File.ReadAllBytes(Path.Combine(SharedFiles.Models, BlazeFace.Name)));
        await using var upstream = await UpstreamAsync(archive);

        var path = await Store(mirror: Path.Combine(work, "empty-mirror"))
            .ResolveAsync(BlazeFace with { Upstream = upstream.Url + "/blazeface-1.2.0.tgz" }, CancellationToken.None);

        Assert.Equal(File.ReadAllBytes(Path.Combine(SharedFiles.Models, BlazeFace.Name)), File.ReadAllBytes(path));
        Assert.Equal(1, upstream.Requests);
    }

    [Fact]
    public async Task A_plain_upstream_file_with_the_wrong_checksum_is_refused()
    {
        await using var upstream = await UpstreamAsync([9, 9, 9]);

        await Assert.ThrowsAsync<ModelUnavailableException>(() => Store(mirror: "")
            .ResolveAsync(BlazeFace with { Upstream = upstream.Url + "/model.onnx", ArchiveEntry = null }, CancellationToken.None));
        Assert.False(File.Exists(Path.Combine(ModelDirectory, BlazeFace.Name)));
    }

    [Theory]
    [InlineData("../escaped.onnx")]
    [InlineData("blazeface/../../escaped.onnx")]
    [InlineData("/tmp/escaped.onnx")]
    public async Task A_model_named_outside_the_model_directory_is_refused_and_nothing_is_written(string name)
    {
        var mirror = Path.Combine(work, "mirror");
        Directory.CreateDirectory(mirror);

        var error = await Assert.ThrowsAsync<ModelUnavailableException>(
            () => Store(mirror).ResolveAsync(BlazeFace with { Name = name }, CancellationToken.None));

        Assert.Contains("outside", error.Message, StringComparison.Ordinal);
        Assert.Contains(log.Messages, message => message.Contains(name, StringComparison.Ordinal) && message.Contains("refused", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(work, "escaped.onnx")));
        Assert.False(Directory.Exists(ModelDirectory) && Directory.EnumerateFileSystemEntries(ModelDirectory).Any());
    }

    private ModelStore Store(string mirror, bool download = true)
    {
        var options = Options.Create(new ModelOptions { Directory = ModelDirectory, Mirror = mirror, Download = download });
        var http = new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        return new ModelStore(options, http, log);
    }

    private string CorruptMirror()
    {
        var mirror = Path.Combine(work, "bad-mirror");
        var file = Path.Combine(mirror, BlazeFace.Name);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var bytes = File.ReadAllBytes(Path.Combine(SharedFiles.Models, BlazeFace.Name));
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(file, bytes);
        return mirror;
    }

    private static byte[] TarGz(string entryName, byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip))
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "package/README.md") { DataStream = new MemoryStream([1]) });
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, entryName) { DataStream = new MemoryStream(content) });
        }

        return buffer.ToArray();
    }

    /// <summary>A real HTTP server on loopback standing in for an upstream host.</summary>
    private static async Task<Upstream> UpstreamAsync(byte[] body)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var upstream = new Upstream(app);
        app.MapGet("/{name}", () =>
        {
            Interlocked.Increment(ref upstream.RequestCount);
            return Results.Bytes(body);
        });
        await app.StartAsync();
        return upstream;
    }

    private sealed class Upstream(WebApplication app) : IAsyncDisposable
    {
        public int RequestCount;

        public int Requests => RequestCount;

        public string Url => app.Address();

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }

    public void Dispose() => Directory.Delete(work, recursive: true);
}

/// <summary>Keeps every formatted log message, to assert on what operators would read.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    public List<string> Messages { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Messages)
        {
            Messages.Add(formatter(state, exception));
        }
    }
}
