using System;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography;
using TorchSharp;
using Xunit;
using Weakener = ModelGen.Build.WeakenLibStdCxxRequirement;

namespace ModelGen.Runtime.Tests.Native;

/// <summary>
/// The ELF rewrite that lets TorchSharp load where libstdc++ lacks GLIBCXX_3.4.32, exercised on
/// copies of the real libLibTorchSharp.so from the NuGet cache.
/// </summary>
public sealed class LibStdCxxVersionWeakenerTests : IDisposable
{
    private const string NativeLibrary = "libLibTorchSharp.so";
    private readonly string _directory = Directory.CreateTempSubdirectory("modelgen-elf-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_shipped_library_requires_the_version_strictly_and_the_cache_copy_is_never_patched()
    {
        // The NuGet cache is shared by every build: the build must patch only output copies.
        Assert.Equal(0, Weakener.ReadRequirementFlags(File.ReadAllBytes(CachedLibrary()), Weakener.RequiredVersion));
    }

    [Fact]
    public void Patching_marks_the_requirement_weak_in_a_new_file_and_leaves_hard_links_alone()
    {
        string cache = Path.Combine(_directory, "cache-" + NativeLibrary);
        File.Copy(CachedLibrary(), cache);
        byte[] original = File.ReadAllBytes(cache);

        // The SDK may hard-link outputs to the NuGet cache; the output copy here is such a link.
        string output = Path.Combine(_directory, NativeLibrary);
        CreateHardLink(cache, output);
        Assert.Equal(Inode(cache), Inode(output));

        Assert.Equal(Weakener.PatchOutcome.Patched, Weakener.PatchFile(output));

        Assert.Equal(SHA256.HashData(original), SHA256.HashData(File.ReadAllBytes(cache)));
        Assert.NotEqual(Inode(cache), Inode(output));
        byte[] patched = File.ReadAllBytes(output);
        Assert.Equal(Weakener.VerFlagWeak, Weakener.ReadRequirementFlags(patched, Weakener.RequiredVersion));
        Assert.Equal(original.Length, patched.Length);
        Assert.Equal(1, DifferingBytes(original, patched)); // only the low byte of vna_flags changes
    }

    [Fact]
    public void Patching_twice_changes_nothing_the_second_time()
    {
        string output = Path.Combine(_directory, NativeLibrary);
        File.Copy(CachedLibrary(), output);
        Assert.Equal(Weakener.PatchOutcome.Patched, Weakener.PatchFile(output));
        byte[] once = File.ReadAllBytes(output);
        long inode = Inode(output);

        Assert.Equal(Weakener.PatchOutcome.AlreadyWeak, Weakener.PatchFile(output));

        Assert.Equal(once, File.ReadAllBytes(output));
        Assert.Equal(inode, Inode(output));
    }

    [Fact]
    public void A_library_without_the_requirement_is_left_alone()
    {
        string? system = Weakener.FindSystemLibStdCxx(Weakener.DefaultCandidates);
        Assert.NotNull(system);
        string copy = Path.Combine(_directory, "libstdc++.so.6");
        File.Copy(system!, copy);
        byte[] before = File.ReadAllBytes(copy);
        long inode = Inode(copy);

        // libstdc++ defines its versions; it does not require GLIBCXX_3.4.32 from anyone.
        Assert.Equal(Weakener.PatchOutcome.NotRequired, Weakener.PatchFile(copy));

        Assert.Equal(before, File.ReadAllBytes(copy));
        Assert.Equal(inode, Inode(copy));
        Assert.Equal(-1, Weakener.ReadRequirementFlags(before, Weakener.RequiredVersion));
    }

    [Fact]
    public void A_file_that_is_not_elf_is_rejected()
    {
        byte[] text = new byte[128];
        "not an ELF image"u8.CopyTo(text);
        Assert.Throws<InvalidDataException>(() => Weakener.Patch(text, Weakener.RequiredVersion));
    }

    [Fact]
    public void The_library_in_this_output_is_weak_exactly_when_the_system_lacks_the_version()
    {
        string? system = Weakener.FindSystemLibStdCxx(Weakener.DefaultCandidates);
        Assert.NotNull(system);
        bool systemLacksVersion = !Weakener.FileContainsAscii(system!, Weakener.RequiredVersion);
        string inOutput = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", NativeLibrary);
        Assert.True(File.Exists(inOutput), $"{inOutput} is missing.");

        int flags = Weakener.ReadRequirementFlags(File.ReadAllBytes(inOutput), Weakener.RequiredVersion);

        Assert.Equal(systemLacksVersion ? Weakener.VerFlagWeak : 0, flags);
    }

    private static string CachedLibrary()
    {
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        Version version = typeof(torch).Assembly.GetName().Version!;
        string path = Path.Combine(
            packages, "torchsharp", $"{version.Major}.{version.Minor}.{version.Build}", "runtimes", "linux-x64", "native", NativeLibrary);
        Assert.True(File.Exists(path), $"TorchSharp's native library is not in the NuGet cache at {path}.");
        return path;
    }

    private static int DifferingBytes(byte[] a, byte[] b)
    {
        int count = 0;
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                count++;
            }
        }

        return count;
    }

    private static void CreateHardLink(string existing, string link) => RunTool("ln", existing, link);

    private static long Inode(string path) => long.Parse(RunTool("stat", "-c", "%i", path).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    private static string RunTool(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', arguments)} failed: {error}");
        return output;
    }
}
