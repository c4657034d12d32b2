// Tests extension.js outside VS Code: the `vscode` module and the
// LanguageClient are stand-ins that record what the extension asks of them,
// so that the test checks that it starts `policyc lsp` over stdio for the
// `policy` language, honours `policyc.path`, says so when the server cannot
// start, and restarts. Also checks that package.json's contributions point
// at files that exist and agree with each other, and that the real
// vscode-languageclient/node loads and has what extension.js uses.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const here = path.join(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(here, 'package.json'), 'utf8'));

// A stand-in for the parts of the `vscode` API that extension.js uses.
function fakeVscode(settings) {
  const log = { errors: [], commands: new Map(), watchers: [], configListeners: [] };
  const vscode = {
    workspace: {
      getConfiguration: (section) => ({ get: (key) => settings[`${section}.${key}`] }),
      createFileSystemWatcher: (glob) => {
        log.watchers.push(glob);
        return { dispose() {} };
      },
      onDidChangeConfiguration: (listener) => {
        log.configListeners.push(listener);
        return { dispose() {} };
      },
    },
    window: {
      showErrorMessage: async (message) => {
        log.errors.push(message);
        return undefined;
      },
    },
    commands: {
      registerCommand: (name, fn) => {
        log.commands.set(name, fn);
        return { dispose() {} };
      },
      executeCommand: async () => undefined,
    },
  };
  return { vscode, log };
}

// Loads extension.js afresh with the given stand-ins.
function loadExtension(vscode, LanguageClient) {
  const real = require('vscode-languageclient/node');
  const original = Module._load;
  Module._load = function (request, ...rest) {
    if (request === 'vscode') return vscode;
    if (request === 'vscode-languageclient/node') return { LanguageClient, TransportKind: real.TransportKind };
    return original.call(this, request, ...rest);
  };
  try {
    const file = require.resolve(path.join(here, manifest.main));
    delete require.cache[file];
    return require(file);
  } finally {
    Module._load = original;
  }
}

function fakeClientClass({ failStart = false } = {}) {
  const clients = [];
  class FakeClient {
    constructor(id, name, serverOptions, clientOptions) {
      Object.assign(this, { id, name, serverOptions, clientOptions, started: false, stopped: false });
      clients.push(this);
    }
    async start() {
      if (failStart) throw new Error('spawn policyc ENOENT');
      this.started = true;
    }
    async stop() {
      this.stopped = true;
    }
  }
  return { FakeClient, clients };
}

// vscode-languageclient needs `vscode` to load; a stand-in that answers
// every property lets the real module load outside VS Code.
function withAnyVscode(fn) {
  const handler = { get: (t, p) => (p in t ? t[p] : new Proxy(function () {}, handler)) };
  const original = Module._load;
  Module._load = function (request, ...rest) {
    if (request === 'vscode') return new Proxy({}, handler);
    return original.call(this, request, ...rest);
  };
  try {
    return fn();
  } finally {
    Module._load = original;
  }
}

test('vscode-languageclient/node loads and has LanguageClient and TransportKind.stdio', () => {
  const lc = withAnyVscode(() => require('vscode-languageclient/node'));
  assert.equal(typeof lc.LanguageClient, 'function');
  assert.equal(typeof lc.TransportKind.stdio, 'number');
});

