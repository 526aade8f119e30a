/**
 * Runs a webhook trigger the way a production n8n does, with real HTTP bytes:
 * a loopback server receives the request, builds n8n-core's real WebhookContext from the Node req/res pair and
 * calls the node's webhook(); like n8n it answers itself unless the node returned `noWebhookResponse`.
 * What n8n's server does around that is reproduced where it matters to our nodes:
 * - `readRawBody()`/`rawBody` on the request (n8n's raw-body middleware), unless `withoutN8nRawBodyReader`;
 * - the body is parsed by n8n *only* when its skip condition is false: the same expression n8n evaluates,
 *   `$parameter["options"]["binaryData"]` on a typeVersion 1 node; if n8n would parse, the harness answers 422
 *   for a charset Node's Buffer does not know, exactly as n8n 2.40 does;
 * - static data: each request loads the saved static data into a fresh Workflow and saves it back when changed,
 *   as LiveWebhooks does.
 */
import { WebhookContext } from 'n8n-core';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IWebhookData,
	IWebhookResponseData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { createGunzip } from 'zlib';

import { testAdditionalData } from './additionalData';

/** Stand-ins for n8n-nodes-base's generic credentials (same type names and fields). */
export const genericAuthCredentialTypes: ICredentialType[] = [
	{
		name: 'httpQueryAuth',
		displayName: 'Query Auth',
		properties: [
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			{ displayName: 'Value', name: 'value', type: 'string', default: '' },
		],
	},
	{
		name: 'httpHeaderAuth',
		displayName: 'Header Auth',
		properties: [
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			{ displayName: 'Value', name: 'value', type: 'string', default: '' },
		],
	},
	{
		name: 'httpBasicAuth',
		displayName: 'Basic Auth',
		properties: [
			{ displayName: 'User', name: 'user', type: 'string', default: '' },
			{ displayName: 'Password', name: 'password', type: 'string', default: '' },
		],
	},
];

export interface WebhookHarnessOptions {
	nodeType: INodeType;
	parameters?: INodeParameters;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** 'webhook' = production URL (static data saved), 'manual' = test URL. */
	mode?: WorkflowExecuteMode;
	/** Leave out n8n's readRawBody() so the node must read the stream itself. */
	withoutN8nRawBodyReader?: boolean;
}

export interface WebhookCall {
	/** What the node returned. */
	result?: IWebhookResponseData;
	/** Items the workflow would start with (first output), or undefined when nothing starts. */
	items?: INodeExecutionData[];
	error?: Error;
}

export interface HarnessResponse {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
	/** What the node did with this request. */
	call: WebhookCall;
}

const NODE_NAME = 'Trigger Under Test';

export class WebhookHarness {
	private server?: Server;

	private baseUrl = '';

	/** The workflow's static data as n8n stores it (JSON in the database). */
	savedStaticData: IDataObject = {};

	readonly calls: WebhookCall[] = [];

	constructor(private readonly options: WebhookHarnessOptions) {}

