import type { ServerResponse } from 'http';

/**
 * Answers the caller ourselves (the triggers return `noWebhookResponse`), so the status code and the exact body
 * are ours: InTime wants `200` + the message id, SerwerSMS wants `OK`. Only Node's http API is used, which works
 * on n8n's Express response as well.
 */
export function sendText(
	response: ServerResponse,
	statusCode: number,
	text: string,
	headers: Record<string, string> = {},
): void {
	if (response.headersSent) return;
	response.statusCode = statusCode;
	response.setHeader('Content-Type', 'text/plain; charset=utf-8');
	for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
	response.end(text);
}
