/**
 * End-to-end tests in a real n8n (`npm run test:e2e`): every test/e2e/**\/*.e2e.test.{js,ts} file, one at a time
 * (each starts its own n8n). The n8n line comes from N8N_E2E_VERSION (2 = n8n 2.40.7, default; 1 = n8n 1.123.81).
 * scripts/prepare-e2e.js runs first (in `npm run test:e2e`) and prepares n8n, the tarball and Chromium.
 */
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	// n8n's install in .cache/ holds thousands of package.json files; jest need not index them.
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.{js,ts}'],
	// E2E_EDITOR=0 leaves out the editor test (it needs Chromium).
	testPathIgnorePatterns: process.env.E2E_EDITOR === '0' ? ['/node_modules/', 'editor\\.e2e\\.test'] : ['/node_modules/'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
	testTimeout: 10 * 60 * 1000,
	verbose: true,
};
