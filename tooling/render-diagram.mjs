#!/usr/bin/env node
// Renders every processes/*.bpmn with bpmn-js (the NavigatedViewer that Operate and Tasklist
// embed) in headless Chromium and writes docs/<file-name>.png: the whole diagram, white
// background, about 1800 px wide. The picture is bpmn-js's own SVG export (as Camunda Modeler's
// "Export as image"), rasterised by Chromium.
//
//   node tooling/render-diagram.mjs            writes docs/*.png
//   node tooling/render-diagram.mjs --check    renders into a temporary directory; fails if a
//                                              diagram cannot be imported, bpmn-js reports an
//                                              import warning, the browser logs an error, a
//                                              BPMN element has no shape or edge in the diagram,
//                                              or the committed docs/<file-name>.png is missing
//                                              or shows other pixels than the fresh render
//   node tooling/render-diagram.mjs [--check] [--out DIR] [file.bpmn ...]

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import {
  CheckFailure,
  describeProblems,
  launchBrowser,
  listFiles,
  moduleFile,
  openWatchedPage,
  packageVersion,
  PROCESSES_DIR,
  PROJECT_ROOT,
  run,
  startServer
} from './lib/browser.mjs';

const WIDTH = 1800;
const MARGIN = 40;
const MAX_SCALE = 2;

