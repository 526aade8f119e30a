import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { InTimeApi } from '../../../credentials/InTimeApi.credentials';
import { InTime } from '../../../nodes/InTime/InTime.node';
import { runNode } from '../../helpers/runNode';
import type { RecordedRequest, SimulatorOptions } from '../../simulators/intime';
import { InTimeSimulator } from '../../simulators/intime';

export const USERNAME = 'demo';
export const SECRET_KEY = 'demo-secret-key-0123456789abcdef01234567';

/** Starts an InTime simulator for the test file and gives a fresh state to every test. */
export function useInTimeSimulator(options: SimulatorOptions = {}) {
	const simulator = new InTimeSimulator({
		accounts: [{ username: USERNAME, secretKey: SECRET_KEY }],
		...options,
	});
	beforeAll(async () => {
		await simulator.start();
	});
	afterAll(async () => {
		await simulator.stop();
	});
	beforeEach(() => simulator.reset());
	return simulator;
}

export interface RunInTimeOptions {
	items?: IDataObject[];
	continueOnFail?: boolean;
	credentials?: IDataObject;
	timezone?: string;
}

/** Runs the InTime node through n8n's execution engine against the simulator. */
export async function runInTime(
	simulator: InTimeSimulator,
	parameters: INodeParameters,
	options: RunInTimeOptions = {},
) {
	return await runNode({
		nodeType: new InTime(),
		parameters,
		credentialTypes: [new InTimeApi()],
		credentials: {
			inTimeApi: {
				username: USERNAME,
				secretKey: SECRET_KEY,
				baseUrl: simulator.baseUrl,
				...options.credentials,
			},
		},
		items: options.items,
		continueOnFail: options.continueOnFail,
		timezone: options.timezone,
	});
}

/** The requests the simulator received for one endpoint, e.g. 'message/create.ashx'. */
export function requestsTo(simulator: InTimeSimulator, endpoint: string): RecordedRequest[] {
	return simulator.requests.filter((request) => request.path.toLowerCase().endsWith(`/${endpoint}`));
}
