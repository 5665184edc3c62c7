// This file is compiled twice: as the body of the MSBuild inline task in
// buildTransitive/ModelGen.targets (RoslynCodeTaskFactory, Code Type="Class") and into the
// runtime tests, which exercise the ELF rewrite on real and synthetic files. It therefore
// uses only the BCL and MSBuild's task API and must stay self-contained. The inline-task
// compiler gets no project settings, hence the explicit nullable context (else CS8632 warnings).
#nullable enable
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ModelGen.Build
{
    /// <summary>
    /// Makes TorchSharp's <c>libLibTorchSharp.so</c> load on systems whose libstdc++ predates
    /// GLIBCXX_3.4.32 (Debian 12, Ubuntu 22.04). The library asks for that version only for
    /// <c>_ZSt21ios_base_library_initv</c>, which no relocation uses, so the requirement is
    /// marked weak (VER_FLG_WEAK in the <c>vna_flags</c> of its <c>.gnu.version_r</c> entry).
    /// The patched bytes are written to a new file that replaces the output copy, so a hard link
    /// into the NuGet cache is never written through.
    /// </summary>
    public sealed class WeakenLibStdCxxRequirement : Task
    {
        /// <summary>The version requirement that the system may lack.</summary>
        public const string RequiredVersion = "GLIBCXX_3.4.32";

        /// <summary>ELF <c>VER_FLG_WEAK</c>.</summary>
        public const ushort VerFlagWeak = 0x2;

        /// <summary>Shared objects to patch in place (missing files are skipped).</summary>
        [Required]
        public ITaskItem[] Libraries { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>Where to look for the system libstdc++; the first existing file is checked.</summary>
        public string[] SystemLibStdCxxCandidates { get; set; } = DefaultCandidates;

        /// <summary>Default locations of the system libstdc++ on Debian, Ubuntu and Fedora.</summary>
        public static readonly string[] DefaultCandidates =
        {
            "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
            "/lib/x86_64-linux-gnu/libstdc++.so.6",
            "/usr/lib64/libstdc++.so.6",
            "/usr/lib/aarch64-linux-gnu/libstdc++.so.6",
        };

        /// <inheritdoc />
        public override bool Execute()
        {
            string? system = FindSystemLibStdCxx(SystemLibStdCxxCandidates);
            if (system is null)
            {
                Log.LogMessage(MessageImportance.Low, "ModelGen: no system libstdc++ found; TorchSharp native libraries left as shipped.");
                return true;
            }

            if (FileContainsAscii(system, RequiredVersion))
            {
                Log.LogMessage(MessageImportance.Low, $"ModelGen: {system} provides {RequiredVersion}; nothing to patch.");
                return true;
            }

            foreach (ITaskItem item in Libraries)
            {
                string path = item.ItemSpec;
                if (!File.Exists(path))
                {
                    continue;
                }

                PatchOutcome outcome = PatchFile(path);
                Log.LogMessage(MessageImportance.Normal, $"ModelGen: {path}: {outcome} ({system} lacks {RequiredVersion}).");
            }

            return !Log.HasLoggedErrors;
        }

        /// <summary>The result of <see cref="PatchFile"/>.</summary>
        public enum PatchOutcome
        {
            /// <summary>The requirement was made weak and the file replaced.</summary>
            Patched,

            /// <summary>The requirement was already weak.</summary>
            AlreadyWeak,

            /// <summary>The file does not require the version.</summary>
            NotRequired,
        }

        /// <summary>Returns the first candidate that exists, or null.</summary>
        public static string? FindSystemLibStdCxx(string[] candidates)
        {
            foreach (string candidate in candidates)
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }

        /// <summary>Whether the file's bytes contain the ASCII text (version names are stored as strings).</summary>
        public static bool FileContainsAscii(string path, string text)
        {
            byte[] bytes = File.ReadAllBytes(path);
            byte[] needle = Encoding.ASCII.GetBytes(text + "\0");
            return IndexOf(bytes, needle) >= 0;
        }

        /// <summary>
        /// Marks the requirement weak in the file at <paramref name="path"/>, writing a new file
        /// and moving it over the old one (never writing through the old inode).
        /// </summary>
        public static PatchOutcome PatchFile(string path)
        {
            byte[] bytes = File.ReadAllBytes(path);
            PatchOutcome outcome = Patch(bytes, RequiredVersion);
            if (outcome != PatchOutcome.Patched)
            {
                return outcome;
            }

            string temp = path + ".modelgen-tmp";
            File.WriteAllBytes(temp, bytes);
            File.Delete(path);
            File.Move(temp, path);
            return outcome;
        }

        /// <summary>
        /// Sets VER_FLG_WEAK on every <c>Vernaux</c> entry named <paramref name="version"/> in an
        /// ELF64 little-endian image held in <paramref name="elf"/>.
        /// </summary>
        /// <exception cref="InvalidDataException">The bytes are not an ELF64 little-endian image.</exception>
        public static PatchOutcome Patch(byte[] elf, string version)
        {
            if (elf.Length < 64 || elf[0] != 0x7F || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            {
                throw new InvalidDataException("Not an ELF file.");
            }

            if (elf[4] != 2 || elf[5] != 1)
            {
                throw new InvalidDataException("Only ELF64 little-endian images are supported.");
            }

            const uint ShtGnuVerneed = 0x6ffffffe;
            long shoff = (long)ReadU64(elf, 0x28);
            int shentsize = ReadU16(elf, 0x3A);
            int shnum = ReadU16(elf, 0x3C);
            bool found = false;
            bool changed = false;

            for (int i = 0; i < shnum; i++)
            {
                long sh = shoff + (long)i * shentsize;
                if (ReadU32(elf, sh + 4) != ShtGnuVerneed)
                {
                    continue;
                }

                long offset = (long)ReadU64(elf, sh + 0x18);
                int link = (int)ReadU32(elf, sh + 0x28);
                long strtab = (long)ReadU64(elf, shoff + (long)link * shentsize + 0x18);

                long verneed = offset;
                while (true)
                {
                    int count = ReadU16(elf, verneed + 2);
                    long aux = verneed + ReadU32(elf, verneed + 8);
                    for (int a = 0; a < count; a++)
                    {
                        string name = ReadCString(elf, strtab + ReadU32(elf, aux + 8));
                        if (name == version)
                        {
                            found = true;
                            ushort flags = ReadU16(elf, aux + 4);
                            if ((flags & VerFlagWeak) == 0)
                            {
                                WriteU16(elf, aux + 4, (ushort)(flags | VerFlagWeak));
                                changed = true;
                            }
                        }

                        uint nextAux = ReadU32(elf, aux + 12);
                        if (nextAux == 0)
                        {
                            break;
                        }

                        aux += nextAux;
                    }

                    uint next = ReadU32(elf, verneed + 12);
                    if (next == 0)
                    {
                        break;
                    }

                    verneed += next;
                }
            }

            return !found ? PatchOutcome.NotRequired : changed ? PatchOutcome.Patched : PatchOutcome.AlreadyWeak;
        }

        /// <summary>Reads the <c>vna_flags</c> of the named requirement, or -1 when absent.</summary>
        public static int ReadRequirementFlags(byte[] elf, string version)
        {
            byte[] copy = (byte[])elf.Clone();
            PatchOutcome outcome = Patch(copy, version);
            if (outcome == PatchOutcome.NotRequired)
            {
                return -1;
            }

            return outcome == PatchOutcome.AlreadyWeak ? VerFlagWeak : 0;
        }

        private static int IndexOf(byte[] haystack, byte[] needle)
        {
            for (int i = 0; i <= haystack.Length - needle.Length; i++)
            {
                int j = 0;
                while (j < needle.Length && haystack[i + j] == needle[j])
                {
                    j++;
                }

                if (j == needle.Length)
                {
                    return i;
                }
            }

            return -1;
        }

        private static ushort ReadU16(byte[] b, long o) => (ushort)(b[o] | (b[o + 1] << 8));

        private static uint ReadU32(byte[] b, long o) => (uint)(b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24));

        private static ulong ReadU64(byte[] b, long o) => ReadU32(b, o) | ((ulong)ReadU32(b, o + 4) << 32);

        private static void WriteU16(byte[] b, long o, ushort v)
        {
            b[o] = (byte)v;
            b[o + 1] = (byte)(v >> 8);
        }

        private static string ReadCString(byte[] b, long o)
        {
            long end = o;
            while (b[end] != 0)
            {
                end++;
            }

            return Encoding.ASCII.GetString(b, (int)o, (int)(end - o));
        }
    }
}
