// Tests the TextMate grammar (syntaxes/policy.tmLanguage.json) with the
// tokenizer VS Code itself uses (vscode-textmate on vscode-oniguruma):
//
//  (a) every shipped policy (policies/**/*.policy) tokenizes, line by line,
//      without an error and without the tokenizer giving up on a line or
//      taking long over one (a catastrophic regular expression would);
//  (b) chosen tokens of the shipped policies get their scopes: a
//      declaration's kind, id and title, a field name, a comment, a string,
//      an interpolation inside prose, a grid pipe, a duration such as
//      `2 hours 24x7`, a date, money, a keyword, a note;
//  (c) prose blocks end where they should: every line of every policy is
//      prose exactly when it lies between an opening and a closing `"""`,
//      so the line after a closing `"""` is not prose.
//
// Run with `npm test` (node --test).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const root = path.resolve(__dirname, '..', '..', '..');
const policiesDir = path.join(root, 'policies');
const grammarPath = path.join(__dirname, '..', 'syntaxes', 'policy.tmLanguage.json');

// The slowest line may take this long (the longest shipped lines tokenize
// in well under a millisecond); a whole file gets the same per line.
const LINE_LIMIT_MS = 1000;
const PROSE = 'string.quoted.triple.prose.policy';

function policyFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...policyFiles(full));
    else if (entry.name.endsWith('.policy')) out.push(full);
  }
  return out.sort();
}

let grammarPromise;
function loadGrammar() {
  if (!grammarPromise) {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    const onigLib = oniguruma
      .loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength))
      .then(() => ({
        createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s) => new oniguruma.OnigString(s),
      }));
    const registry = new vsctm.Registry({
      onigLib,
      loadGrammar: async (scopeName) => {
        if (scopeName !== 'source.policy') return null;
        const text = fs.readFileSync(grammarPath, 'utf8');
        return vsctm.parseRawGrammar(text, grammarPath);
      },
    });
    grammarPromise = registry.loadGrammar('source.policy');
  }
  return grammarPromise;
}

// Tokenizes a whole text; returns, per line, its text and its tokens
// ({ text, scopes }), and the time the slowest line took.
function tokenize(grammar, text) {
  const lines = text.split(/\r?\n/);
  let ruleStack = vsctm.INITIAL;
  let slowest = 0;
  const result = [];
  lines.forEach((line, i) => {
    const start = process.hrtime.bigint();
    const r = grammar.tokenizeLine(line, ruleStack, LINE_LIMIT_MS);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    slowest = Math.max(slowest, ms);
    assert.ok(!r.stoppedEarly, `line ${i + 1}: the tokenizer stopped early (over ${LINE_LIMIT_MS} ms)`);
    const tokens = r.tokens.map((t, k) => ({
      text: line.slice(t.startIndex, k + 1 < r.tokens.length ? r.tokens[k + 1].startIndex : line.length),
      scopes: t.scopes,
    }));
    result.push({ line, tokens });
    ruleStack = r.ruleStack;
  });
  return { lines: result, slowest };
}

const cache = new Map();
async function tokenized(relative) {
  if (!cache.has(relative)) {
    const grammar = await loadGrammar();
    cache.set(relative, tokenize(grammar, fs.readFileSync(path.join(root, relative), 'utf8')));
  }
  return cache.get(relative);
}

// The scopes of the token holding `needle` on the first line that matches
// `lineRe` (the nth occurrence of the needle on that line, from 0).
async function scopesAt(file, lineRe, needle, nth = 0) {
  const { lines } = await tokenized(file);
  const found = lines.find((l) => lineRe.test(l.line));
  assert.ok(found, `${file}: no line matches ${lineRe}`);
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = found.line.indexOf(needle, at + 1);
    assert.ok(at >= 0, `${file}: "${needle}" not on the line ${JSON.stringify(found.line)}`);
  }
  let offset = 0;
  for (const t of found.tokens) {
    if (at >= offset && at < offset + t.text.length) {
      assert.ok(
        at + needle.length <= offset + t.text.length,
        `"${needle}" spans more than one token on ${JSON.stringify(found.line)}: ` +
          JSON.stringify(found.tokens.map((x) => x.text)),
      );
      return t.scopes;
    }
    offset += t.text.length;
  }
  assert.fail(`"${needle}" has no token`);
}

async function expectScope(file, lineRe, needle, scope, nth = 0) {
  const scopes = await scopesAt(file, lineRe, needle, nth);
  assert.ok(
    scopes.includes(scope),
    `${file}: "${needle}" on the line matching ${lineRe} has ${JSON.stringify(scopes)}, not ${scope}`,
  );
  return scopes;
}

const files = policyFiles(policiesDir);

