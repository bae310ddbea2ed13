// The Neuro console's page. Everything a game sends is put on the page as text (textContent, append of strings),
// never as markup: a game may name an action "<b>x</b>". The page holds a copy of the console's state, made from a
// snapshot and kept up to date by the event stream (GET api/events); what a person does goes to the JSON API
// (POST api/...). The frame log and the context feed are virtual lists: only the rows in view exist.
'use strict';

(() => {
	const ROW = 22;
	const RESULT_LIMIT = 200;

	const state = {
		neuroUrl: '',
		logLimit: 10000,
		settings: null,
		games: new Map(),
		log: [],
		feed: [],
		results: [],
		diagnostics: new Map(),
		silenced: [],
		selected: null,
		selectedAction: null,
		waiting: null,
		lastResult: null,
		resultsSeen: 0,
		forcedActions: new Set(),
		tab: 'feed',
	};

	const remembered = new Map();
	const dirty = new Set();
	let drawing = false;

	const $ = (id) => document.getElementById(id);

	/** Any value a game sent, as text. */
	function show(value) {
		if (typeof value === 'string') {
			return value;
		}
		if (value === undefined || value === null) {
			return '';
		}
		return JSON.stringify(value);
	}

	/** An element whose children are elements or text; strings never become markup. */
	function el(tag, attributes, ...children) {
		const element = document.createElement(tag);
		for (const [name, value] of Object.entries(attributes || {})) {
			if (name === 'class') {
				element.className = value;
			}
			else if (name.startsWith('on')) {
				element.addEventListener(name.slice(2), value);
			}
			else {
				element.setAttribute(name, value);
			}
		}
		for (const child of children) {
			if (child instanceof Node) {
				element.append(child);
			}
			else if (child !== null && child !== undefined) {
				element.append(show(child));
			}
		}
		return element;
	}

	function time(millis) {
		const date = new Date(millis);
		return date.toTimeString().slice(0, 8) + '.' + String(date.getMilliseconds()).padStart(3, '0');
	}

	function flash(message) {
		const box = $('flash');
		box.textContent = message;
		box.hidden = false;
		clearTimeout(flash.timer);
		flash.timer = setTimeout(() => { box.hidden = true; }, 6000);
	}

	// --- talking to the console -------------------------------------------------------------------------------

	async function post(path, body) {
		const response = await fetch('api/' + path, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(body),
		});
		const answer = await response.json().catch(() => ({ problems: ['The console answered ' + response.status + '.'] }));
		if (!response.ok) {
			const error = new Error((answer.problems || []).join(' '));
			error.problems = answer.problems || [];
			throw error;
		}
		return answer;
	}

	function act(path, body) {
		post(path, body).catch((error) => flash(error.message));
	}

	function connect() {
		const source = new EventSource('api/events');
		source.onopen = () => setStatus('live', 'ok');
		source.onerror = () => setStatus('reconnecting…', 'bad');
		source.onmessage = (message) => apply(JSON.parse(message.data));
	}

	function setStatus(text, kind) {
		const status = $('stream-status');
		status.textContent = text;
		status.className = 'status ' + kind;
	}

	// --- the state, from events -------------------------------------------------------------------------------

	function apply(event) {
		switch (event.type) {
			case 'snapshot':
				state.neuroUrl = event.neuroUrl;
				state.logLimit = event.logLimit;
				state.settings = event.settings;
				state.games = new Map(event.games.map((game) => [game.connection, game]));
				state.log = [];
				state.feed = [];
				event.log.forEach(addFrame);
				state.results = event.results;
				state.diagnostics = new Map(event.diagnostics.map((d) => [d.id, d]));
				state.silenced = event.silenced;
				if (!state.games.has(state.selected)) {
					state.selected = null;
				}
				chooseGame();
				mark('all');
				break;
			case 'frame':
				addFrame(event);
				mark('lists');
				break;
			case 'game':
				gameChanged(event.game);
				break;
			case 'game-removed':
				state.games.delete(event.connection);
				if (state.selected === event.connection) {
					state.selected = null;
					chooseGame();
				}
				mark('games', 'panel');
				break;
			case 'result':
				event.seen = ++state.resultsSeen;
				state.results.push(event);
				if (state.results.length > RESULT_LIMIT) {
					state.results.splice(0, state.results.length - RESULT_LIMIT);
				}
				if (state.waiting && answers(state.waiting, event)) {
					state.waiting = null;
					state.lastResult = event;
				}
				mark('results', 'editor');
				break;
			case 'settings':
				state.settings = event.settings;
				mark('settings');
				break;
			case 'diagnostic':
				state.diagnostics.set(event.diagnostic.id, event.diagnostic);
				mark('diagnostics');
				break;
			case 'diagnostics':
				state.diagnostics = new Map(event.diagnostics.map((d) => [d.id, d]));
				state.silenced = event.silenced;
				mark('diagnostics');
				break;
			case 'log-cleared':
				state.log = [];
				state.feed = [];
				state.results = [];
				mark('lists', 'results');
				break;
			default:
				break;
		}
	}

	/** Whether a result answers what the editor sent: a result may come before the console says it sent it. */
	function answers(waiting, result) {
		return result.seen > waiting.after && result.connection === waiting.connection && result.action === waiting.action;
	}

	function addFrame(frame) {
		state.log.push(frame);
		const entry = feedEntry(frame);
		if (entry) {
			state.feed.push(entry);
		}
	}

	/** The oldest frames drop off past the limit, as on the console: once per drawing, not once per frame. */
	function trimLog() {
		if (state.log.length > state.logLimit) {
			state.log.splice(0, state.log.length - state.logLimit);
			const oldest = state.log[0].seq;
			state.feed = state.feed.filter((item) => item.frame.seq >= oldest);
		}
	}

	function gameChanged(game) {
		const before = state.selected !== null ? state.games.get(state.selected) : null;
		state.games.set(game.connection, game);
		// A game that reconnects takes the place of its closed connection on the page
		if (before && !before.open && game.open && game.game !== '' && game.game === before.game) {
			state.selected = game.connection;
		}
		chooseGame();
		mark('games', 'panel');
	}

	function chooseGame() {
		if (state.selected !== null && state.games.has(state.selected)) {
			return;
		}
		const open = [...state.games.values()].filter((game) => game.open);
		const pick = open.length ? open[open.length - 1] : [...state.games.values()].pop();
		state.selected = pick ? pick.connection : null;
		state.selectedAction = null;
	}

	function selectedGame() {
		return state.selected !== null ? state.games.get(state.selected) : undefined;
	}

	/** What Neuro hears, or does, in a frame: one line of the context feed, or nothing. */
	function feedEntry(frame) {
		if (frame.direction === 'console') {
			return { frame, kind: 'console', text: frame.text };
		}
		let json;
		try {
			json = JSON.parse(frame.text);
		}
		catch (e) {
			return frame.direction === 'game' ? { frame, kind: 'not JSON', text: frame.text } : null;
		}
		const data = (json && typeof json.data === 'object' && json.data) || {};
		const names = (list) => (Array.isArray(list) ? list.map((item) => show(item && typeof item === 'object' ? item.name : item)).join(', ') : '');
		if (frame.direction === 'neuro') {
			return frame.command === 'action' ? { frame, kind: 'action', text: show(data.name) + ' ' + show(data.data) } : null;
		}
		switch (frame.command) {
			case 'startup':
				return { frame, kind: 'startup', text: 'the game started; its earlier actions are gone' };
			case 'context':
				return { frame, kind: data.silent ? 'context (silent)' : 'context', text: show(data.message) };
			case 'actions/register':
				return { frame, kind: 'registered', text: names(data.actions) };
			case 'actions/unregister':
				return { frame, kind: 'unregistered', text: names(data.action_names) };
			case 'actions/force':
				return {
					frame, kind: 'force',
					text: show(data.query) + (data.state !== undefined ? '  · state: ' + show(data.state) : '')
						+ (data.ephemeral_context ? '  · ephemeral' : '')
						+ (data.priority !== undefined ? '  · priority ' + show(data.priority) : '')
						+ '  · actions: ' + names(data.action_names),
				};
			case 'action/result':
				return { frame, kind: 'result', text: (data.success ? 'success' : 'failure') + (data.message !== undefined ? ': ' + show(data.message) : '') };
			case 'shutdown/ready':
				return { frame, kind: 'shutdown/ready', text: 'the game is ready to be closed' };
			default:
				return null;
		}
	}

	// --- drawing ----------------------------------------------------------------------------------------------

	function mark(...parts) {
		parts.forEach((part) => dirty.add(part));
		if (!drawing) {
			drawing = true;
			requestAnimationFrame(draw);
		}
	}

	function draw() {
		drawing = false;
		const all = dirty.has('all');
		if (all || dirty.has('settings')) {
			drawSettings();
		}
		if (all || dirty.has('games')) {
			drawGames();
		}
		if (all || dirty.has('panel')) {
			drawPanel();
		}
		else if (dirty.has('editor')) {
			drawEditorResult();
		}
		if (all || dirty.has('panel') || dirty.has('results')) {
			drawResults();
		}
		if (all || dirty.has('lists')) {
			drawLists();
		}
		if (all || dirty.has('diagnostics') || dirty.has('panel')) {
			drawDiagnostics();
		}
		dirty.clear();
	}

	function drawSettings() {
		const settings = state.settings;
		$('neuro-url').textContent = state.neuroUrl;
		if (!settings) {
			return;
		}
		document.querySelectorAll('input[name=force-mode]').forEach((radio) => {
			radio.checked = radio.value === settings.forceMode;
		});
		setUnlessEditing('seed', settings.seed);
		setUnlessEditing('think-delay', settings.thinkDelayMillis);
		setUnlessEditing('force-retries', settings.forceRetries);
		setUnlessEditing('latency', settings.latencyMillis);
		$('acknowledge-as').value = settings.acknowledgeAs;
		$('fault-freeze').textContent = settings.frozen ? 'Thaw' : 'Freeze';
		$('fault-freeze').classList.toggle('on', settings.frozen);
		$('fault-refuse').textContent = settings.refusing ? 'Accept new' : 'Refuse new';
		$('fault-refuse').classList.toggle('on', settings.refusing);
		const faults = [];
		if (settings.latencyMillis > 0) {
			faults.push(settings.latencyMillis + ' ms latency');
		}
		if (settings.frozen) {
			faults.push('frozen');
		}
		if (settings.refusing) {
			faults.push('refusing new connections');
		}
		$('network-status').textContent = faults.length ? faults.join(', ') : 'healthy';
		$('network-status').className = 'status ' + (faults.length ? 'warn' : 'ok');
	}

	function setUnlessEditing(id, value) {
		if (document.activeElement !== $(id)) {
			$(id).value = value;
		}
	}

	function drawGames() {
		const nav = $('games');
		nav.replaceChildren(...[...state.games.values()].map((game) => el('button', {
			type: 'button',
			class: (game.connection === state.selected ? 'selected ' : '') + (game.open ? '' : 'closed'),
			'data-connection': game.connection,
			onclick: () => {
				state.selected = game.connection;
				state.selectedAction = null;
				state.lastResult = null;
				mark('games', 'panel', 'lists');
			},
		}, '#' + game.connection + ' ', game.game || '(no name yet)', game.open ? '' : ' (closed)')));
		$('no-game').hidden = state.games.size > 0;
		$('game-panel').hidden = state.games.size === 0;
	}

	function drawPanel() {
		const game = selectedGame();
		if (!game) {
			return;
		}
		$('game-title').textContent = '#' + game.connection + ' ' + (game.game || '(no name yet)');
		const status = $('game-status');
		status.textContent = game.open ? 'connected' : 'closed (code ' + game.closeCode + ')';
		status.className = 'status ' + (game.open ? 'ok' : 'bad');
		$('export-session').href = 'api/session?connection=' + game.connection;
		$('export-session').setAttribute('download', 'neuro-session-' + game.connection + '.json');
		drawForces(game);
		drawActions(game);
		drawEditor(game);
	}

	function drawForces(game) {
		const forced = new Set();
		$('forces').replaceChildren(...game.forces.map((force) => {
			const names = Array.isArray(force.action_names) ? force.action_names.map(show) : [];
			names.forEach((name) => forced.add(name));
			return el('div', { class: 'force' },
				el('div', { class: 'force-query' }, 'Forced: ', show(force.query)),
				force.state !== undefined ? el('pre', { class: 'force-state' }, show(force.state)) : null,
				el('div', { class: 'force-flags' },
					'ephemeral context: ', force.ephemeral_context ? 'yes' : 'no',
					' · priority: ', force.priority !== undefined ? show(force.priority) : 'low (not set)',
					state.settings && state.settings.forceMode === 'AUTO_PLAY' ? ' · auto-play is answering' : ''),
				el('div', { class: 'buttons' },
					el('span', { class: 'label' }, 'Answer with:'),
					...names.map((name) => el('button', {
						type: 'button', class: 'force-action', onclick: () => selectAction(name),
					}, name)),
					el('button', {
						type: 'button', class: 'ignore-force',
						onclick: () => act('ignore-forces', { connection: game.connection }),
					}, 'Ignore')));
		}));
		state.forcedActions = forced;
	}

	function drawActions(game) {
		const filter = $('action-filter').value.trim().toLowerCase();
		const actions = game.actions.filter((action) => show(action.name).toLowerCase().includes(filter));
		$('action-count').textContent = '(' + game.actions.length + ')';
		$('actions').replaceChildren(...actions.map((action) => {
			const name = show(action.name);
			return el('li', {
				class: (name === state.selectedAction ? 'selected ' : '') + (state.forcedActions.has(name) ? 'forced' : ''),
				'data-action': name,
				onclick: () => selectAction(name),
			}, el('span', { class: 'action-name' }, name), el('span', { class: 'action-description' }, show(action.description)));
		}));
	}

	function findAction(game, name) {
		return game.actions.find((action) => show(action.name) === name);
	}

	function selectAction(name) {
		const game = selectedGame();
		if (!game) {
			return;
		}
		state.selectedAction = name;
		state.lastResult = null;
		state.waiting = null;
		$('editor-problems').replaceChildren();
		const data = remembered.get(rememberKey(game, name)) ?? storedData(game, name);
		if (data !== null && data !== undefined) {
			$('editor-data').value = data;
			checkSyntax();
		}
		else {
			regenerate();
		}
		mark('panel');
	}

	function drawEditor(game) {
		const action = state.selectedAction !== null ? findAction(game, state.selectedAction) : undefined;
		$('editor').hidden = !action;
		if (!action) {
			return;
		}
		$('editor-action').textContent = show(action.name);
		$('editor-description').textContent = show(action.description);
		$('editor-schema').textContent = action.schema === undefined || action.schema === null
			? '(none: the action takes no parameters)' : JSON.stringify(action.schema, null, 2);
		drawEditorResult();
	}

	function drawEditorResult() {
		const box = $('editor-result');
		if (state.waiting) {
			box.replaceChildren(el('div', { class: 'result waiting' }, 'Sent; waiting for the game\'s result…'));
		}
		else if (state.lastResult) {
			box.replaceChildren(resultView(state.lastResult));
		}
		else {
			box.replaceChildren();
		}
	}

	function resultView(result) {
		return el('div', { class: 'result ' + (result.success ? 'success' : 'failure') },
			result.success ? 'Success' : 'Failure',
			result.latencyMillis !== undefined ? ' after ' + result.latencyMillis + ' ms' : '',
			result.message !== undefined ? ': ' + show(result.message) : ' (no message)');
	}

	function drawResults() {
		const game = selectedGame();
		const results = state.results.filter((result) => game && result.connection === game.connection).slice(-50).reverse();
		$('results').replaceChildren(...results.map((result) => el('li', {},
			el('span', { class: 'time' }, time(result.time) + ' '),
			el('span', { class: 'action-name' }, result.action || '(unknown id ' + show(result.id) + ')'),
			' ', resultView(result))));
	}

	// --- the editor -------------------------------------------------------------------------------------------

	function rememberKey(game, action) {
		return 'neuro-console:' + (game.game || '#' + game.connection) + ':' + action;
	}

	function storedData(game, action) {
		try {
			return localStorage.getItem(rememberKey(game, action));
		}
		catch (e) {
			return null;
		}
	}

	function remember(game, action, data) {
		remembered.set(rememberKey(game, action), data);
		try {
			localStorage.setItem(rememberKey(game, action), data);
		}
		catch (e) {
			// Kept for this page only
		}
	}

	async function regenerate() {
		const game = selectedGame();
		const action = state.selectedAction;
		if (!game || action === null) {
			return;
		}
		try {
			const response = await fetch('api/sample?connection=' + game.connection + '&action=' + encodeURIComponent(action));
			const answer = await response.json();
			if (!response.ok) {
				showProblems(answer.problems || []);
				return;
			}
			if (state.selectedAction === action) {
				$('editor-data').value = answer.data;
				checkSyntax();
			}
		}
		catch (e) {
			showProblems(['The console did not answer.']);
		}
	}

	function checkSyntax() {
		const text = $('editor-data').value;
		let problem = '';
		if (text.trim() !== '') {
			try {
				JSON.parse(text);
			}
			catch (e) {
				problem = 'Not valid JSON: ' + e.message;
			}
		}
		$('editor-syntax').textContent = problem;
		$('editor-data').classList.toggle('invalid', problem !== '');
	}

	function showProblems(problems) {
		$('editor-problems').replaceChildren(...problems.map((problem) => el('li', {}, problem)));
	}

	async function execute(check) {
		const game = selectedGame();
		const action = state.selectedAction;
		if (!game || action === null) {
			return;
		}
		const data = $('editor-data').value;
		remember(game, action, data);
		showProblems([]);
		const waiting = { connection: game.connection, action, after: state.resultsSeen };
		try {
			await post('execute', { connection: game.connection, action, data, check });
			const early = state.results.find((result) => answers(waiting, result));
			state.waiting = early ? null : waiting;
			state.lastResult = early || null;
		}
		catch (error) {
			showProblems(error.problems && error.problems.length ? error.problems : [error.message]);
		}
		mark('editor');
	}

	// --- the log, the feed and the diagnostics ----------------------------------------------------------------

	class VirtualList {

		constructor(container, renderRow) {
			this.container = container;
			this.renderRow = renderRow;
			this.items = [];
			this.rows = [];
			this.follow = true;
			this.spacer = el('div', { class: 'spacer' });
			container.append(this.spacer);
			container.addEventListener('scroll', () => {
				this.follow = container.scrollTop + container.clientHeight >= container.scrollHeight - ROW;
				this.draw();
			});
		}

		set(items) {
			this.items = items;
			this.draw();
		}

		draw() {
			const container = this.container;
			this.spacer.style.height = (this.items.length * ROW) + 'px';
			if (this.follow) {
				container.scrollTop = container.scrollHeight;
			}
			const first = Math.max(0, Math.floor(container.scrollTop / ROW) - 2);
			const last = Math.min(this.items.length, first + Math.ceil((container.clientHeight || 400) / ROW) + 4);
			this.rows.forEach((row) => row.remove());
			this.rows = [];
			for (let i = first; i < last; i++) {
				const item = this.items[i];
				const row = this.renderRow(item);
				row.classList.add('row');
				row.style.top = (i * ROW) + 'px';
				row.addEventListener('click', () => showDetail(item));
				this.rows.push(row);
				container.append(row);
			}
		}

	}

	const direction = { game: '← game', neuro: '→ game', console: '· console' };

	const frameList = new VirtualList($('frame-list'), (frame) => el('div', {},
		el('span', { class: 'time' }, time(frame.time)), ' #', frame.connection, ' ',
		el('span', { class: 'dir-' + frame.direction }, direction[frame.direction] || frame.direction), ' ',
		el('span', { class: 'kind' }, frame.command), ' ', frame.text));

	const feedList = new VirtualList($('feed-list'), (entry) => el('div', {},
		el('span', { class: 'time' }, time(entry.frame.time)), ' #', entry.frame.connection, ' ',
		el('span', { class: 'kind dir-' + entry.frame.direction }, entry.kind), ' ', entry.text));

	function showDetail(item) {
		const frame = item.frame || item;
		let text = frame.text;
		try {
			text = JSON.stringify(JSON.parse(frame.text), null, 2);
		}
		catch (e) {
			// Shown as it came
		}
		$('detail').textContent = time(frame.time) + '  #' + frame.connection + '  ' + (direction[frame.direction] || '')
			+ '  ' + frame.command + '\n' + text;
	}

	function drawLists() {
		trimLog();
		const only = $('only-selected').checked && state.selected !== null;
		const mine = (frame) => !only || frame.connection === state.selected;
		$('frame-count').textContent = '(' + state.log.length + ')';
		if (state.tab === 'frames') {
			frameList.set(only ? state.log.filter(mine) : state.log);
		}
		if (state.tab === 'feed') {
			feedList.set(only ? state.feed.filter((entry) => mine(entry.frame)) : state.feed);
		}
	}

	function drawDiagnostics() {
		const only = $('only-selected').checked && state.selected !== null;
		const visible = [...state.diagnostics.values()]
			.filter((d) => !only || d.connection === state.selected)
			.reverse();
		$('diagnostic-count').textContent = '(' + visible.length + ')';
		$('diagnostics').replaceChildren(...visible.map((d) => el('li', { 'data-diagnostic': d.id, 'data-rule': d.rule },
			el('span', { class: 'severity severity-' + d.severity }, d.severity), ' ',
			el('span', { class: 'rule kind' }, d.rule), ' ',
			el('span', { class: 'time' }, time(d.time)), ' #', d.connection, ' ', d.game || '(no name yet)', ' ',
			d.action ? el('span', { class: 'action-name' }, d.action) : null, d.action ? ': ' : '',
			el('span', { class: 'message' }, d.message), ' ',
			el('button', { type: 'button', class: 'dismiss', onclick: () => act('dismiss', { id: d.id }) }, 'Dismiss'),
			' ',
			el('button', {
				type: 'button', class: 'silence',
				onclick: () => act('silence', { game: d.game, rule: d.rule, silenced: true }),
			}, 'Silence ' + d.rule + ' for this game'))));
		$('silenced').replaceChildren(...state.silenced.map((s) => el('li', {},
			'Silenced: ', el('span', { class: 'kind' }, s.rule), ' for ', s.game || '(no name yet)', ' ',
			el('button', {
				type: 'button', class: 'unsilence',
				onclick: () => act('silence', { game: s.game, rule: s.rule, silenced: false }),
			}, 'Hear again'))));
	}

	// --- wiring -----------------------------------------------------------------------------------------------

	document.querySelectorAll('input[name=force-mode]').forEach((radio) => radio.addEventListener('change',
		() => act('settings', { forceMode: radio.value })));
	$('apply-auto-play').addEventListener('click', () => act('settings', {
		seed: $('seed').value,
		thinkDelayMillis: Number($('think-delay').value),
		forceRetries: Number($('force-retries').value),
	}));
	$('acknowledge-as').addEventListener('change', () => act('settings', { acknowledgeAs: $('acknowledge-as').value }));
	$('apply-latency').addEventListener('click', () => act('network', { latencyMillis: Number($('latency').value) }));
	$('fault-drop').addEventListener('click', () => act('network', { fault: 'DROP' }));
	$('fault-freeze').addEventListener('click', () => act('network', { fault: state.settings.frozen ? 'THAW' : 'FREEZE' }));
	$('fault-refuse').addEventListener('click', () => act('network', { fault: state.settings.refusing ? 'ACCEPT' : 'REFUSE' }));
	document.querySelectorAll('#send-as-neuro button').forEach((button) => button.addEventListener('click', () => {
		const game = selectedGame();
		if (game) {
			act('send', { connection: game.connection, message: button.dataset.message });
		}
	}));
	$('action-filter').addEventListener('input', () => mark('panel'));
	$('editor-data').addEventListener('input', checkSyntax);
	$('execute').addEventListener('click', () => execute(true));
	$('send-unchecked').addEventListener('click', () => execute(false));
	$('regenerate').addEventListener('click', regenerate);
	$('clear-log').addEventListener('click', () => act('clear-log', {}));
	$('only-selected').addEventListener('change', () => mark('lists', 'diagnostics'));
	document.querySelectorAll('.tabs button[data-tab]').forEach((tab) => tab.addEventListener('click', () => {
		state.tab = tab.dataset.tab;
		document.querySelectorAll('.tabs button[data-tab]').forEach((other) => other.classList.toggle('selected', other === tab));
		document.querySelectorAll('[data-panel]').forEach((panel) => { panel.hidden = panel.dataset.panel !== state.tab; });
		mark('lists');
	}));

	connect();
})();
