/** Benchmarks (npm run bench): measured numbers, printed and written to docs/benchmarks.md; not part of npm test. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['<rootDir>/test/bench/**/*.bench.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
	testTimeout: 300000,
};