test('the shipped policies are found', () => {
  assert.ok(files.length >= 5, `only ${files.length} policies under ${policiesDir}`);
  assert.ok(files.some((f) => f.endsWith('.shared.policy')), 'no *.shared.policy');
});

// (a) and (c), for every shipped policy.
for (const file of files) {
  const relative = path.relative(root, file);
  test(`tokenizes ${relative}, and its prose blocks end where they should`, async () => {
    const { lines, slowest } = await tokenized(relative);
    assert.ok(slowest < LINE_LIMIT_MS / 4, `the slowest line took ${slowest.toFixed(1)} ms`);

    // Which lines are prose, from the text alone: a line that holds a
    // `"""` opens or closes a block (one-line blocks `"""x"""` do both);
    // the lines between are inside. A `"""` inside a string or comment
    // is not counted (none in the shipped policies holds one).
    let inside = false;
    lines.forEach(({ line, tokens }, i) => {
      const where = `${relative}:${i + 1}`;
      const quotes = (line.match(/"""/g) || []).length;
      const commentOnly = /^\s*#/.test(line);
      const isProse = (t) => t.scopes.includes(PROSE);
      if (commentOnly && !inside) {
        assert.ok(!tokens.some(isProse), `${where}: a comment reads as prose`);
        return;
      }
      if (quotes === 0) {
        if (line.trim() === '') return; // an empty line has no token to check
        assert.equal(tokens.every(isProse), inside, `${where}: ${inside ? 'inside' : 'outside'} prose, ${JSON.stringify(line)}`);
        if (!inside) {
          assert.ok(!tokens.some(isProse), `${where}: prose leaks past its block: ${JSON.stringify(line)}`);
        }
        return;
      }
      // A line with quotes: its last token is prose exactly when a block
      // stays open after the line.
      const open = quotes % 2 === 1 ? !inside : inside;
      const last = tokens[tokens.length - 1];
      if (open) {
        assert.ok(isProse(last), `${where}: a prose block should be open after ${JSON.stringify(line)}`);
      } else {
        // After a closing `"""` only a comment or spaces may follow.
        const after = line.slice(line.lastIndexOf('"""') + 3);
        if (after.trim() !== '') {
          assert.ok(!isProse(last), `${where}: the prose block should be closed: ${JSON.stringify(line)}`);
        }
        const closing = tokens.find((t) => t.text === '"""' && t.scopes.includes('punctuation.definition.string.end.policy'));
        assert.ok(inside ? closing : true, `${where}: the closing """ is not scoped as the end of prose`);
      }
      inside = open;
    });
    assert.equal(inside, false, `${relative}: a prose block is still open at the end`);
  });
}

// (b) chosen tokens of the shipped policies.
const CS = 'policies/customer-support/v1.1.policy';

test('a declaration: its kind, id and title', async () => {
  await expectScope(CS, /^policy customer-support /, 'policy', 'storage.type.declaration.policy');
  await expectScope(CS, /^policy customer-support /, 'customer-support', 'entity.name.type.declaration.policy');
  await expectScope(CS, /^policy customer-support /, 'Customer Support policy', 'string.quoted.double.title.policy');
  await expectScope(CS, /^\s+tier enterprise /, 'tier', 'storage.type.declaration.policy');
  await expectScope(CS, /^\s+tier enterprise /, 'enterprise', 'entity.name.type.declaration.policy');
  // A declaration on one line, with a field inside its braces.
  await expectScope(CS, /holiday midsummer-day/, 'midsummer-day', 'entity.name.type.declaration.policy');
  await expectScope(CS, /holiday midsummer-day/, 'on', 'variable.other.property.field.policy');
});

test('a field name and its colon', async () => {
  await expectScope(CS, /^\s+provider:\s+"Severalnines AB"/, 'provider', 'variable.other.property.field.policy');
  await expectScope(CS, /^\s+provider:\s+"Severalnines AB"/, ':', 'punctuation.separator.key-value.policy');
  await expectScope(CS, /^\s+response-target:\s+2 hours 24x7/, 'response-target', 'variable.other.property.field.policy');
});

test('a comment', async () => {
  await expectScope(CS, /^# Severalnines Customer Support Policy/, 'Severalnines', 'comment.line.number-sign.policy');
  await expectScope(CS, /^\s+# 24x7 for all severities/, '24x7', 'comment.line.number-sign.policy');
  // A comment inside a list, between strings.
  await expectScope(CS, /^\s+# Not a typo: cmon-cloud/, 'cmon-cloud', 'comment.line.number-sign.policy');
});

test('a string', async () => {
  const scopes = await expectScope(CS, /^\s+provider:\s+"Severalnines AB"/, 'Severalnines AB', 'string.quoted.double.policy');
  assert.ok(!scopes.includes(PROSE));
  await expectScope(CS, /^\s+"ClusterControl UI",/, 'ClusterControl UI', 'string.quoted.double.policy');
});

test('an interpolation inside prose', async () => {
  const line = /Response time target: \{advanced.response-target\}/;
  await expectScope(CS, line, 'Response time target', PROSE);
  const s = await expectScope(CS, line, 'advanced', 'meta.interpolation.policy');
  assert.ok(s.includes(PROSE), 'the interpolation is inside the prose block');
  assert.ok(s.includes('variable.other.object.policy'), JSON.stringify(s));
  await expectScope(CS, line, 'response-target', 'variable.other.property.policy');
  await expectScope(CS, line, '{', 'punctuation.section.interpolation.begin.policy');
  await expectScope(CS, line, '}', 'punctuation.section.interpolation.end.policy');
  // A cell of a grid, interpolated.
  const cell = /Response time: \{response-time\[sev-1, enterprise\]\}/;
  await expectScope(CS, cell, 'response-time', 'variable.other.object.grid.policy');
  await expectScope(CS, cell, 'sev-1', 'variable.other.property.row.policy');
  await expectScope(CS, cell, 'enterprise', 'variable.other.property.column.policy');
  // Text after the interpolation is prose again.
  await expectScope(CS, line, 'for all severities', PROSE);
  const after = await scopesAt(CS, line, 'for all severities');
  assert.ok(!after.includes('meta.interpolation.policy'));
});

test('a grid row: its pipes, corner and cells', async () => {
  const header = /^\s+\| \*\s+\| community\s+\| advanced\s+\| enterprise\s+\|$/;
  await expectScope(CS, header, '|', 'punctuation.separator.cell.policy');
  await expectScope(CS, header, '|', 'meta.grid.row.policy', 4);
  await expectScope(CS, header, '*', 'keyword.other.corner.policy');
  const row = /^\s+\| sev-1 \| best-effort \(forums\) \| 1 business day \| 2 hours 24x7\s+\|/;
  await expectScope(CS, row, '|', 'punctuation.separator.cell.policy', 2);
  await expectScope(CS, row, 'best-effort', 'constant.language.policy');
  await expectScope(CS, row, 'forums', 'string.unquoted.note.policy');
  await expectScope(CS, row, 'business', 'keyword.other.clock.business.policy');
  await expectScope(CS, row, 'day', 'keyword.other.unit.policy');
});

test('a duration: 2 hours 24x7', async () => {
  const row = /^\s+\| sev-1 \| best-effort \(forums\) \| 1 business day \| 2 hours 24x7\s+\|/;
  await expectScope(CS, row, '2', 'constant.numeric.duration.policy');
  await expectScope(CS, row, 'hours', 'keyword.other.unit.policy');
  await expectScope(CS, row, '24x7', 'constant.language.clock.policy');
  await expectScope(CS, row, '24x7', 'meta.duration.policy');
  const field = /^\s+response-target:\s+2 hours 24x7/;
  await expectScope(CS, field, '2', 'constant.numeric.duration.policy');
  await expectScope(CS, field, '24x7', 'constant.language.clock.policy');
});

test('dates, months, times and holiday rules', async () => {
  await expectScope(CS, /^\s+updated:\s+2026-08-14/, '2026-08-14', 'constant.numeric.date.policy');
  await expectScope(CS, /^\s+effective:\s+2026-09$/, '2026-09', 'constant.numeric.date.month.policy');
  const open = /^\s+open:\s+mon-fri 09:00-17:00/;
  await expectScope(CS, open, 'mon', 'constant.language.weekday.policy');
  await expectScope(CS, open, '09:00', 'constant.numeric.time.policy');
  await expectScope(CS, open, '17:00', 'constant.numeric.time.policy');
  const rule = /holiday midsummer-day/;
  await expectScope(CS, rule, 'sat', 'constant.language.weekday.policy');
  await expectScope(CS, rule, '06-20', 'constant.numeric.date.month-day.policy');
  await expectScope(CS, rule, '..', 'keyword.operator.range.policy');
});

test('money, numbers, ranges and keywords', async () => {
  const rate = /^\s+rate:\s+USD 250\/hour/;
  await expectScope(CS, rate, 'USD', 'support.constant.currency.policy');
  await expectScope(CS, rate, '250', 'constant.numeric.amount.policy');
  await expectScope(CS, rate, '/hour', 'keyword.other.unit.policy');
  await expectScope(CS, /^\s+version:\s+1\.1$/, '1.1', 'constant.numeric.policy');
  await expectScope(CS, /^\s+nodes:\s+2\.\.5/, '..', 'keyword.operator.range.policy');
  await expectScope(CS, /^\s+hours:\s+24x7/, '24x7', 'constant.language.policy');
  await expectScope(CS, /^\s+support-to:\s+provider/, 'provider', 'variable.other.reference.policy');
});
