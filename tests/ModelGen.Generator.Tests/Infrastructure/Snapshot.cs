using System;
using System.IO;
using System.Runtime.CompilerServices;
using Xunit;

namespace ModelGen.Generator.Tests.Infrastructure;

/// <summary>
/// A small snapshot helper with Verify's conventions, so that Verify can replace it with a
/// one-line change: the accepted text is <c>Snapshots/{Class}.{Method}#{Name}.verified.cs</c>
/// next to the test; on a mismatch the new text is written to <c>.received.cs</c> beside it and
/// the test fails. Set <c>MODELGEN_ACCEPT_SNAPSHOTS=1</c> to accept received text instead.
/// Line endings are normalized to '\n' before comparing.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "MODELGEN_ACCEPT_SNAPSHOTS";

    public static void Verify(string actual, string name, [CallerFilePath] string testFile = "", [CallerMemberName] string method = "")
    {
        string directory = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots");
        string stem = $"{Path.GetFileNameWithoutExtension(testFile)}.{method}#{name}";
        string verified = Path.Combine(directory, stem + ".verified.cs");
        string received = Path.Combine(directory, stem + ".received.cs");
        actual = actual.Replace("\r\n", "\n");

        string? expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(received, actual);
        Assert.Fail(expected is null
            ? $"No snapshot {verified}. Review {received} and accept it (rename, or run with {AcceptVariable}=1)."
            : $"Snapshot {verified} differs from the generated code. Compare with {received}; accept with {AcceptVariable}=1 if the change is intended.");
    }
}