const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>bpmn-js</title>
  <link rel="stylesheet" href="/bpmn-js/diagram-js.css">
  <link rel="stylesheet" href="/bpmn-js/bpmn-js.css">
  <style>
    html, body { margin: 0; background: #fff; }
    #canvas { position: absolute; left: 0; top: 0; width: ${WIDTH}px; height: 900px; }
    #picture { display: none; position: absolute; left: 0; top: 0; background: #fff; }
    #picture img { display: block; }
  </style>
  <script src="/bpmn-js/bpmn-navigated-viewer.js"></script>
</head>
<body>
  <div id="canvas"></div>
  <div id="picture"></div>
  <script>
    // Ids of every BPMN element that the diagram must show, with the ids it does show.
    function coverage(viewer) {
      const elementRegistry = viewer.get('elementRegistry');
      const definitions = viewer.getDefinitions();
      const expected = [];
      function visit(container) {
        for (const element of (container.flowElements || [])) {
          expected.push({ id: element.id, type: element.$type, name: element.name || '' });
          if (element.flowElements) {
            visit(element);
          }
        }
        for (const artifact of (container.artifacts || [])) {
          expected.push({ id: artifact.id, type: artifact.$type, name: artifact.text || '' });
        }
      }
      for (const root of definitions.rootElements || []) {
        if (root.$type === 'bpmn:Process') {
          visit(root);
        }
        if (root.$type === 'bpmn:Collaboration') {
          for (const participant of root.participants || []) {
            expected.push({ id: participant.id, type: participant.$type, name: participant.name || '' });
          }
        }
      }
      return expected.filter((element) => !elementRegistry.get(element.id));
    }

    window.__renderDiagram = async function (xml, width, margin, maxScale) {
      document.getElementById('picture').style.display = 'none';
      document.getElementById('canvas').style.display = 'block';
      if (window.__viewer) {
        window.__viewer.destroy();
      }
      const viewer = new BpmnJS({ container: '#canvas' });
      window.__viewer = viewer;
      let warnings;
      try {
        const result = await viewer.importXML(xml);
        warnings = result.warnings || [];
      } catch (error) {
        return {
          error: String(error && error.message || error),
          warnings: (error && error.warnings || []).map((w) => String(w && w.message || w))
        };
      }
      const missing = coverage(viewer);
      const processes = (viewer.getDefinitions().rootElements || [])
        .filter((root) => root.$type === 'bpmn:Process').map((root) => root.id);
      const { svg } = await viewer.saveSVG();
      const box = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement.getAttribute('viewBox')
        .split(/[\\s,]+/).map(Number);
      const scale = Math.min(maxScale, (width - 2 * margin) / box[2]);
      const imageWidth = Math.round(box[2] * scale);
      const imageHeight = Math.round(box[3] * scale);
      const picture = document.getElementById('picture');
      picture.innerHTML = '';
      picture.style.padding = margin + 'px';
      picture.style.width = imageWidth + 'px';
      picture.style.height = imageHeight + 'px';
      const image = new Image(imageWidth, imageHeight);
      const loaded = new Promise((resolve, reject) => {
        image.onload = resolve;
        image.onerror = () => reject(new Error('the exported SVG does not load as an image'));
      });
      image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
      picture.appendChild(image);
      await loaded;
      await image.decode();
      document.getElementById('canvas').style.display = 'none';
      picture.style.display = 'block';
      return {
        warnings: warnings.map((w) => String(w && w.message || w)),
        missing,
        processes,
        width: imageWidth + 2 * margin,
        height: imageHeight + 2 * margin,
        shapes: viewer.get('elementRegistry').getAll().length
      };
    };
    window.__viewerReady = typeof BpmnJS === 'function';
  </script>
</body>
</html>`;

/**
 * Why the committed picture is not the fresh render, or null when it is. Equal files are equal; other
 * files may still hold the same pixels (another PNG encoder), so those are compared in the browser.
 */
async function differsFromCommitted(page, freshFile, committedFile) {
  const committedName = path.relative(PROJECT_ROOT, committedFile);
  if (!existsSync(committedFile)) {
    return `${committedName} is missing`;
  }
  const fresh = readFileSync(freshFile);
  const committed = readFileSync(committedFile);
  if (fresh.equals(committed)) {
    return null;
  }
  const compared = await page.evaluate(async ([a, b]) => {
    async function pixels(base64) {
      const image = new Image();
      image.src = 'data:image/png;base64,' + base64;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      return { width: canvas.width, height: canvas.height, data: context.getImageData(0, 0, canvas.width, canvas.height).data };
    }
    const [x, y] = await Promise.all([pixels(a), pixels(b)]);
    if (x.width !== y.width || x.height !== y.height) {
      return { size: `${x.width}x${x.height} rendered, ${y.width}x${y.height} committed` };
    }
    let differing = 0;
    for (let i = 0; i < x.data.length; i += 4) {
      if (x.data[i] !== y.data[i] || x.data[i + 1] !== y.data[i + 1] || x.data[i + 2] !== y.data[i + 2]
        || x.data[i + 3] !== y.data[i + 3]) {
        differing++;
      }
    }
    return { differing };
  }, [fresh.toString('base64'), committed.toString('base64')]);
  if (compared.size) {
    return `${committedName} is stale: ${compared.size}`;
  }
  return compared.differing === 0 ? null : `${committedName} is stale: ${compared.differing} pixels differ from a fresh render`;
}

function parseArgs(argv) {
  const options = { check: false, out: null, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--check') {
      options.check = true;
    } else if (arg === '--out') {
      options.out = argv[++i];
    } else if (arg.startsWith('-')) {
      throw new CheckFailure(`unknown option ${arg}\nusage: render-diagram.mjs [--check] [--out DIR] [file.bpmn ...]`);
    } else {
      options.files.push(path.resolve(arg));
    }
  }
  return options;
}

await run('render-diagram', async () => {
  const options = parseArgs(process.argv.slice(2));
  const files = options.files.length > 0 ? options.files : listFiles(PROCESSES_DIR, '.bpmn');
  const tempOut = options.check && !options.out ? mkdtempSync(path.join(tmpdir(), 'render-diagram-')) : null;
  const outDir = options.out ? path.resolve(options.out) : tempOut || path.join(PROJECT_ROOT, 'docs');
  mkdirSync(outDir, { recursive: true });

  const bpmnJsDist = path.dirname(moduleFile('bpmn-js/dist/bpmn-navigated-viewer.production.min.js'));
  const server = await startServer({
    '/': { body: PAGE, type: 'text/html; charset=utf-8' },
    '/bpmn-js/bpmn-navigated-viewer.js': { file: path.join(bpmnJsDist, 'bpmn-navigated-viewer.production.min.js') },
    '/bpmn-js/diagram-js.css': { file: path.join(bpmnJsDist, 'assets', 'diagram-js.css') },
    '/bpmn-js/bpmn-js.css': { file: path.join(bpmnJsDist, 'assets', 'bpmn-js.css') }
  });
  let browser;
  try {
    browser = await launchBrowser({ viewport: { width: WIDTH, height: 900 } });
    const { page, problems } = await openWatchedPage(browser.context, server.origin);
    await page.goto(server.origin + '/', { waitUntil: 'load' });
    if (!(await page.evaluate(() => window.__viewerReady === true))) {
      throw new CheckFailure(`bpmn-js did not load in Chromium:\n${describeProblems(problems())}`);
    }
    console.log(`bpmn-js ${packageVersion('bpmn-js')}${options.check ? ' (check mode)' : ''}`);
    const failures = [];
    for (const file of files) {
      const label = path.relative(PROJECT_ROOT, file);
      const before = problems().length;
      const xml = readFileSync(file, 'utf8');
      const result = await page.evaluate(
        ([x, w, m, s]) => window.__renderDiagram(x, w, m, s),
        [xml, WIDTH, MARGIN, MAX_SCALE]
      );
      const found = [];
      if (result.error) {
        found.push(`bpmn-js could not import it: ${result.error}`);
      }
      for (const warning of result.warnings || []) {
        found.push(`import warning: ${warning}`);
      }
      for (const element of result.missing || []) {
        found.push(`${element.id} (${element.type}${element.name ? ` "${element.name}"` : ''}) has no shape or edge in the diagram (BPMNDI)`);
      }
      found.push(...problems().slice(before));
      if (found.length > 0) {
        failures.push(`${label}:\n${describeProblems(found)}`);
        continue;
      }
      await page.setViewportSize({ width: Math.max(WIDTH, result.width), height: result.height });
      const png = path.join(outDir, `${path.basename(file, '.bpmn')}.png`);
      await page.locator('#picture').screenshot({ path: png });
      const shown = tempOut ? png : path.relative(PROJECT_ROOT, png);
      if (tempOut) {
        const stale = await differsFromCommitted(page, png, path.join(PROJECT_ROOT, 'docs', path.basename(png)));
        if (stale) {
          failures.push(`${label}: ${stale}; render it again with: node tooling/render-diagram.mjs`);
          continue;
        }
      }
      console.log(`OK ${label}: process ${result.processes.join(', ')}, ${result.shapes} diagram elements, ${result.width}x${result.height} ${shown}`);
    }
    if (failures.length > 0) {
      throw new CheckFailure(failures.join('\n'));
    }
  } finally {
    if (browser) {
      await browser.close();
    }
    await server.close();
    if (tempOut) {
      rmSync(tempOut, { recursive: true, force: true });
    }
  }
});
