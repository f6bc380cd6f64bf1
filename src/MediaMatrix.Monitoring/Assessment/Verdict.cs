namespace MediaMatrix.Monitoring.Assessment;

/// <summary>检查结论. <see cref="Unknown"/> means we could not read the source well enough to judge (数据不足).</summary>
public enum Verdict { Qualified, Unqualified, Unknown }

/// <summary>One reason behind an evaluation, in Chinese for operators and in English alongside. <see cref="Code"/> is stable for machines.</summary>
public sealed record Reason(string Code, string Zh, string En);
