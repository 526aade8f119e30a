import { mkdirSync, writeFileSync } from 'fs';
import { cpus } from 'os';
import { join } from 'path';

import { encodeLatin1, findUnsupportedCharacters } from '../../nodes/InTime/transport/latin1';
import { buildXmlDocument } from '../../nodes/InTime/transport/xml';
import { runInTime, useInTimeSimulator } from '../unit/intime/setup';

/**
 * How fast the InTime node builds requests and how much memory it needs, measured on this machine:
 * - one Send request with many recipients (XML build + ISO-8859-1 encoding + character check);
 * - many input items through n8n's execution engine against the loopback simulator (one request per item).
 */
interface Measurement {
	name: string;
	runs: number;
	msPerRun: number;
	heapDeltaMb: number;
}

const results: Measurement[] = [];

function measure(name: string, runs: number, work: () => void): void {
	work(); // warm-up
	global.gc?.();
	const heapBefore = process.memoryUsage().heapUsed;
	const started = process.hrtime.bigint();
	for (let run = 0; run < runs; run++) work();
	const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
	results.push({
		name,
		runs,
		msPerRun: elapsedMs / runs,
		heapDeltaMb: (process.memoryUsage().heapUsed - heapBefore) / 1048576,
	});
}

describe('InTime benchmarks', () => {
	const simulator = useInTimeSimulator();

	afterAll(() => {
		const lines = [
			'# Benchmarks',
			'',
			`Measured with \`npm run bench\` on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}.`,
			'',
			'| what | runs | ms per run | heap growth (MB) |',
			'| --- | ---: | ---: | ---: |',
			...results.map(
				(r) => `| ${r.name} | ${r.runs} | ${r.msPerRun.toFixed(3)} | ${r.heapDeltaMb.toFixed(1)} |`,
			),
			'',
		];
		mkdirSync(join(__dirname, '../../docs'), { recursive: true });
		writeFileSync(join(__dirname, '../../docs/benchmarks.md'), lines.join('\n'));
		process.stdout.write(`${lines.join('\n')}\n`);
	});

	it('builds and encodes Send requests', () => {
		const body = 'Hej! Din order är packad och på väg. Hälsningar Byggvaruhuset'.padEnd(160, '.');
		for (const count of [1, 1000]) {
			const recipients = Array.from({ length: count }, (_, index) => ({
				'#text': `+4670${String(index).padStart(7, '0')}`,
				'@_transid': `order-${index}`,
			}));
			measure(`Send request, ${count} recipient(s): check text, build XML, encode ISO-8859-1`, count === 1 ? 5000 : 200, () => {
				findUnsupportedCharacters(body);
				encodeLatin1(
					buildXmlDocument('message', { flash: 0, multisms: 0, sendertitle: 'Shop', body, recipients: { recipient: recipients } }),
				);
			});
		}
	});

	it('runs many items through n8n against the simulator', async () => {
		const items = Array.from({ length: 500 }, (_, index) => ({ phone: `0701${String(index).padStart(6, '0')}`, order: `A-${index}` }));
		const parameters = {
			resource: 'message',
			operation: 'send',
			to: '={{ $json.phone }}',
			senderTitle: 'Shop',
			body: '=Din order {{ $json.order }} är packad.',
			additionalFields: { trackingIds: '={{ $json.order }}' },
		};
		await runInTime(simulator, parameters, { items: items.slice(0, 10) });
		global.gc?.();
		const heapBefore = process.memoryUsage().heapUsed;
		const started = process.hrtime.bigint();
		const { items: output, error } = await runInTime(simulator, parameters, { items });
		const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
		expect(error).toBeUndefined();
		expect(output).toHaveLength(500);
		results.push({
			name: 'Send, 500 input items in one execution (n8n-core + loopback simulator), per item',
			runs: 500,
			msPerRun: elapsedMs / 500,
			heapDeltaMb: (process.memoryUsage().heapUsed - heapBefore) / 1048576,
		});
	});
});
