// Shared harness for the tooling scripts: a tiny static HTTP server on 127.0.0.1, the form-js
// viewer bundled from the pinned @bpmn-io/form-js-viewer, and headless Debian Chromium driven by
// playwright-core. No browser is downloaded: /usr/bin/chromium (Debian package `chromium`) is used.

import { existsSync, mkdtempSync, readFileSync, rmSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const TOOLING_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PROJECT_ROOT = path.resolve(TOOLING_DIR, '..');
export const FORMS_DIR = path.join(PROJECT_ROOT, 'forms');
export const PROCESSES_DIR = path.join(PROJECT_ROOT, 'processes');

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const require = createRequire(import.meta.url);

/** A failure of the checked artifact (or of the environment), reported without a stack trace. */
export class CheckFailure extends Error {}

/** Runs main; prints a CheckFailure as one clear message and exits 1, anything else with its stack. */
export async function run(name, main) {
  try {
    await main();
  } catch (error) {
    if (error instanceof CheckFailure) {
      console.error(`${name}: FAILED\n${error.message}`);
    } else {
      console.error(`${name}: FAILED with an unexpected error`);
      console.error(error && error.stack ? error.stack : error);
    }
    process.exitCode = 1;
  }
}

export function listFiles(dir, extension) {
  if (!existsSync(dir)) {
    throw new CheckFailure(`${dir} does not exist`);
  }
  const files = readdirSync(dir).filter((name) => name.endsWith(extension)).sort();
  if (files.length === 0) {
    throw new CheckFailure(`no *${extension} file in ${dir}`);
  }
  return files.map((name) => path.join(dir, name));
}

export function packageVersion(name) {
  return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
}

/**
 * Bundles the pinned @bpmn-io/form-js-viewer (ESM with bare imports, no UMD shipped) into one
 * browser script exposing window.FormViewer, as Tasklist's own bundler does for its build.
 */
export async function formViewerBundle() {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    stdin: {
      contents: "export * from '@bpmn-io/form-js-viewer';",
      resolveDir: TOOLING_DIR,
      loader: 'js'
    },
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'FormViewer',
    platform: 'browser',
    target: 'es2020',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' }
  });
  if (result.warnings.length > 0) {
    const messages = await esbuild.formatMessages(result.warnings, { kind: 'warning' });
    throw new CheckFailure(`bundling @bpmn-io/form-js-viewer warned:\n${messages.join('\n')}`);
  }
  return result.outputFiles[0].text;
}

export function moduleFile(specifier) {
  return require.resolve(specifier);
}

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.form': 'application/json; charset=utf-8',
  '.bpmn': 'application/xml; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
  '.svg': 'image/svg+xml'
};

/**
 * Serves a fixed set of routes on 127.0.0.1 (a free port). A route is either
 * { body, type } or { file } (content type from the extension), or a directory mount
 * { dir } for a route ending in '/'.
 */
export async function startServer(routes) {
  const server = createServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    const pathname = decodeURIComponent(url.pathname);
    let route = routes[pathname];
    let file;
    if (!route) {
      const mount = Object.keys(routes).find((prefix) => prefix.endsWith('/') && routes[prefix].dir && pathname.startsWith(prefix));
      if (mount) {
        const candidate = path.resolve(routes[mount].dir, pathname.slice(mount.length));
        if (candidate.startsWith(path.resolve(routes[mount].dir) + path.sep) && existsSync(candidate)) {
          file = candidate;
        }
      }
    } else if (route.file) {
      file = route.file;
    }
    if (!route && !file) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end(`not found: ${pathname}`);
      return;
    }
    const body = file ? readFileSync(file) : route.body;
    const type = (route && route.type) || CONTENT_TYPES[path.extname(file || pathname)] || 'application/octet-stream';
    response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    response.end(body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(resolve))
  };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic'
];

/**
 * Launches headless Debian Chromium with a fresh profile directory. Returns { context, close }.
 */
export async function launchBrowser({ viewport = { width: 1280, height: 900 }, deviceScaleFactor = 1 } = {}) {
  if (!existsSync(CHROMIUM)) {
    throw new CheckFailure(
      `${CHROMIUM} is missing: install Debian's Chromium with\n  apt-get update && apt-get install -y chromium`
    );
  }
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(path.join(tmpdir(), 'camunda-tooling-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport,
      deviceScaleFactor,
      timeout: 60_000
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw new CheckFailure(`could not start ${CHROMIUM}: ${error.message}`);
  }
  return {
    context,
    close: async () => {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    }
  };
}

/**
 * Opens a page that records every console error, uncaught page error, failed request and any
 * request that leaves the local server. problems() returns them as strings.
 */
export async function openWatchedPage(context, origin) {
  const page = context.pages()[0] || (await context.newPage());
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const location = message.location();
      const where = location && location.url ? ` (${location.url}:${location.lineNumber})` : '';
      // The first line says what failed; a stack of minified frames says nothing more.
      problems.push(`console error: ${message.text().split('\n')[0]}${where}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    problems.push(`request failed: ${request.url()} (${request.failure() && request.failure().errorText})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) {
      problems.push(`HTTP ${response.status()} for ${response.url()}`);
    }
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + '/') || url.startsWith('data:') || url.startsWith('blob:')) {
      return route.continue();
    }
    problems.push(`request outside the local server blocked: ${url}`);
    return route.abort();
  });
  return { page, problems: () => problems.slice() };
}

export function describeProblems(problems) {
  return problems.map((problem) => `  - ${problem}`).join('\n');
}