	async start(): Promise<string> {
		this.server = createServer((req, res) => {
			this.handle(req, res).catch((error: Error) => {
				this.calls.push({ error });
				if (!res.headersSent) {
					res.statusCode = 500;
					res.end(`harness: ${error.message}`);
				}
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		const { port } = this.server.address() as AddressInfo;
		this.baseUrl = `http://127.0.0.1:${port}`;
		return this.url();
	}

	async stop(): Promise<void> {
		if (!this.server) return;
		await new Promise<void>((resolve) => this.server!.close(() => resolve()));
	}

	/** The trigger's URL on the loopback server, with an optional query string. */
	url(query = ''): string {
		return `${this.baseUrl}/webhook/harness/${this.webhookPath()}${query ? `?${query}` : ''}`;
	}

	/** Sends a request and waits for the node to finish with it. */
	async request(
		method: string,
		query: string,
		init: { headers?: Record<string, string>; body?: Buffer | string } = {},
	): Promise<HarnessResponse> {
		const callsBefore = this.calls.length;
		const response = await fetch(this.url(query), {
			method,
			headers: init.headers,
			body: init.body,
		});
		const body = Buffer.from(await response.arrayBuffer()).toString('utf8');
		await waitFor(() => this.calls.length > callsBefore);
		return {
			status: response.status,
			headers: Object.fromEntries(response.headers.entries()),
			body,
			call: this.calls[callsBefore],
		};
	}

	private webhookPath(): string {
		return String(this.options.nodeType.description.webhooks?.[0]?.path ?? 'webhook');
	}

	private node(): INode {
		const { nodeType, parameters = {} } = this.options;
		return {
			id: 'c1a7d3e4-0000-4000-8000-000000000002',
			name: NODE_NAME,
			type: `test.${nodeType.description.name}`,
			typeVersion: 1,
			position: [0, 0],
			webhookId: 'harness',
			parameters,
			credentials: Object.fromEntries(
				(nodeType.description.credentials ?? []).map(({ name }) => [name, { id: '1', name: `${name} account` }]),
			),
		};
	}

	private workflow(): Workflow {
		const { nodeType } = this.options;
		const nodeTypes: INodeTypes = {
			getByName: () => nodeType,
			getByNameAndVersion: () => nodeType,
			getKnownTypes: () => ({}),
		};
		return new Workflow({
			id: 'harness-workflow',
			name: 'Webhook harness',
			nodes: [this.node()],
			connections: {},
			active: true,
			nodeTypes,
			staticData: JSON.parse(JSON.stringify(this.savedStaticData)) as IDataObject,
			settings: {},
		});
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const { nodeType, mode = 'webhook' } = this.options;
		const workflow = this.workflow();
		const node = workflow.getNode(NODE_NAME)!;
		const description = (nodeType.description.webhooks ?? []).find(
			(webhook) => String(webhook.httpMethod) === req.method,
		);
		if (!description) {
			res.statusCode = 404;
			res.end('harness: this node has no webhook for that method');
			this.calls.push({});
			return;
		}

		if (!this.options.withoutN8nRawBodyReader) addN8nRawBodyReader(req);
		if (!n8nSkipsBodyParsing(workflow, node) && !(await parseBodyLikeN8n(req, res))) {
			this.calls.push({});
			return;
		}

		const additionalData = testAdditionalData({
			credentialTypes: genericAuthCredentialTypes,
			credentials: this.options.credentials ?? {},
			baseUrl: this.baseUrl,
			extra: { httpRequest: req, httpResponse: res },
		});
		const webhookData: IWebhookData = {
			httpMethod: description.httpMethod as IWebhookData['httpMethod'],
			node: NODE_NAME,
			path: String(description.path),
			webhookDescription: description,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
			webhookId: 'harness',
		};
		const context = new WebhookContext(workflow, node, additionalData, mode, webhookData, [], null);
		const result = await nodeType.webhook!.call(context);

		// LiveWebhooks saves static data changed by webhook() once the response is handled.
		if (mode === 'webhook' && (workflow.staticData as IDataObject).__dataChanged === true) {
			this.savedStaticData = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
		}
		if (result.noWebhookResponse !== true && !res.headersSent) {
			res.statusCode = 200;
			res.setHeader('Content-Type', 'application/json');
			res.end(JSON.stringify({ message: 'Workflow was started' }));
		}
		this.calls.push({ result, items: result.workflowData?.[0] });
	}
}

/** The condition n8n 1.x/2.x evaluate before parsing a webhook body (webhook-helpers `parseRequestBody`). */
export function n8nSkipsBodyParsing(workflow: Workflow, node: INode): boolean {
	if (node.typeVersion !== 1) return false;
	const binaryData = workflow.expression.getSimpleParameterValue(
		node,
		'={{$parameter["options"]["binaryData"]}}',
		'webhook',
		{},
		undefined,
		false,
	);
	return Boolean(binaryData);
}

function addN8nRawBodyReader(req: IncomingMessage): void {
	req.readRawBody = async () => {
		if (req.rawBody) return;
		const stream = req.headers['content-encoding'] === 'gzip' ? req.pipe(createGunzip()) : req;
		const chunks: Buffer[] = [];
		for await (const chunk of stream) chunks.push(chunk as Buffer);
		req.rawBody = Buffer.concat(chunks);
	};
}

/** What n8n's body parser does with a declared charset: Buffer#toString(charset), which rejects 'iso-8859-1'. */
async function parseBodyLikeN8n(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
	await req.readRawBody();
	const charset = /charset=([^;]+)/i.exec(req.headers['content-type'] ?? '')?.[1]?.trim() ?? 'utf-8';
	try {
		req.rawBody.toString(charset as BufferEncoding);
		return true;
	} catch (error) {
		res.statusCode = 422;
		res.setHeader('Content-Type', 'application/json');
		res.end(JSON.stringify({ code: 422, message: 'Failed to parse request body', hint: (error as Error).message }));
		return false;
	}
}

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
	const started = Date.now();
	while (!condition()) {
		if (Date.now() - started > timeoutMs) throw new Error('harness: the node did not finish in time');
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}
