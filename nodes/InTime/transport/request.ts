import type { IHttpRequestOptions } from 'n8n-workflow';

import type { XmlElement } from './xml';
import { buildXmlDocument } from './xml';
import { encodeLatin1 } from './latin1';

/** InTime answers lists, codes and ids as ISO-8859-1 text, with HTTP 200 also for errors: the node reads the raw bytes. */
export const RAW_ANSWER_OPTIONS = {
	encoding: 'arraybuffer' as const,
	ignoreHttpStatusErrors: true,
	json: false,
};

export const XML_CONTENT_TYPE = 'text/xml; charset=ISO-8859-1';

/** Puts an InTime request document into the request, as ISO-8859-1 bytes. */
export function withXmlBody(
	requestOptions: IHttpRequestOptions,
	rootName: string,
	content: XmlElement,
): IHttpRequestOptions {
	return {
		...requestOptions,
		body: encodeLatin1(buildXmlDocument(rootName, content)),
		json: false,
		headers: { ...requestOptions.headers, 'Content-Type': XML_CONTENT_TYPE },
	};
}
