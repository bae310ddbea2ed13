'use strict';
// A lean Neuro for load benchmarks. It accepts games on a loopback port, and on commands read from stdin (one JSON
// object a line) executes place_mark on a game's connection with a fixed number of actions in flight, times each
// from sending the action to reading its result, checks the result's id and success, and reports on stdout (one JSON
// object a line): throughput, latency percentiles and its own CPU time. It also cuts a game's TCP connection without
// a close frame and times how long the game takes to register again.
//
// Frames to send are collected while the frames of one read are handled, then written at once under one cork: one
// write for all the actions a read of results releases, as a fast server does.
const { WebSocketServer } = require('ws');
const { performance } = require('perf_hooks');
const readline = require('readline');

const out = (event) => process.stdout.write(JSON.stringify(event) + '\n');

/** Per game name: its newest registered connection. */
const games = new Map();
/** Per game name: when its connection was cut, until it is registered again. */
const drops = new Map();

const server = new WebSocketServer({ host: '127.0.0.1', port: Number(process.argv[2] || 0) });
server.on('listening', () => out({
	event: 'listening', port: server.address().port, node: process.version, ws: require('ws/package.json').version,
}));
server.on('connection', (ws, request) => {
	const connection = { ws, socket: request.socket, game: null, nextId: 1, run: null, queue: [], flushing: false };
	ws.on('message', (data, binary) => onFrame(connection, binary ? null : data.toString()));
	ws.on('close', () => {
		if (connection.run) {
			fail(connection, 'the connection closed with ' + connection.run.pending + ' actions in flight');
		}
		if (connection.game && games.get(connection.game) === connection) {
			games.delete(connection.game);
			out({ event: 'closed', game: connection.game });
		}
	});
});

function onFrame(connection, text) {
	const frame = text === null ? null : JSON.parse(text);
	if (frame === null || typeof frame.command !== 'string') {
		return fail(connection, 'a frame that is not a command: ' + text);
	}
	if (frame.command === 'action/result') {
		return onResult(connection, frame.data || {}, text);
	}
	if (frame.command === 'startup') {
		connection.game = frame.game;
	}
	else if (frame.command === 'actions/register' && frame.data.actions.some((a) => a.name === 'place_mark')) {
		const cut = drops.get(connection.game);
		drops.delete(connection.game);
		games.set(connection.game, connection);
		out({ event: 'registered', game: connection.game, ...(cut ? { reconnectMs: performance.now() - cut } : {}) });
	}
}

function onResult(connection, data, text) {
	const run = connection.run;
	const index = Number(data.id) - (run ? run.firstId : 0);
	if (!run || !(index >= 0 && index < run.sent) || run.answeredAt[index] !== 0) {
		return fail(connection, 'a result for no action in flight: ' + text);
	}
	if (data.success !== true) {
		return fail(connection, 'a failed result: ' + text);
	}
	run.answeredAt[index] = performance.now();
	run.pending--;
	if (run.sent < run.actions) {
		send(connection, run);
	}
	else if (run.pending === 0) {
		finish(connection, run);
	}
}

/** Queue the next action; the queue is written once the frames already read are handled. */
function send(connection, run) {
	const id = run.firstId + run.sent;
	run.pending++;
	run.sentAt[run.sent++] = performance.now();
	connection.queue.push('{"command":"action","data":{"id":"' + id + '","name":"place_mark","data":"{\\"cell\\":'
		+ (id % 9) + '}"}}');
	if (!connection.flushing) {
		connection.flushing = true;
		process.nextTick(flush, connection);
	}
}

function flush(connection) {
	connection.flushing = false;
	connection.socket.cork();
	for (const frame of connection.queue) {
		connection.ws.send(frame);
	}
	connection.queue.length = 0;
	connection.socket.uncork();
}

function start(command) {
	const connection = games.get(command.game);
	if (!connection || connection.run) {
		return out({ event: 'error', message: (connection ? 'a run is in progress on ' : 'no connection of ')
			+ command.game });
	}
	const run = {
		actions: command.actions, firstId: connection.nextId, sent: 0, pending: 0,
		sentAt: new Float64Array(command.actions), answeredAt: new Float64Array(command.actions),
		cpu: process.cpuUsage(), start: performance.now(),
	};
	connection.nextId += command.actions;
	connection.run = run;
	for (let i = 0; i < Math.min(command.window, command.actions); i++) {
		send(connection, run);
	}
}

function finish(connection, run) {
	const elapsed = performance.now() - run.start;
	const cpu = process.cpuUsage(run.cpu);
	connection.run = null;
	const latencies = run.answeredAt.map((answered, i) => answered - run.sentAt[i]).sort();
	const percentile = (p) => latencies[Math.ceil(p * latencies.length) - 1] * 1e6;
	out({
		event: 'ran', game: connection.game, actions: run.actions, seconds: elapsed / 1000,
		p50Nanos: percentile(0.5), p99Nanos: percentile(0.99), cpuNanos: (cpu.user + cpu.system) * 1000,
	});
}

function fail(connection, message) {
	connection.run = null;
	out({ event: 'error', game: connection.game, message });
	connection.ws.terminate();
}

/** Destroy the socket: no close frame, as when a network or a process dies. */
function drop(command) {
	const connection = games.get(command.game);
	if (!connection) {
		return out({ event: 'error', message: 'no connection of ' + command.game });
	}
	drops.set(command.game, performance.now());
	connection.ws.terminate();
}

readline.createInterface({ input: process.stdin }).on('line', (line) => {
	const command = JSON.parse(line);
	if (command.command === 'run') {
		start(command);
	}
	else if (command.command === 'drop') {
		drop(command);
	}
}).on('close', () => process.exit(0));
