import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Container } from '@n8n/di';
import { PollContext, PollTriggerExecutor } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IWorkflowExecuteAdditionalData,
	WorkflowActivateMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { testAdditionalData } from './additionalData';

// n8n-core's services read their settings folder on first use; keep it out of the home directory.
process.env.N8N_USER_FOLDER ??= mkdtempSync(path.join(tmpdir(), 'n8n-poll-harness-'));

export interface PollHarnessOptions {
	nodeType: INodeType;
	parameters: INodeParameters;
	credentialTypes: ICredentialType[];
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** n8n's time budget for one poll (ms); n8n's default when omitted. */
	pollBudgetMs?: number;
}

export interface PollOutcome {
	/** Items the poll emitted (empty when it returned nothing). */
	items: INodeExecutionData[];
	/** Whether n8n would have started a workflow run. */
	emitted: boolean;
	/** The error n8n would report (poll failed). */
	error?: Error;
}

const NODE_NAME = 'Trigger Under Test';

/**
 * Runs a polling trigger the way an active workflow in n8n does: n8n-core's PollTriggerExecutor with a real
 * PollContext, static data on the Workflow. What n8n would store in its database (the static data saved when a poll
 * emits, or commits a cursor after emitting nothing) is kept in `persisted`; `restart()` drops the in-memory
 * workflow so the next poll starts from that saved copy, as after an n8n restart.
 */
export class PollHarness {
	persisted: IDataObject = {};

	private workflow: Workflow | undefined;

	/** How n8n activated the running workflow: by a person first, at start-up after a restart. */
	private activation: WorkflowActivateMode = 'activate';

	private readonly node: INode;

	private readonly nodeTypes: INodeTypes;

	private readonly additionalData: IWorkflowExecuteAdditionalData;

	constructor(private readonly options: PollHarnessOptions) {
		const { nodeType } = options;
		this.node = {
			id: 'c0ffee00-0000-4000-8000-000000000005',
			name: NODE_NAME,
			type: `test.${nodeType.description.name}`,
			typeVersion: 1,
			position: [0, 0],
			parameters: options.parameters,
			credentials: Object.fromEntries(
				(nodeType.description.credentials ?? []).map(({ name }) => [name, { id: '1', name: `${name} account` }]),
			),
		};
		this.nodeTypes = {
			getByName: () => nodeType,
			getByNameAndVersion: () => nodeType,
			getKnownTypes: () => ({}),
		};
		this.additionalData = testAdditionalData({
			credentialTypes: options.credentialTypes,
			credentials: options.credentials,
		});
	}

	/** The static data the running workflow holds in memory right now. */
	get liveStaticData(): IDataObject {
		return clone(this.activeWorkflow().staticData as IDataObject);
	}

	/** n8n stops; the next poll runs in a new Workflow built from the persisted static data. */
	restart(): void {
		this.workflow = undefined;
		this.activation = 'init';
	}

	/** One scheduled poll of the active workflow. */
	async poll(): Promise<PollOutcome> {
		const workflow = this.activeWorkflow();
		const node = workflow.getNode(NODE_NAME) as INode;
		const outcome: PollOutcome = { items: [], emitted: false };
		const persist = () => {
			this.persisted = clone(workflow.staticData as IDataObject);
		};
		const context = new PollContext(
			workflow,
			node,
			this.additionalData,
			'trigger',
			this.activation,
			(data) => {
				outcome.emitted = true;
				outcome.items = data[0] ?? [];
				persist();
			},
			(error) => {
				outcome.error = error;
			},
			async () => persist(),
			undefined,
			undefined,
			this.options.pollBudgetMs === undefined ? undefined : () => this.options.pollBudgetMs as number,
		);
		const execute = Container.get(PollTriggerExecutor).create(workflow, node, context, () => true);
		await execute();
		return outcome;
	}

	/** A manual test run of the node, as the editor's "Fetch Test Event" does (n8n-core's executePollNode path). */
	async manualRun(): Promise<INodeExecutionData[][] | null> {
		const workflow = this.activeWorkflow();
		const node = workflow.getNode(NODE_NAME) as INode;
		const context = new PollContext(workflow, node, this.additionalData, 'manual', 'manual');
		return await this.options.nodeType.poll!.call(context);
	}

	private activeWorkflow(): Workflow {
		this.workflow ??= new Workflow({
			id: 'poll-test-workflow',
			name: 'Poll test workflow',
			nodes: [{ ...this.node, parameters: clone(this.node.parameters as IDataObject) as INodeParameters }],
			connections: {},
			active: true,
			nodeTypes: this.nodeTypes,
			staticData: clone(this.persisted),
			settings: { timezone: 'Europe/Warsaw' },
		});
		return this.workflow;
	}
}

function clone<T>(value: T): T {
	return JSON.parse(JSON.stringify(value ?? {})) as T;
}
