#!/usr/bin/env bash
# Builds the VS Code extension: installs its packages from package-lock.json,
# tests the TextMate grammar on the shipped policies, and packages
# editors/vscode/policyc.vsix (with vscode-languageclient inside). CI runs it
# (.ci/run); run it from anywhere.
set -euo pipefail
cd "$(dirname "$0")"

for tool in node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "error: $tool is needed to build the VS Code extension (editors/vscode); install Node.js 20 or later with npm" >&2
    exit 1
  fi
done
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 20 ]; then
  echo "error: Node.js 20 or later is needed to build the VS Code extension (this is $(node --version))" >&2
  exit 1
fi

echo "== npm ci (editors/vscode)"
npm ci --no-audit --no-fund

echo "== the grammar on the shipped policies (npm test)"
npm test

echo "== vsce package"
rm -f policyc.vsix
# Without --no-dependencies: the production dependencies (vscode-languageclient)
# go into the .vsix, since extension.js requires them at run time. The license
# is the repository's (MIT OR Apache-2.0, in package.json), not a file here.
npx --no-install vsce package --skip-license --allow-missing-repository --out policyc.vsix

# The package holds what the extension needs to run.
listing=$(node -e '
  const yauzl = require("yauzl");
  yauzl.open("policyc.vsix", { lazyEntries: true }, (err, zip) => {
    if (err) throw err;
    const names = [];
    zip.on("entry", (e) => { names.push(e.fileName); zip.readEntry(); });
    zip.on("end", () => console.log(names.join("\n")));
    zip.readEntry();
  });
')
for entry in \
  extension/package.json \
  extension/extension.js \
  extension/language-configuration.json \
  extension/syntaxes/policy.tmLanguage.json \
  extension/node_modules/vscode-languageclient/node.js \
  extension/node_modules/vscode-languageclient/lib/node/main.js \
  extension/node_modules/vscode-languageserver-protocol/package.json \
  extension/node_modules/vscode-jsonrpc/package.json; do
  if ! grep -qxF "$entry" <<<"$listing"; then
    echo "error: policyc.vsix lacks $entry" >&2
    exit 1
  fi
done
if grep -q '^extension/node_modules/\(@vscode/vsce\|vscode-textmate\|vscode-oniguruma\)/' <<<"$listing"; then
  echo "error: policyc.vsix holds a development dependency" >&2
  exit 1
fi
echo "policyc.vsix: $(grep -c . <<<"$listing") files, $(wc -c <policyc.vsix) bytes"
