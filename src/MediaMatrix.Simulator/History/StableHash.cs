using System.Text;

namespace MediaMatrix.Simulator.History;

/// <summary>
/// FNV-1a over the parts' text. string.GetHashCode is randomised per process, and the history
/// must be the same in every run for the same seed.
/// </summary>
internal static class StableHash
{
    public static int Of(params object[] parts)
    {
        var hash = 14695981039346656037UL;
        foreach (var part in parts)
        {
            foreach (var b in Encoding.UTF8.GetBytes(Convert.ToString(part, System.Globalization.CultureInfo.InvariantCulture) + "\u001f"))
            {
                hash ^= b;
                hash *= 1099511628211UL;
            }
        }

        return (int)(hash ^ (hash >> 32));
    }
}
