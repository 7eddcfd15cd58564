// A page that renders Camunda Forms with the pinned @bpmn-io/form-js-viewer, the renderer Tasklist
// embeds. window.__renderForm(schema, data) imports a schema the way Tasklist does and returns
// form-js's import warnings; window.__form is the live form-js Form instance.

import { readFileSync } from 'node:fs';
import path from 'node:path';

import {
  CheckFailure,
  formViewerBundle,
  launchBrowser,
  moduleFile,
  openWatchedPage,
  packageVersion,
  PROJECT_ROOT,
  startServer
} from './browser.mjs';

/**
 * What the review form is given and what it submits, shared with the Java tests that complete the
 * review task on the engine (src/test/resources/forms/review-form-fixture.json).
 */
export const REVIEW_FORM_FIXTURE = Object.freeze(
  JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'src/test/resources/forms/review-form-fixture.json'), 'utf8'))
);

/** Data the review form gets from the process when the review task is created. */
export const REVIEW_FORM_DATA = REVIEW_FORM_FIXTURE.formData;

/** Data a form is imported with, by form id (a start form gets none). */
export const FORM_DATA = Object.freeze({
  'manual-payment-review': REVIEW_FORM_DATA
});

const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>form-js</title>
  <link rel="stylesheet" href="/form-js.css">
  <style>
    html, body { margin: 0; background: #fff; font-family: "IBM Plex Sans", Arial, sans-serif; }
    #form { width: 640px; padding: 16px 24px; box-sizing: border-box; }
  </style>
  <script src="/form-viewer.js"></script>
</head>
<body>
  <div id="form"></div>
  <script>
    window.__renderForm = async function (schema, data) {
      if (window.__form) {
        window.__form.destroy();
      }
      const container = document.getElementById('form');
      container.innerHTML = '';
      const form = new FormViewer.Form({ container });
      window.__form = form;
      // form-js reports a failing FEEL expression or template on its event bus, not the console.
      window.__formErrors = [];
      form.on('error', (event) => {
        const error = event && event.error;
        window.__formErrors.push(String(error && error.message || error));
      });
      const result = await form.importSchema(schema, data);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      // Every FEEL expression in the schema ("=..." anywhere) must at least evaluate.
      const expressionErrors = [];
      const feel = new FormViewer.FeelExpressionLanguage({
        fire: (type, event) => expressionErrors.push(String(event && event.error && event.error.message || event))
      });
      (function visit(value, where) {
        if (typeof value === 'string' && value.startsWith('=')) {
          const before = expressionErrors.length;
          feel.evaluate(value, data || {});
          for (let i = before; i < expressionErrors.length; i++) {
            expressionErrors[i] = where + ' ' + JSON.stringify(value) + ': ' + expressionErrors[i];
          }
        } else if (Array.isArray(value)) {
          value.forEach((child) => visit(child, where));
        } else if (value && typeof value === 'object') {
          for (const [key, child] of Object.entries(value)) {
            visit(child, (value.id || where) + '.' + key);
          }
        }
      })(schema.components, 'components');
      // feelers (the {{ }} templates of texts and labels) renders a failing template as {{⚠}}.
      const brokenTemplates = Array.from(container.querySelectorAll('.fjs-form-field'))
        .filter((element) => element.textContent.includes('{{\u26a0}}'))
        .map((element) => element.textContent.trim().slice(0, 80));
      return {
        expressionErrors,
        brokenTemplates,
        warnings: (result && result.warnings || []).map((warning) => String(warning && warning.message || warning)),
        viewerSchemaVersion: FormViewer.schemaVersion,
        variables: FormViewer.getSchemaVariables(schema),
        errors: window.__formErrors.slice()
      };
    };
    window.__formReady = typeof FormViewer !== 'undefined' && typeof FormViewer.Form === 'function';
  </script>
</body>
</html>`;

export function readForm(file) {
  let schema;
  try {
    schema = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CheckFailure(`${file} is not valid JSON: ${error.message}`);
  }
  if (!schema.id) {
    throw new CheckFailure(`${file} has no form id`);
  }
  return schema;
}

/** Starts the server and the browser and opens the form page. */
export async function openFormPage({ viewport } = {}) {
  const bundle = await formViewerBundle();
  const server = await startServer({
    '/': { body: PAGE, type: 'text/html; charset=utf-8' },
    '/form-viewer.js': { body: bundle, type: 'text/javascript; charset=utf-8' },
    '/form-js.css': { file: moduleFile('@bpmn-io/form-js-viewer/dist/assets/form-js.css') }
  });
  let browser;
  try {
    browser = await launchBrowser({ viewport: viewport || { width: 640, height: 900 } });
    const { page, problems } = await openWatchedPage(browser.context, server.origin);
    await page.goto(server.origin + '/', { waitUntil: 'load' });
    const ready = await page.evaluate(() => window.__formReady === true);
    if (!ready) {
      throw new CheckFailure(`the form-js viewer did not load in Chromium:\n${problems().join('\n')}`);
    }
    return {
      page,
      problems,
      viewerVersion: packageVersion('@bpmn-io/form-js-viewer'),
      close: async () => {
        await browser.close();
        await server.close();
      }
    };
  } catch (error) {
    if (browser) {
      await browser.close();
    }
    await server.close();
    throw error;
  }
}

/**
 * Imports a schema with its data; throws a CheckFailure naming the form on an import error,
 * an import warning or a schema version newer than the viewer understands.
 */
export async function renderForm(page, schema, data, label) {
  let result;
  try {
    result = await page.evaluate(([s, d]) => window.__renderForm(s, d), [schema, data || {}]);
  } catch (error) {
    throw new CheckFailure(`${label}: form-js could not import the form: ${error.message.split('\n')[0]}`);
  }
  const problems = [];
  if (typeof schema.schemaVersion === 'number' && schema.schemaVersion > result.viewerSchemaVersion) {
    problems.push(
      `schemaVersion ${schema.schemaVersion} is newer than the viewer's ${result.viewerSchemaVersion}`
    );
  }
  for (const warning of result.warnings) {
    problems.push(`import warning: ${warning}`);
  }
  for (const error of result.errors) {
    problems.push(`form-js error event: ${error}`);
  }
  for (const error of result.expressionErrors) {
    problems.push(`FEEL expression does not evaluate: ${error}`);
  }
  for (const text of result.brokenTemplates) {
    problems.push(`a template failed to evaluate (form-js shows {{\u26a0}}): ${JSON.stringify(text)}`);
  }
  if (problems.length > 0) {
    throw new CheckFailure(`${label}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  return result;
}

/** Errors form-js fired on its event bus since the last import (e.g. while a user filled it). */
export async function formErrorEvents(page) {
  return page.evaluate(() => (window.__formErrors || []).slice());
}

export function formLabel(file) {
  return path.relative(path.resolve(path.dirname(file), '..'), file);
}
