#!/usr/bin/env node
// Fills forms/manual-payment-review.form in headless Chromium the way a manager does in Tasklist
// (same renderer: @bpmn-io/form-js-viewer), submits it through form-js, and prints what Tasklist
// would complete the user task with. Also shows that form-js blocks an empty decision and a
// negative amount.
//
// Output (stdout), one JSON object per line:
//   ERRORS_EMPTY_DECISION {"decision":["..."]}     errors by variable name, submit with no decision
//   ERRORS_NEGATIVE_AMOUNT {"amount":["..."]}      errors by variable name, amount -5
//   SUBMITTED {"decision":"APPROVE",...}           the submitted data (the last line)
// Screenshots: target/forms/review-filled.png, target/forms/review-errors.png
//
//   node tooling/review-form-browser-test.mjs

import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { CheckFailure, describeProblems, FORMS_DIR, PROJECT_ROOT, run } from './lib/browser.mjs';
import { formErrorEvents, openFormPage, readForm, renderForm, REVIEW_FORM_DATA } from './lib/forms.mjs';

const FORM_FILE = path.join(FORMS_DIR, 'manual-payment-review.form');

/** What the manager enters. */
const MANAGER_INPUT = Object.freeze({
  decisionLabel: 'Approve',
  amount: '1400.50',
  currency: 'USD',
  // Picked in the date picker's calendar (November 2026 is open, as the payment date is in it).
  paymentDateLabel: 'November 20, 2026',
  paymentDate: '2026-11-20',
  comment: 'Client paid 1400.50 USD by card-to-card; checked against the bank statement.'
});

function field(page, label) {
  return page.locator('#form .fjs-form-field').filter({
    has: page.locator('.fjs-form-field-label', { hasText: new RegExp(`^${label}\\*?$`) })
  });
}

async function chooseDecision(page, label) {
  await page.locator('#form').getByLabel(label, { exact: true }).check();
}

async function typeInto(page, label, text) {
  const input = field(page, label).locator('input.fjs-input, textarea').first();
  await input.click();
  await input.fill('');
  await input.pressSequentially(text, { delay: 10 });
  // Leaving the field flushes form-js's debounced change, as moving to the next field does.
  await input.press('Tab');
}

async function pickCurrency(page, currency) {
  const select = field(page, 'Currency');
  // Tabbing into the select already opens its list; otherwise open it with a click.
  if (!(await select.locator('.fjs-dropdownlist').isVisible())) {
    await select.locator('.fjs-select-display').click();
  }
  const item = select.locator('.fjs-dropdownlist-item', { hasText: new RegExp(`^${currency}$`) });
  await item.click();
}

async function pickDate(page, label, dayLabel) {
  const input = field(page, label).locator('input.flatpickr-input');
  await input.click();
  const day = page.locator(`.flatpickr-calendar.open .flatpickr-day[aria-label="${dayLabel}"]`);
  await day.click();
  await page.keyboard.press('Escape');
}

