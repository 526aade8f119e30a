'use strict';
/**
 * Progress output for the long steps of `npm start` and `npm run test:e2e`: every step says what it does and how
 * long it took, and a step that runs for minutes keeps saying that it is still working.
 */
const fs = require('fs');
const { spawn } = require('child_process');

const started = Date.now();

function seconds(ms) {
	const s = Math.round(ms / 1000);
	return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

function info(message) {
	console.log(`[${seconds(Date.now() - started).padStart(6)}] ${message}`);
}

/** An error whose message is meant for the person running the command: what failed and what to do. */
class StepError extends Error {
	constructor(message, hint) {
		super(message);
		this.hint = hint;
	}
}

/** Runs `work` as a named step, printing its start, its duration and, on failure, a clear reason. */
async function step(title, work) {
	info(`${title} ...`);
	const begin = Date.now();
	const result = await work();
	info(`${title}: done in ${seconds(Date.now() - begin)}`);
	return result;
}

/**
 * Runs a command with its output going to `logFile` (the output of npm installs is thousands of lines), printing a
 * heartbeat every 20 s so a multi-minute step is never silent. Rejects with the log's last lines on failure.
 */
function runLogged(command, args, { cwd, env, logFile, label, progress }) {
	return new Promise((resolve, reject) => {
		const out = fs.openSync(logFile, 'a');
		fs.writeSync(out, `\n$ ${command} ${args.join(' ')}\n`);
		const child = spawn(command, args, { cwd, env, stdio: ['ignore', out, out] });
		const begin = Date.now();
		const heartbeat = setInterval(() => {
			const extra = progress ? `, ${progress()}` : '';
			info(`  ${label}: still working (${seconds(Date.now() - begin)}${extra})`);
		}, 20000);
		child.on('error', (error) => {
			clearInterval(heartbeat);
			fs.closeSync(out);
			reject(new StepError(`${label}: could not run ${command}: ${error.message}`));
		});
		child.on('close', (code, signal) => {
			clearInterval(heartbeat);
			fs.closeSync(out);
			if (code === 0) return resolve();
			const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-25).join('\n');
			reject(
				new StepError(
					`${label} failed (${signal ? `signal ${signal}` : `exit code ${code}`}). Last lines of ${logFile}:\n${tail}`,
					`Read the whole log at ${logFile}; after fixing the cause, run the command again (finished steps are kept).`,
				),
			);
		});
	});
}

/** Prints a StepError (or any error) the way a person can act on it, and exits non-zero. */
function fail(error) {
	console.error(`\nFAILED: ${error.message}`);
	if (error.hint) console.error(`What to do: ${error.hint}`);
	else if (!(error instanceof StepError) && error.stack) console.error(error.stack);
	process.exitCode = 1;
}

module.exports = { info, step, runLogged, fail, seconds, StepError };
