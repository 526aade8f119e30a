import type { IBinaryKeyData, IDataObject, IWebhookFunctions } from 'n8n-workflow';

import type { UploadedFile } from '../../shared/webhook/parseBody';

export interface Attachment {
	id?: unknown;
	name: string;
	contentType: string;
	/** Base64. */
	data: string;
}

/**
 * MMS attachments, whether uploaded as files (multipart) or listed as `attachments` [{ name, content_type, data }]
 * the way SerwerSMS's API returns them.
 */
export function attachmentsOf(fields: Record<string, unknown>, files: UploadedFile[]): Attachment[] {
	const listed = Array.isArray(fields.attachments) ? (fields.attachments as unknown[]) : [];
	const fromList = listed
		.filter((entry): entry is IDataObject => typeof entry === 'object' && entry !== null && typeof (entry as IDataObject).data === 'string')
		.map((entry) => ({
			id: entry.id,
			name: typeof entry.name === 'string' ? entry.name : '',
			contentType: typeof entry.content_type === 'string' ? entry.content_type : '',
			data: entry.data as string,
		}));
	const fromFiles = files.map((file) => ({ name: file.name, contentType: file.contentType, data: file.data }));
	return [...fromList, ...fromFiles];
}

/** As the polling trigger does: binary properties attachment_0, attachment_1, ... and their list in the JSON. */
export async function attachmentsAsBinary(
	context: IWebhookFunctions,
	attachments: Attachment[],
): Promise<{ binary: IBinaryKeyData; list: IDataObject[] }> {
	const binary: IBinaryKeyData = {};
	const list: IDataObject[] = [];
	for (const [index, attachment] of attachments.entries()) {
		const property = `attachment_${index}`;
		const fileName = attachment.name || property;
		const mimeType = attachment.contentType || 'application/octet-stream';
		binary[property] = await context.helpers.prepareBinaryData(
			Buffer.from(attachment.data, 'base64'),
			fileName,
			mimeType,
		);
		list.push({ id: attachment.id ?? null, fileName, mimeType, binaryProperty: property });
	}
	return { binary, list };
}
