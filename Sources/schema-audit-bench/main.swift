import BenchmarkGenerator

print(SyntheticApplication(tableCount: 0).tableCount)
