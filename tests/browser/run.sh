#!/usr/bin/env bash
# The browser tests of `policyc site` (tests/browser/site.test.mjs): installs
# their packages from package-lock.json (playwright-core, axe-core) and runs
# them in headless Chromium against target/release/policyc. .ci/run runs it
# after `cargo build --release`; it needs Node.js 20+ and Chromium (Debian's
# `chromium`; .ci/run installs it where it is missing).
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
npm test
