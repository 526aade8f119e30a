/** The media type and declared charset of a Content-Type header, both lower-cased. */
export interface ContentType {
	mimeType: string;
	charset?: string;
}

export function parseContentType(header: string | string[] | undefined): ContentType {
	const value = Array.isArray(header) ? header[0] : header;
	if (!value) return { mimeType: '' };
	const [mimeType, ...parameters] = value.split(';');
	const result: ContentType = { mimeType: mimeType.trim().toLowerCase() };
	for (const parameter of parameters) {
		const separator = parameter.indexOf('=');
		if (separator === -1) continue;
		if (parameter.slice(0, separator).trim().toLowerCase() !== 'charset') continue;
		const charset = parameter
			.slice(separator + 1)
			.trim()
			.replace(/^"(.*)"$/, '$1')
			.toLowerCase();
		if (charset) result.charset = charset;
	}
	return result;
}
