namespace MediaMatrix.Simulator;

internal static class SimulatorPlaceholder;
