'use strict';
/**
 * Driving n8n's editor (2.x) with playwright-core: log in, add nodes from the node panel, switch a node's options
 * parameters, read which parameters the node panel shows. Selectors are n8n's own data-test-id attributes.
 */
const { OWNER } = require('../../../scripts/lib/n8n');

async function logIn(page, baseUrl) {
	await page.goto(`${baseUrl}/signin`);
	await page.fill('input[name=emailOrLdapLoginId]', OWNER.email);
	await page.fill('input[name=password]', OWNER.password);
	await page.click('[data-test-id=form-submit-button]');
	await page.waitForURL((url) => !url.pathname.includes('signin'), { timeout: 30000 });
}

/** Opens the node panel, searches `search` and clicks the result named `name`. */
async function pickFromNodePanel(page, search, name) {
	await page.click('[data-test-id=node-creator-plus-button]');
	await page.fill('[data-test-id=node-creator-search-bar]', search);
	await page.locator('[data-test-id=node-creator-item-name]', { hasText: name }).first().click();
}

/**
 * Chooses `optionName` in the options parameter `parameterName` of the open node panel. An option with a
 * description shows both, so the option is found by the text it starts with, the longest match first.
 */
async function chooseOption(page, parameterName, optionName) {
	await page.click(`[data-test-id=ndv] [data-test-id=parameter-input-${parameterName}]`);
	const items = page.locator('.el-select-dropdown__item:visible');
	await items.first().waitFor();
	const texts = (await items.allInnerTexts()).map((text) => text.trim().split('\n')[0].trim());
	const index = texts.indexOf(optionName);
	if (index < 0) throw new Error(`"${optionName}" is not among the options of ${parameterName}: ${texts.join(', ')}`);
	await items.nth(index).click();
	await page.waitForTimeout(300);
}

/** Names of the simple parameters the node panel shows (their inputs carry data-test-id="parameter-input-<name>"). */
async function visibleParameterNames(page) {
	const ids = await page.$$eval('[data-test-id=ndv] [data-test-id=node-parameters] [data-test-id^="parameter-input-"]', (els) =>
		els.filter((e) => e.offsetParent !== null).map((e) => e.getAttribute('data-test-id')),
	);
	return [...new Set(ids.map((id) => id.slice('parameter-input-'.length)).filter((name) => name && name !== 'field'))];
}

async function parametersText(page) {
	return page.locator('[data-test-id=ndv] [data-test-id=node-parameters]').innerText();
}

/** Whether every image of the node panel's header and of the canvas showing `iconFile` loaded. */
async function iconStates(page, iconFile) {
	return page.$$eval(
		'img',
		(els, file) =>
			els
				.filter((e) => e.src.includes(file))
				.map((e) => ({ src: e.src, complete: e.complete, width: e.naturalWidth, visible: e.offsetParent !== null })),
		iconFile,
	);
}

/**
 * Which top-level parameters the node description shows for the given values (n8n's displayOptions show/hide,
 * other parameters at their defaults). Returns the visible property objects.
 */
function expectedVisibleProperties(properties, values) {
	const current = { ...Object.fromEntries(properties.map((p) => [p.name, p.default])), ...values };
	const matches = (conditions) =>
		Object.entries(conditions).every(([name, allowed]) => allowed.includes(current[name]));
	return properties.filter((property) => {
		const show = property.displayOptions?.show;
		const hide = property.displayOptions?.hide;
		if (show && !matches(show)) return false;
		if (hide && Object.entries(hide).some(([name, hidden]) => hidden.includes(current[name]))) return false;
		return true;
	});
}

module.exports = {
	logIn,
	pickFromNodePanel,
	chooseOption,
	visibleParameterNames,
	parametersText,
	iconStates,
	expectedVisibleProperties,
};
