namespace MediaMatrix.Simulator.Cast;

/// <summary>The field an account writes about; it picks the titles its posts get.</summary>
public enum Topic
{
    News,
    Government,
    HumanResources,
    CivilAffairs,
    Education,
    CultureTourism,
    Health,
    Police,
    MarketRegulation,
    Housing,
    Agriculture,
    Emergency,
    Environment,
    Transport,
    Justice,
    Veterans,
}
