import BenchmarkGenerator
import Testing

@Suite struct SyntheticApplicationTests {
    @Test func keepsTableCount() {
        #expect(SyntheticApplication(tableCount: 3).tableCount == 3)
    }
}
