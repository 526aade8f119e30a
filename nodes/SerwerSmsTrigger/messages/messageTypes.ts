/** The kinds of incoming message SerwerSMS reports in `type`, with labels for people who do not know the codes. */
export const MESSAGE_TYPE_LABELS: Record<string, string> = {
	eco: 'Reply to an ECO SMS',
	nd: 'SMS to a shared access number (ND/SC)',
	ndi: 'SMS to your own access number (NDI/SCI)',
	pre: 'Premium SMS',
	mms: 'MMS',
};

export const MESSAGE_TYPES = Object.keys(MESSAGE_TYPE_LABELS);

export function messageTypeLabel(type: unknown): string {
	return (typeof type === 'string' && MESSAGE_TYPE_LABELS[type]) || `Other (${String(type)})`;
}
