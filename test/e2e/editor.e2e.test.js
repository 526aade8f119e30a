'use strict';
/**
 * The InTime node in n8n's editor, in headless Chromium (Debian's chromium driven by playwright-core): the node is
 * added to a new workflow from the node panel; for every resource and operation the panel must show exactly the
 * parameters the node description makes visible; the icon must render; an InTime credential must be creatable from
 * the node and pass n8n's credential test against the simulator. Screenshots go to artifacts/editor-<n8n version>/.
 */
const fs = require('fs');
const path = require('path');
const { launchChromium } = require('../../scripts/lib/chromium');
const { root } = require('../../scripts/lib/runtime');
const { exampleWorkflows, inTimeCredentials, EXAMPLE_IDS } = require('../../scripts/lib/examples');
const { prepareInstance, importCredentials, disposeInstance, newSecretKey } = require('./support/instance');
const {
	logIn,
	pickFromNodePanel,
	chooseOption,
	visibleParameterNames,
	parametersText,
	iconStates,
	expectedVisibleProperties,
} = require('./support/editor');

const PACKAGE = 'n8n-nodes-intime-serwersms';
const ACCOUNT = { username: 'editor-user', secretKey: newSecretKey() };
/** Parameter types the panel shows as a block with a heading instead of one input with data-test-id. */
const BLOCK_TYPES = ['collection', 'fixedCollection', 'notice'];

/** n8n adds a "Custom API Call" operation to every resource of a node whose credential can authenticate HTTP requests. */
const isOwnOperation = (option) => option.value !== '__CUSTOM_API_CALL__';

let context;
let browser;
let page;
let description;
let artifacts;

async function screenshot(name) {
	await page.locator('[data-test-id=ndv]').screenshot({ path: path.join(artifacts, `${name}.png`) });
}

beforeAll(async () => {
	browser = await launchChromium();
	context = await prepareInstance({ account: ACCOUNT, logLevel: 'info' });
	const { n8n } = context;
	// The examples `npm start` imports, to run one from the editor as a user would.
	await importCredentials(n8n, inTimeCredentials({ ...ACCOUNT, baseUrl: context.simulator.baseUrl }));
	await n8n.importWorkflows(exampleWorkflows({ n8nUrl: n8n.baseUrl }));
	await n8n.start();
	await n8n.waitForRest();
	await n8n.loginAsOwner();
	// The package's own description (n8n adds "Custom API Call" and hidden request options to the one it serves).
	const { InTime } = require(path.join(root, 'dist', 'nodes', 'InTime', 'InTime.node.js'));
	description = new InTime().description;
	const nodes = await (await n8n.fetchAsOwner('/types/nodes.json')).json();
	expect(nodes.map((node) => node.name)).toContain(`${PACKAGE}.inTime`);
	artifacts = path.join(root, 'artifacts', `editor-${context.runtime.version}`);
	fs.rmSync(artifacts, { recursive: true, force: true });
	fs.mkdirSync(artifacts, { recursive: true });

	page = await browser.context.newPage();
	page.setDefaultTimeout(20000);
	await logIn(page, n8n.baseUrl.replace('127.0.0.1', 'localhost'));
	await page.goto(`${n8n.baseUrl.replace('127.0.0.1', 'localhost')}/workflow/new`);
	// An action node needs a trigger before it; the manual trigger is what a user starts with.
	await pickFromNodePanel(page, 'manual', 'Manual Trigger');
	await page.keyboard.press('Escape');
});

afterAll(async () => {
	await browser?.close();
	await disposeInstance(context);
});

test('the node panel offers InTime with one action per operation', async () => {
	await page.click('[data-test-id=node-creator-plus-button]');
	await page.fill('[data-test-id=node-creator-search-bar]', 'InTime');
	await page.locator('[data-test-id=node-creator-item-name]', { hasText: /^InTime$/ }).first().click();
	await page.waitForTimeout(500);
	await page.screenshot({ path: path.join(artifacts, 'node-panel-actions.png') });
	const shown = await page.$$eval('[data-test-id=node-creator-item-name]', (els) =>
		els.filter((e) => e.offsetParent !== null).map((e) => e.textContent.trim()),
	);
	const actions = description.properties
		.filter((p) => p.name === 'operation')
		.flatMap((p) => p.options.filter(isOwnOperation).map((o) => o.action));
	expect(actions).toHaveLength(12);
	expect(shown).toEqual(expect.arrayContaining(actions));

	await page.locator('[data-test-id=node-creator-item-name]', { hasText: 'Send an SMS' }).click();
	await page.waitForSelector('[data-test-id=ndv] [data-test-id=parameter-input-resource]');
	expect(await page.locator('[data-test-id=ndv] [data-test-id=parameter-input-resource] input').inputValue()).toBe('Message');
	expect(await page.locator('[data-test-id=ndv] [data-test-id=parameter-input-operation] input').inputValue()).toBe('Send');
});

test('the InTime icon renders', async () => {
	await page.waitForTimeout(500);
	const icons = (await iconStates(page, 'intime.svg')).filter((icon) => icon.visible);
	expect(icons.length).toBeGreaterThan(0);
	for (const icon of icons) {
		expect(icon.complete).toBe(true);
		expect(icon.width).toBeGreaterThan(0);
	}
	const response = await context.n8n.fetchAsOwner(new URL(icons[0].src).pathname);
	expect(response.headers.get('content-type')).toContain('image/svg+xml');
});

