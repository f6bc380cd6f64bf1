namespace MediaMatrix.Simulator.Cast;

/// <summary>
/// What is wrong in some of an account's post texts (issue 13), so the demo shows content findings and the tests can
/// check each kind over HTTP. Every third post (by <see cref="History.PostBodies.Carries"/>) carries the account's flaws.
/// </summary>
[Flags]
public enum ContentFlaw
{
    None = 0,

    /// <summary>An 18-digit resident ID number with a valid check digit (公示名单 that forgot to mask it): a serious finding.</summary>
    LeakedId = 1,

    /// <summary>A private mainland mobile number: a serious finding.</summary>
    LeakedMobile = 2,

    /// <summary>Masked numbers (138****1234, 3309**********0022) and the office's published duty mobile: never a finding.</summary>
    MaskedNumber = 4,

    /// <summary>A common miswriting from the starter lexicon (再接再励 for 再接再厉): a minor finding.</summary>
    LexiconError = 8,

    /// <summary>Article pages far longer than the excerpt kept (about 30,000 characters).</summary>
    LongArticle = 16,
}
