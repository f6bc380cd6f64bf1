using MediaMatrix.Access;

namespace MediaMatrix.Cli;

/// <summary><c>hash-password</c>: reads a password from standard input and prints the hash for <c>Auth:Users:N:PasswordHash</c>,
/// so no password is ever written into config or shell history.</summary>
internal static class HashPasswordCommand
{
    public static async Task<int> RunAsync()
    {
        var password = (await Console.In.ReadLineAsync())?.TrimEnd('\r', '\n');
        if (string.IsNullOrEmpty(password) || password.Length < 8)
        {
            await Console.Error.WriteLineAsync("hash-password: give a password of at least 8 characters on standard input");
            return 1;
        }

        await Console.Out.WriteLineAsync(UserDirectory.Hash(password));
        return 0;
    }
}
