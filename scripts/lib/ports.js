'use strict';
/** Loopback port checks, so a taken port is reported by name before anything starts. */
const net = require('net');

/** Resolves true when `port` can be listened on at 127.0.0.1. */
function isPortFree(port) {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/** A port the system reports free right now (for test runs, where any port will do). */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

module.exports = { isPortFree, freePort };
