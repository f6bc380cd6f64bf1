namespace MediaMatrix.Monitoring.Content;

/// <summary>The arithmetic of the numbers <see cref="PrivacyScanner"/> looks for; each takes digits only (an ID may end in X).</summary>
internal static class NumberChecks
{
    // GB 11643-1999: weight of position i is 2^(17-i) mod 11; the check character is indexed by the sum mod 11 (ISO 7064 MOD 11-2).
    private static readonly int[] IdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string IdCheckCharacters = "10X98765432";

    /// <summary>
    /// An 18-character resident ID number (GB 11643): a region code whose first digit is a province group (1–6) or 8
    /// (the residence permits of Hong Kong, Macao and Taiwan residents), a birth date between 1900 and
    /// <paramref name="asOf"/>, and a valid check character. The date test keeps order and serial numbers out: a random
    /// 18-digit number passes the check character one time in eleven, a real date far less often.
    /// </summary>
    public static bool IsResidentId(ReadOnlySpan<char> id, DateOnly asOf)
    {
        if (id.Length != 18 || id[0] is not (>= '1' and <= '6' or '8'))
            return false;

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(id[i]))
                return false;
            sum += (id[i] - '0') * IdWeights[i];
        }

        if (char.ToUpperInvariant(id[17]) != IdCheckCharacters[sum % 11])
            return false;

        var year = Number(id.Slice(6, 4));
        var month = Number(id.Slice(10, 2));
        var day = Number(id.Slice(12, 2));
        return year >= 1900 && year <= asOf.Year && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            && new DateOnly(year, month, day) <= asOf;
    }

    /// <summary>A mainland mobile number: 11 digits, 1 then 3–9 (the 13x–19x number blocks MIIT allocates).</summary>
    public static bool IsMobile(ReadOnlySpan<char> digits) =>
        digits.Length == 11 && digits[0] == '1' && digits[1] is >= '3' and <= '9' && AllDigits(digits);

    /// <summary>
    /// A payment card number: 16–19 digits passing the Luhn check (ISO/IEC 7812). The first digit must be an issuer
    /// family cards in China use (3 JCB/Amex, 4 Visa, 5 Mastercard, 6 UnionPay, 9 domestic debit cards such as 9558):
    /// order and serial numbers in posts usually start with a year (2026…) or 1, and Luhn alone passes one in ten.
    /// </summary>
    public static bool IsBankCard(ReadOnlySpan<char> digits)
    {
        if (digits.Length is < 16 or > 19 || digits[0] is not ('3' or '4' or '5' or '6' or '9') || !AllDigits(digits))
            return false;

        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
                d = d * 2 > 9 ? (d * 2) - 9 : d * 2;
            sum += d;
        }

        return sum % 10 == 0;
    }

    private static bool AllDigits(ReadOnlySpan<char> digits) => !digits.ContainsAnyExceptInRange('0', '9');

    private static int Number(ReadOnlySpan<char> digits)
    {
        var n = 0;
        foreach (var c in digits)
            n = (n * 10) + (c - '0');
        return n;
    }
}
