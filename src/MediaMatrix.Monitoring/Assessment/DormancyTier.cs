namespace MediaMatrix.Monitoring.Assessment;

/// <summary>How far into silence an account is (the pack's dormancy tiers), for the cleanup board and the bulletin.</summary>
public enum Dormancy
{
    /// <summary>Posting within the veto line.</summary>
    Active,

    /// <summary>Silent past the warning line (the veto line by default): 长期未更新 starts here.</summary>
    Warning,

    /// <summary>休眠: silent past the dormant line, or only sporadic posts in the zombie window.</summary>
    Dormant,

    /// <summary>僵尸: silent past the zombie line, a closure candidate.</summary>
    Zombie,
}

public static class DormancyTier
{
    /// <summary>The tier for a silence (null: no dated post ever) and the posts in the zombie window. Like the veto, each
    /// line is closed at its start: a post exactly 90 days old still counts as inside the zombie window.</summary>
    public static Dormancy Of(TimeSpan? silence, int postsInZombieWindow, DormancyTiers tiers)
    {
        if (silence is null || silence > tiers.Zombie || postsInZombieWindow == 0)
            return Dormancy.Zombie;
        if (silence > tiers.Dormant || postsInZombieWindow <= tiers.SporadicPosts)
            return Dormancy.Dormant;
        return silence > tiers.Warning ? Dormancy.Warning : Dormancy.Active;
    }

    public static string Zh(Dormancy tier) => tier switch
    {
        Dormancy.Warning => "长期未更新预警",
        Dormancy.Dormant => "休眠",
        Dormancy.Zombie => "僵尸（建议关停）",
        _ => "正常更新",
    };

    public static string En(Dormancy tier) => tier switch
    {
        Dormancy.Warning => "silent: warning",
        Dormancy.Dormant => "dormant",
        Dormancy.Zombie => "zombie (closure candidate)",
        _ => "active",
    };
}
