using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using Liveness.Abstractions;
using Microsoft.Extensions.Options;

namespace Liveness.Host.Models;

/// <summary>Resolves pinned model files to verified local paths: the model directory, then the mirror, then upstream.</summary>
/// <remarks>A file whose sha256 differs from its pin is never handed out, wherever it came from.</remarks>
internal sealed partial class ModelStore(
    IOptions<ModelOptions> options,
    IHttpClientFactory httpClientFactory,
    ILogger<ModelStore> logger)
{
    private readonly SemaphoreSlim fetching = new(1, 1);

    private string ModelDirectory => options.Value.ResolveDirectory();

    public async Task<string> ResolveAsync(ModelFile model, CancellationToken cancellationToken)
    {
        var target = InsideOrRefuse(ModelDirectory, model);
        await fetching.WaitAsync(cancellationToken);
        try
        {
            if (File.Exists(target))
            {
                if (await HasPinnedHashAsync(target, model, cancellationToken))
                {
                    return target;
                }

                LogMismatch(logger, model.Name, target);
            }

            // Unique per fetch: several processes may share one model directory.
            var staged = $"{target}.{Guid.NewGuid():N}.partial";
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            try
            {
                var source = await FetchAsync(model, staged, cancellationToken);
                if (!await HasPinnedHashAsync(staged, model, cancellationToken))
                {
                    LogMismatch(logger, model.Name, source);
                    throw new ModelUnavailableException($"model {model.Name} from {source} does not match its pinned sha256");
                }

                File.Move(staged, target, overwrite: true);
                LogFetched(logger, model.Name, source);
                return target;
            }
            finally
            {
                File.Delete(staged);
            }
        }
        finally
        {
            fetching.Release();
        }
    }

    private async Task<string> FetchAsync(ModelFile model, string staged, CancellationToken cancellationToken)
    {
        if (options.Value.Mirror.Length > 0)
        {
            var mirrored = InsideOrRefuse(options.Value.Mirror, model);
            if (File.Exists(mirrored))
            {
                File.Copy(mirrored, staged, overwrite: true);
                return mirrored;
            }
        }

        if (!options.Value.Download)
        {
            throw new ModelUnavailableException(
                $"model {model.Name} is not in {ModelDirectory} nor in the mirror, and downloads are off");
        }

        using var client = httpClientFactory.CreateClient(nameof(ModelStore));
        client.Timeout = options.Value.DownloadTimeout;
        await using var response = await client.GetStreamAsync(new Uri(model.Upstream), cancellationToken);
        await using var output = File.Create(staged);
        if (model.ArchiveEntry is null)
        {
            await response.CopyToAsync(output, cancellationToken);
        }
        else
        {
            await ExtractEntryAsync(response, model.ArchiveEntry, output, cancellationToken);
        }

        return model.Upstream;
    }

    /// <summary>A manifest's model name is a path under the folder, never <c>../</c> or absolute: a plugin must not write or read elsewhere.</summary>
    private string InsideOrRefuse(string folder, ModelFile model)
    {
        if (ConfinedPath.Resolve(folder, model.Name) is { } path)
        {
            return path;
        }

        LogOutside(logger, model.Name, folder);
        throw new ModelUnavailableException($"model {model.Name} names a path outside {folder}: refused");
    }

    private static async Task ExtractEntryAsync(Stream tgz, string entryName, Stream output, CancellationToken cancellationToken)
    {
        await using var gzip = new GZipStream(tgz, CompressionMode.Decompress);
        await using var tar = new TarReader(gzip);
        while (await tar.GetNextEntryAsync(cancellationToken: cancellationToken) is { } entry)
        {
            if (entry.Name == entryName && entry.DataStream is { } data)
            {
                await data.CopyToAsync(output, cancellationToken);
                return;
            }
        }

        throw new ModelUnavailableException($"the upstream archive has no entry {entryName}");
    }

    private static async Task<bool> HasPinnedHashAsync(string path, ModelFile model, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken);
        return Convert.ToHexStringLower(hash) == model.Sha256.ToLowerInvariant();
    }
}
