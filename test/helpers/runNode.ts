import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ExecutionError,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IWorkflowBase,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

import { testAdditionalData } from './additionalData';

export interface RunNodeOptions {
	nodeType: INodeType;
	parameters: INodeParameters;
	/** Credential types the node may use, and their data by type name. */
	credentialTypes?: ICredentialType[];
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Input items (json only); one empty item by default. */
	items?: IDataObject[];
	continueOnFail?: boolean;
	timezone?: string;
}

export interface NodeRunResult {
	/** Items on the node's first output. */
	items: INodeExecutionData[];
	/** The error that stopped the node, as n8n records it. */
	error?: ExecutionError;
	run: IRun;
}

const NODE_NAME = 'Node Under Test';

/**
 * Runs one node in a workflow through n8n-core's WorkflowExecute, as n8n does for a manual execution: n8n fills
 * in parameter defaults, runs declarative routing (preSend, request with credentials, postReceive), pairs items
 * and applies the node's error settings.
 */
export async function runNode(options: RunNodeOptions): Promise<NodeRunResult> {
	const { nodeType, parameters, credentialTypes = [], credentials = {} } = options;
	const typeName = `test.${nodeType.description.name}`;
	const node: INode = {
		id: 'b3d6a7e2-0000-4000-8000-000000000001',
		name: NODE_NAME,
		type: typeName,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: Object.fromEntries(
			(nodeType.description.credentials ?? []).map(({ name }) => [name, { id: '1', name: `${name} account` }]),
		),
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const workflowData: IWorkflowBase = {
		id: 'test-workflow',
		name: 'Test workflow',
		active: false,
		isArchived: false,
		activeVersionId: null,
		nodes: [node],
		connections: {},
		settings: { timezone: options.timezone ?? 'Europe/Stockholm' },
		createdAt: new Date(),
		updatedAt: new Date(),
	};
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes: workflowData.nodes,
		connections: workflowData.connections,
		active: false,
		nodeTypes,
		settings: workflowData.settings,
	});

	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', workflowData);
	let resolveRun: (run: IRun) => void = () => {};
	const finished = new Promise<IRun>((resolve) => (resolveRun = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => resolveRun(run));

	const additionalData = testAdditionalData({
		credentialTypes,
		credentials,
		extra: {
			hooks,
			currentNodeParameters: undefined,
			executeWorkflow: async () => {
				throw new Error('Sub-workflows are not used in these tests');
			},
			logAiEvent: () => {},
			setExecutionStatus: () => {},
			sendDataToUI: () => {},
		},
	});

	const items = (options.items ?? [{}]).map((json) => ({ json }));
	const runExecutionData: IRunExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: workflow.getNode(NODE_NAME)!, data: { main: [items] }, source: null }],
		},
	});

	await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(workflow);
	const run = await finished;
	const taskData = run.data.resultData.runData[NODE_NAME]?.[0];
	return {
		items: taskData?.data?.main?.[0] ?? [],
		error: taskData?.error ?? run.data.resultData.error,
		run,
	};
}