/** Leaves the focused field (closing an open list or calendar), as clicking on the page does. */
async function leaveField(page) {
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** Submits through form-js, as Tasklist's "Complete task" button does; errors by variable name. */
async function submit(page, schema) {
  const result = await page.evaluate(() => {
    const { data, errors } = window.__form.submit();
    return { data, errors };
  });
  const keyById = Object.fromEntries(schema.components.filter((c) => c.id && c.key).map((c) => [c.id, c.key]));
  const errorsByKey = {};
  for (const [id, messages] of Object.entries(result.errors || {})) {
    if (messages && messages.length > 0) {
      errorsByKey[keyById[id] || id] = messages;
    }
  }
  return { data: result.data, errors: errorsByKey };
}

function expectErrorsOnly(errors, key, what) {
  const keys = Object.keys(errors);
  if (keys.length !== 1 || keys[0] !== key) {
    throw new CheckFailure(`${what}: expected an error on "${key}" only, form-js reported ${JSON.stringify(errors)}`);
  }
}

await run('review-form-browser-test', async () => {
  const outDir = path.join(PROJECT_ROOT, 'target', 'forms');
  mkdirSync(outDir, { recursive: true });
  const schema = readForm(FORM_FILE);
  const session = await openFormPage({ viewport: { width: 640, height: 1000 } });
  const { page } = session;
  page.setDefaultTimeout(10_000);
  try {
    // 1. Submit with no decision.
    await renderForm(page, schema, REVIEW_FORM_DATA, 'forms/manual-payment-review.form');
    const empty = await submit(page, schema);
    expectErrorsOnly(empty.errors, 'decision', 'submit with no decision');
    console.log(`ERRORS_EMPTY_DECISION ${JSON.stringify(empty.errors)}`);

    // 2. Approve with an amount of -5.
    await renderForm(page, schema, REVIEW_FORM_DATA, 'forms/manual-payment-review.form');
    await chooseDecision(page, 'Approve');
    await typeInto(page, 'Amount', '-5');
    const negative = await submit(page, schema);
    expectErrorsOnly(negative.errors, 'amount', 'approve with amount -5');
    console.log(`ERRORS_NEGATIVE_AMOUNT ${JSON.stringify(negative.errors)}`);

    // Both mistakes at once, for the picture: no decision and amount -5.
    await renderForm(page, schema, REVIEW_FORM_DATA, 'forms/manual-payment-review.form');
    await typeInto(page, 'Amount', '-5');
    await leaveField(page);
    await submit(page, schema);
    const shownErrors = await page.locator('#form .fjs-form-field-error').count();
    if (shownErrors < 2) {
      throw new CheckFailure(`form-js showed ${shownErrors} field error message(s) for a missing decision and amount -5, expected 2`);
    }
    await page.locator('#form').screenshot({ path: path.join(outDir, 'review-errors.png') });

    // 3. The manager approves with corrections.
    await renderForm(page, schema, REVIEW_FORM_DATA, 'forms/manual-payment-review.form');
    await chooseDecision(page, MANAGER_INPUT.decisionLabel);
    await typeInto(page, 'Amount', MANAGER_INPUT.amount);
    await pickCurrency(page, MANAGER_INPUT.currency);
    await pickDate(page, 'Payment date', MANAGER_INPUT.paymentDateLabel);
    await typeInto(page, 'Comment', MANAGER_INPUT.comment);
    await leaveField(page);
    await page.locator('#form').screenshot({ path: path.join(outDir, 'review-filled.png') });
    const filled = await submit(page, schema);
    if (Object.keys(filled.errors).length > 0) {
      throw new CheckFailure(`the filled review form did not validate: ${JSON.stringify(filled.errors)}`);
    }

    const problems = session.problems();
    for (const error of await formErrorEvents(page)) {
      problems.push(`form-js error event: ${error}`);
    }
    if (problems.length > 0) {
      throw new CheckFailure(`the review form logged errors in the browser:\n${describeProblems(problems)}`);
    }
    const expected = {
      decision: 'APPROVE',
      amount: MANAGER_INPUT.amount,
      currency: MANAGER_INPUT.currency,
      paymentDate: MANAGER_INPUT.paymentDate,
      comment: MANAGER_INPUT.comment
    };
    const wrong = Object.entries(expected).filter(([key, value]) => filled.data[key] !== value);
    if (wrong.length > 0) {
      throw new CheckFailure(
        `the submitted data differs from what the manager entered:\n` +
          wrong.map(([key, value]) => `  - ${key}: expected ${JSON.stringify(value)}, got ${JSON.stringify(filled.data[key])}`).join('\n') +
          `\nsubmitted: ${JSON.stringify(filled.data)}`
      );
    }
    console.log(`screenshots: target/forms/review-filled.png, target/forms/review-errors.png`);
    console.log(`SUBMITTED ${JSON.stringify(filled.data)}`);
  } finally {
    await session.close();
  }
});