test('package.json: the language, its grammar and configuration, the setting', () => {
  const [language] = manifest.contributes.languages;
  assert.equal(language.id, 'policy');
  assert.deepEqual(language.extensions, ['.policy']);
  assert.ok(fs.existsSync(path.join(here, language.configuration)));
  const config = JSON.parse(fs.readFileSync(path.join(here, language.configuration), 'utf8'));
  assert.equal(config.comments.lineComment, '#');
  // Its regular expressions compile, and indent after a declaration's brace.
  const increase = new RegExp(config.indentationRules.increaseIndentPattern);
  const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
  assert.ok(increase.test('    tier enterprise "Enterprise" {'));
  assert.ok(increase.test('    components: ['));
  assert.ok(!increase.test('    # a comment {'));
  assert.ok(decrease.test('    }'));
  new RegExp(config.wordPattern);
  new RegExp(config.folding.markers.start);
  new RegExp(config.folding.markers.end);
  const [grammar] = manifest.contributes.grammars;
  assert.equal(grammar.language, 'policy');
  assert.equal(grammar.scopeName, 'source.policy');
  const tm = JSON.parse(fs.readFileSync(path.join(here, grammar.path), 'utf8'));
  assert.equal(tm.scopeName, 'source.policy');
  assert.deepEqual(manifest.activationEvents, ['onLanguage:policy']);
  assert.ok(fs.existsSync(path.join(here, manifest.main)));
  assert.equal(manifest.contributes.configuration.properties['policyc.path'].default, 'policyc');
  assert.ok(manifest.dependencies['vscode-languageclient']);
  const commands = manifest.contributes.commands.map((c) => c.command);
  assert.deepEqual(commands, ['policyc.restartServer']);
});

test('starts `policyc lsp` over stdio for the policy language', async () => {
  const { vscode, log } = fakeVscode({ 'policyc.path': 'policyc' });
  const { FakeClient, clients } = fakeClientClass();
  const extension = loadExtension(vscode, FakeClient);
  const context = { subscriptions: [] };
  await extension.activate(context);
  assert.equal(clients.length, 1);
  const [client] = clients;
  assert.equal(client.id, 'policyc');
  const stdio = require('vscode-languageclient/node').TransportKind.stdio;
  for (const options of [client.serverOptions.run, client.serverOptions.debug]) {
    assert.deepEqual(options, { command: 'policyc', args: ['lsp'], transport: stdio });
  }
  assert.deepEqual(client.clientOptions.documentSelector, [{ language: 'policy' }]);
  assert.ok(client.started);
  assert.deepEqual(log.watchers, ['**/*.policy']);
  assert.deepEqual(log.errors, []);
  assert.ok(context.subscriptions.length >= 2);

  // The restart command stops the client and starts a new one.
  await log.commands.get('policyc.restartServer')();
  assert.equal(clients.length, 2);
  assert.ok(clients[0].stopped && clients[1].started);

  // A change of policyc.path restarts too; other settings do not.
  const change = (key) => ({ affectsConfiguration: (k) => k === key });
  await log.configListeners[0](change('editor.fontSize'));
  assert.equal(clients.length, 2);
  await log.configListeners[0](change('policyc.path'));
  assert.equal(clients.length, 3);

  await extension.deactivate();
  assert.ok(clients[2].stopped);
});

test('policyc.path names the server binary; an empty one falls back to policyc', async () => {
  for (const [setting, command] of [
    ['/opt/policyc/bin/policyc', '/opt/policyc/bin/policyc'],
    ['  ', 'policyc'],
    [undefined, 'policyc'],
  ]) {
    const { vscode } = fakeVscode({ 'policyc.path': setting });
    const { FakeClient, clients } = fakeClientClass();
    const extension = loadExtension(vscode, FakeClient);
    await extension.activate({ subscriptions: [] });
    assert.equal(clients[0].serverOptions.run.command, command);
    await extension.deactivate();
  }
});

test('a server that cannot start is reported, naming the binary and the setting', async () => {
  const { vscode, log } = fakeVscode({ 'policyc.path': 'no-such-policyc' });
  const { FakeClient } = fakeClientClass({ failStart: true });
  const extension = loadExtension(vscode, FakeClient);
  await extension.activate({ subscriptions: [] });
  assert.equal(log.errors.length, 1);
  assert.match(log.errors[0], /no-such-policyc lsp/);
  assert.match(log.errors[0], /policyc\.path/);
  await extension.deactivate();
});