describe('every resource and operation shows its fields', () => {
	const cases = [];
	test.each([['message'], ['contact'], ['group'], ['blockList'], ['reminder']])('%s', async (resource) => {
		const resourceOption = description.properties
			.find((p) => p.name === 'resource')
			.options.find((o) => o.value === resource);
		await chooseOption(page, 'resource', resourceOption.name);
		const operations = description.properties.find(
			(p) => p.name === 'operation' && p.displayOptions.show.resource.includes(resource),
		).options.filter(isOwnOperation);
		for (const operation of operations) {
			await chooseOption(page, 'operation', operation.name);
			const expected = expectedVisibleProperties(description.properties, { resource, operation: operation.value });
			const expectedInputs = expected.filter(
				(p) => !BLOCK_TYPES.includes(p.type) && !(p.type === 'string' && p.typeOptions?.multipleValues),
			);
			const expectedBlocks = expected.filter((p) => !expectedInputs.includes(p));
			const shown = await visibleParameterNames(page);
			const text = await parametersText(page);
			await screenshot(`${resource}-${operation.value}`);
			cases.push(`${resource}/${operation.value}`);
			expect({ operation: operation.value, shown: shown.sort() }).toEqual({
				operation: operation.value,
				shown: expectedInputs.map((p) => p.name).sort(),
			});
			for (const block of expectedBlocks) expect(text).toContain(block.displayName);
		}
	});
});

test('an InTime credential can be created from the node and passes the credential test', async () => {
	await chooseOption(page, 'resource', 'Message');
	// n8n 2.x shows a "Connect to InTime" button; 1.x a credential select whose first entry creates one.
	const connectButton = page.locator('[data-test-id=ndv] [data-test-id=node-credentials-empty-state]');
	if (await connectButton.count()) await connectButton.click();
	else {
		await page.click('[data-test-id=ndv] [data-test-id=node-credentials-select]');
		await page.locator('[data-test-id=node-credentials-select-item-new]:visible').first().click();
	}
	await page.waitForSelector('[data-test-id=editCredential-modal]');
	await page.waitForTimeout(700); // the dialog fades in
	await page.screenshot({ path: path.join(artifacts, 'credential-new.png') });
	const field = (name) => page.locator(`[data-test-id=editCredential-modal] [data-test-id=parameter-input-${name}] input`);
	await field('username').fill(ACCOUNT.username);
	await field('secretKey').fill(ACCOUNT.secretKey);
	await field('baseUrl').fill(context.simulator.baseUrl);
	const before = context.simulator.requests.length;
	await page.click('[data-test-id=credential-save-button]');
	// n8n tests a credential when it is saved: InTime gets a list-groups request made with it.
	let tested;
	for (let waited = 0; waited < 20000 && !tested; waited += 250) {
		await page.waitForTimeout(250);
		tested = context.simulator.requests.slice(before).find((r) => r.path.endsWith('/contacts/listgroups.ashx'));
	}
	expect(tested?.query).toMatchObject({ user: ACCOUNT.username, hash: ACCOUNT.secretKey });
	// Accepted: no 0:ERROR… (credential) answer; an account without groups answers 2:ERROR1 ("no data").
	expect(tested.answer).not.toMatch(/^0:ERROR/);
	await page.screenshot({ path: path.join(artifacts, 'credential-saved.png') });
	// A passing test closes the dialog (n8n 2.x) or shows "Connection tested successfully" in it (1.x); a failing one
	// keeps it open with the error.
	const dialog = page.locator('[data-test-id=editCredential-modal]');
	const closed = await dialog.waitFor({ state: 'detached', timeout: 5000 }).then(
		() => true,
		() => false,
	);
	if (!closed) {
		await expect(dialog.getByText('Connection tested successfully').count()).resolves.toBeGreaterThan(0);
		await page.keyboard.press('Escape');
		await dialog.waitFor({ state: 'detached' });
	}
	// The node now uses the new credential.
	expect(await page.locator('[data-test-id=ndv] [data-test-id=node-credentials-select] input').inputValue()).toContain(
		'InTime',
	);
	await screenshot('message-send-with-credential');
});

test('running an example workflow from the editor texts the simulator', async () => {
	context.simulator.reset();
	await page.goto(`${context.n8n.baseUrl.replace('127.0.0.1', 'localhost')}/workflow/${EXAMPLE_IDS.sampleOrder}`);
	// Leaving the unsaved new workflow may ask for confirmation.
	const leave = page.getByRole('button', { name: /leave without saving/i });
	if (await leave.count()) await leave.click();
	await page.click('[data-test-id=execute-workflow-button]');
	for (let waited = 0; waited < 30000 && context.simulator.state.messages.length === 0; waited += 250) {
		await page.waitForTimeout(250);
	}
	await page.waitForTimeout(1000);
	await page.screenshot({ path: path.join(artifacts, 'example-sample-order-executed.png') });
	expect(context.simulator.state.messages.map((m) => m.body)).toEqual([
		'Hej Åsa! Din order order-1042 är skickad. Spåra paketet: https://track.example.com/1042',
	]);
});
