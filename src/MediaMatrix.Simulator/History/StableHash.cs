using System.Text;

namespace MediaMatrix.Simulator.History;

/// <summary>
/// FNV-1a over the parts' text, then a 64-bit finaliser (MurmurHash3's fmix64).
/// string.GetHashCode is randomised per process, and the history must be the same in every run
/// for the same seed. The finaliser matters: these hashes seed System.Random, whose first
/// outputs for nearby seeds are nearly the same, and FNV alone leaves inputs that differ in a
/// last digit (consecutive days) nearby — the same title came up day after day.
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

        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return (int)hash;
    }
}
