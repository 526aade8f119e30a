'use strict';
/**
 * Small builders for the workflows the end-to-end tests import: a manual trigger, InTime nodes with a credential,
 * and connections by node name. The node parameters use the names of nodes/InTime/descriptions/*.
 */

const INTIME_TYPE = 'n8n-nodes-intime-serwersms.inTime';

let nodeCounter = 0;

function nodeId() {
	nodeCounter += 1;
	return `e2e00000-0000-4000-8000-${String(nodeCounter).padStart(12, '0')}`;
}

function manualTrigger(name = 'Start', position = [0, 0]) {
	return { id: nodeId(), name, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position, parameters: {} };
}

/** An InTime node using `credential` ({ id, name }); `extra` adds node settings (executeOnce, onError, ...). */
function inTime(name, credential, parameters, position, extra = {}) {
	return {
		id: nodeId(),
		name,
		type: INTIME_TYPE,
		typeVersion: 1,
		position,
		credentials: { inTimeApi: { id: credential.id, name: credential.name } },
		parameters,
		...extra,
	};
}

/** A Set node that outputs `json` as one item. */
function setJson(name, json, position) {
	return {
		id: nodeId(),
		name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position,
		parameters: { mode: 'raw', jsonOutput: JSON.stringify(json), options: {} },
	};
}

/** A Split Out node: one item per entry of the array field `field`. */
function splitOut(name, field, position) {
	return {
		id: nodeId(),
		name,
		type: 'n8n-nodes-base.splitOut',
		typeVersion: 1,
		position,
		parameters: { fieldToSplitOut: field, options: {} },
	};
}

/**
 * Connections from a list of [from, to] or [from, to, fromOutput] pairs.
 */
function connections(pairs) {
	const result = {};
	for (const [from, to, output = 0] of pairs) {
		result[from] = result[from] || { main: [] };
		while (result[from].main.length <= output) result[from].main.push([]);
		result[from].main[output].push({ node: to, type: 'main', index: 0 });
	}
	return result;
}

function workflow(id, name, nodes, pairs) {
	return {
		id,
		name,
		active: false,
		nodes,
		connections: connections(pairs),
		settings: { executionOrder: 'v1', timezone: 'Europe/Stockholm' },
		pinData: {},
	};
}

/** The JSON items a node output in a run printed by `n8n execute --rawOutput` (or stored by n8n). */
function nodeItems(run, nodeName, output = 0) {
	const runs = run?.data?.resultData?.runData?.[nodeName];
	if (!runs) {
		const ran = Object.keys(run?.data?.resultData?.runData ?? {}).join(', ');
		throw new Error(`Node "${nodeName}" did not run (nodes that ran: ${ran || 'none'})`);
	}
	const main = runs[0].data?.main ?? [];
	return (main[output] ?? []).map((item) => item.json);
}

/** The error a node stopped with, as n8n recorded it in the run. */
function nodeError(run, nodeName) {
	return run?.data?.resultData?.runData?.[nodeName]?.[0]?.error;
}

module.exports = { INTIME_TYPE, manualTrigger, inTime, setJson, splitOut, workflow, nodeItems, nodeError };
