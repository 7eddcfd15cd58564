#!/usr/bin/env node
// Renders every forms/*.form with @bpmn-io/form-js-viewer (Tasklist's renderer) in headless
// Chromium and saves target/forms/<form-id>.png. Fails on an import error or warning (including a
// schemaVersion newer than the viewer's), a FEEL expression or template that does not evaluate, a
// console error, an uncaught page error or a failed request. The review form is imported with the
// variables the process gives it (lib/forms.mjs, REVIEW_FORM_DATA).
//
//   node tooling/render-forms.mjs [file.form ...]      (default: every forms/*.form)

import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { CheckFailure, describeProblems, FORMS_DIR, listFiles, PROJECT_ROOT, run } from './lib/browser.mjs';
import { FORM_DATA, formLabel, openFormPage, readForm, renderForm } from './lib/forms.mjs';

await run('render-forms', async () => {
  const outDir = path.join(PROJECT_ROOT, 'target', 'forms');
  mkdirSync(outDir, { recursive: true });
  const args = process.argv.slice(2).map((file) => path.resolve(file));
  const files = args.length > 0 ? args : listFiles(FORMS_DIR, '.form');
  const session = await openFormPage();
  try {
    console.log(`form-js-viewer ${session.viewerVersion}`);
    const seenIds = new Map();
    const failures = [];
    for (const file of files) {
      const label = formLabel(file);
      try {
        const schema = readForm(file);
        if (seenIds.has(schema.id)) {
          throw new CheckFailure(`${label} and ${seenIds.get(schema.id)} both have the form id ${schema.id}`);
        }
        seenIds.set(schema.id, label);
        const before = session.problems().length;
        const data = FORM_DATA[schema.id];
        const { variables } = await renderForm(session.page, schema, data, label);
        const fields = await session.page.locator('#form .fjs-form-field').count();
        if (fields === 0) {
          throw new CheckFailure(`${label}: form-js rendered no field`);
        }
        const problems = session.problems().slice(before);
        if (problems.length > 0) {
          throw new CheckFailure(`${label} (form ${schema.id}) rendered with errors:\n${describeProblems(problems)}`);
        }
        const screenshot = path.join(outDir, `${schema.id}.png`);
        await session.page.locator('#form').screenshot({ path: screenshot });
        console.log(`OK ${label}: form ${schema.id}, ${fields} fields rendered, ${path.relative(PROJECT_ROOT, screenshot)}`);
        console.log(`   reads/writes variables: ${variables.join(', ')}`);
        if (data) {
          const missing = variables.filter((name) => !(name in data));
          if (missing.length > 0) {
            console.log(`   note: not in this run's sample data: ${missing.join(', ')}`);
          }
        }
      } catch (error) {
        if (!(error instanceof CheckFailure)) {
          throw error;
        }
        console.log(`FAILED ${label}`);
        failures.push(error.message);
      }
    }
    if (failures.length > 0) {
      throw new CheckFailure(failures.join('\n'));
    }
  } finally {
    await session.close();
  }
});
