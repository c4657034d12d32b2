// The VS Code extension of policyc: starts the language server
// (`policyc lsp`, speaking the Language Server Protocol over stdio) for
// `.policy` files. Plain JavaScript, no build step; the highlighting comes
// from the TextMate grammar in syntaxes/, without the server.
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

/** @type {LanguageClient | undefined} */
let client;

function serverOptions() {
  const configured = vscode.workspace.getConfiguration('policyc').get('path');
  const command = (typeof configured === 'string' && configured.trim()) || 'policyc';
  const executable = { command, args: ['lsp'], transport: TransportKind.stdio };
  return { run: executable, debug: executable };
}

async function start(context) {
  client = new LanguageClient(
    'policyc',
    'policyc',
    serverOptions(),
    {
      documentSelector: [{ language: 'policy' }],
      synchronize: {
        // Shared files (`*.shared.policy`) are read by the policies that
        // include them: tell the server when one changes on disk.
        fileEvents: vscode.workspace.createFileSystemWatcher('**/*.policy'),
      },
    },
  );
  try {
    await client.start();
  } catch (err) {
    const command = serverOptions().run.command;
    const choice = await vscode.window.showErrorMessage(
      `policyc: could not start the language server \`${command} lsp\` (${err && err.message ? err.message : err}). ` +
        'Install policyc (`cargo install --path .` in its repository) or set `policyc.path`.',
      'Open settings',
    );
    if (choice === 'Open settings') {
      vscode.commands.executeCommand('workbench.action.openSettings', 'policyc.path');
    }
  }
}

async function stop() {
  if (client) {
    const c = client;
    client = undefined;
    try {
      await c.stop();
    } catch (_) {
      // The server may not have started.
    }
  }
}

/** @param {vscode.ExtensionContext} context */
async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('policyc.restartServer', async () => {
      await stop();
      await start(context);
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('policyc.path')) {
        await stop();
        await start(context);
      }
    }),
  );
  await start(context);
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate };
