import type { IncomingMessage } from 'http';
import { createGunzip, createInflate } from 'zlib';
import type { Readable } from 'stream';

/**
 * n8n-workflow declares `rawBody` and `readRawBody()` on every request, but only n8n's server middleware adds
 * them; treat both as optional.
 */
interface RequestWithRawBody {
	rawBody?: Buffer;
	readRawBody?: () => Promise<void>;
}

const MAX_BODY_BYTES = 16 * 1024 * 1024;

/**
 * The request body exactly as received (after gzip/deflate), without any parsing.
 * Our triggers ask n8n not to parse bodies (see `skipBodyParsingParameter`), so the bytes are still unread here:
 * n8n's own `readRawBody()` fills `req.rawBody`; without it we read the stream ourselves.
 */
export async function readRawBody(request: IncomingMessage): Promise<Buffer> {
	const req = request as unknown as RequestWithRawBody;
	if (Buffer.isBuffer(req.rawBody)) return req.rawBody;
	if (typeof req.readRawBody === 'function') {
		await req.readRawBody();
		if (Buffer.isBuffer(req.rawBody)) return req.rawBody;
	}
	if (request.readableEnded) return Buffer.alloc(0);
	const body = await readStream(decompressed(request));
	req.rawBody = body;
	return body;
}

function decompressed(req: IncomingMessage): Readable {
	switch (req.headers['content-encoding']) {
		case 'gzip':
			return req.pipe(createGunzip());
		case 'deflate':
			return req.pipe(createInflate());
		default:
			return req;
	}
}

async function readStream(stream: Readable): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of stream) {
		const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
		size += buffer.length;
		if (size > MAX_BODY_BYTES) throw new Error('Request body is larger than 16 MB');
		chunks.push(buffer);
	}
	return Buffer.concat(chunks);
}
