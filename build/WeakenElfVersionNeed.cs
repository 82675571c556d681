using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Marks one version need of 64-bit little-endian ELF shared objects weak (<c>VER_FLG_WEAK</c> in its
/// <c>Elf64_Vernaux</c> entry in <c>.gnu.version_r</c>), so the dynamic loader accepts a system library that lacks
/// that version instead of refusing to load the object.
/// </summary>
/// <remarks>
/// Only safe for a version whose symbols are never called: the loader then leaves them unresolved. Files that are
/// already weak, or that do not need the version, are left untouched, so the task can run after every build.
/// </remarks>
public sealed class WeakenElfVersionNeed : Task
{
    private const uint SectionTypeVersionNeed = 0x6ffffffe; // SHT_GNU_verneed
    private const ushort VersionFlagWeak = 0x2; // VER_FLG_WEAK

    /// <summary>The shared objects to patch in place.</summary>
    [Required]
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The version need to weaken, e.g. <c>GLIBCXX_3.4.32</c>.</summary>
    [Required]
    public string Version { get; set; } = string.Empty;

    public override bool Execute()
    {
        foreach (var file in Files)
        {
            try
            {
                Weaken(file.ItemSpec);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException or IndexOutOfRangeException)
            {
                Log.LogError("{0}: cannot mark the need for {1} weak: {2}", file.ItemSpec, Version, ex.Message);
            }
        }

        return !Log.HasLoggedErrors;
    }

    private void Weaken(string path)
    {
        var elf = File.ReadAllBytes(path);
        var flagsOffset = FindVersionNeedFlags(elf, Version);
        if (flagsOffset < 0)
        {
            Log.LogMessage(MessageImportance.Low, "{0} does not need {1}: nothing to weaken", path, Version);
            return;
        }

        var flags = U16(elf, flagsOffset);
        if ((flags & VersionFlagWeak) != 0)
        {
            Log.LogMessage(MessageImportance.Low, "{0}: the need for {1} is already weak", path, Version);
            return;
        }

        flags |= VersionFlagWeak;
        elf[flagsOffset] = (byte)flags;
        elf[flagsOffset + 1] = (byte)(flags >> 8);

        // A copy (keeping the file mode) renamed over the old file, never a write through it: the file in the
        // output folder may be a hard link into the NuGet cache. The original time stays, so the next incremental
        // build sees the file as up to date and does not copy the unpatched library over it again.
        var lastWrite = File.GetLastWriteTimeUtc(path);
        var patched = path + ".weakened";
        File.Copy(path, patched, overwrite: true);
        File.WriteAllBytes(patched, elf);
        File.SetLastWriteTimeUtc(patched, lastWrite);
        File.Delete(path);
        File.Move(patched, path);
        Log.LogMessage(MessageImportance.Normal, "{0}: marked the need for {1} weak", path, Version);
    }

    /// <summary>The file offset of <c>vna_flags</c> in the entry that needs <paramref name="version"/>, or -1.</summary>
    private static int FindVersionNeedFlags(byte[] elf, string version)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
        {
            throw new InvalidDataException("not an ELF file");
        }

        if (elf[4] != 2 || elf[5] != 1)
        {
            throw new InvalidDataException("not a 64-bit little-endian ELF file");
        }

        var sectionTable = Offset(elf, U64(elf, 0x28));
        var sectionSize = U16(elf, 0x3a);
        var sectionCount = U16(elf, 0x3c);
        for (var i = 0; i < sectionCount; i++)
        {
            var section = sectionTable + i * sectionSize;
            if (U32(elf, section + 4) != SectionTypeVersionNeed)
            {
                continue;
            }

            var needs = Offset(elf, U64(elf, section + 0x18));
            var needCount = U32(elf, section + 0x2c);
            var strings = Offset(elf, U64(elf, sectionTable + (int)U32(elf, section + 0x28) * sectionSize + 0x18));

            // Elf64_Verneed: vn_version, vn_cnt, vn_file, vn_aux, vn_next; each lists its Elf64_Vernaux entries:
            // vna_hash, vna_flags, vna_other, vna_name, vna_next. Offsets are relative to the entry they are in.
            var need = needs;
            for (var n = 0; n < needCount; n++)
            {
                var aux = need + (int)U32(elf, need + 8);
                for (var a = 0; a < U16(elf, need + 2); a++)
                {
                    if (CString(elf, strings + (int)U32(elf, aux + 8)) == version)
                    {
                        return aux + 4;
                    }

                    aux += (int)U32(elf, aux + 12);
                }

                need += (int)U32(elf, need + 12);
            }
        }

        return -1;
    }

    private static int Offset(byte[] elf, ulong value) =>
        value < (ulong)elf.Length ? (int)value : throw new InvalidDataException($"offset {value} lies past the end of the file");

    private static ushort U16(byte[] elf, int at) => (ushort)(elf[at] | elf[at + 1] << 8);

    private static uint U32(byte[] elf, int at) => (uint)(U16(elf, at) | U16(elf, at + 2) << 16);

    private static ulong U64(byte[] elf, int at) => U32(elf, at) | (ulong)U32(elf, at + 4) << 32;

    private static string CString(byte[] elf, int at)
    {
        var end = Array.IndexOf(elf, (byte)0, at);
        return Encoding.ASCII.GetString(elf, at, (end < 0 ? elf.Length : end) - at);
    }
}
