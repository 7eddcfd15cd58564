#!/usr/bin/env node
// Fills forms/manual-payment-review.form in headless Chromium the way a manager does in Tasklist
// (same renderer: @bpmn-io/form-js-viewer), submits it through form-js, and prints what Tasklist
// would complete the user task with. The managers' inputs and the data they must produce are the
// scenarios of src/test/resources/forms/review-form-fixture.json, which the Java tests complete the
// review task with on the engine. Also shows what form-js blocks before anything reaches the engine.
//
// Output (stdout), one JSON object per line:
//   ERRORS_EMPTY_DECISION {"decision":["..."]}            errors by variable name, submit with no decision
//   ERRORS_NEGATIVE_AMOUNT {"correctedAmount":["..."]}    approve with a corrected amount of -5
//   ERRORS_AMOUNT_TOO_LARGE {"correctedAmount":["..."]}   16 digits before the dot: more than the books hold
//   ERRORS_AMOUNT_WITHOUT_CURRENCY {"correctedCurrency":["..."]}  an amount with no currency picked
//   CURRENCY_SHOWN {"withoutAmount":false,"withAmount":true}      the currency appears only with an amount
//   SUBMITTED <scenario> {"decision":"APPROVE",...}      each scenario's submitted data, as the fixture has it
//   START_SUBMITTED {"clientId":7,...}                   Tasklist's start form (forms/manual-payment-add.form)
//                                                        filled and submitted: what the process starts with
// Screenshots: target/forms/review-filled.png, target/forms/review-errors.png
//
//   node tooling/review-form-browser-test.mjs

import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { CheckFailure, describeProblems, FORMS_DIR, PROJECT_ROOT, run } from './lib/browser.mjs';
import { formErrorEvents, openFormPage, readForm, renderForm, REVIEW_FORM_FIXTURE } from './lib/forms.mjs';

const FORM_FILE = path.join(FORMS_DIR, 'manual-payment-review.form');
const FORM_NAME = 'forms/manual-payment-review.form';
const START_FORM_FILE = path.join(FORMS_DIR, 'manual-payment-add.form');
const START_FORM_NAME = 'forms/manual-payment-add.form';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];

function field(page, label) {
  const literal = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.locator('#form .fjs-form-field').filter({
    has: page.locator('.fjs-form-field-label', { hasText: new RegExp(`^${literal}\\*?$`) })
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
  const select = field(page, 'Currency of that amount');
  // Tabbing into the select already opens its list; otherwise open it with a click.
  if (!(await select.locator('.fjs-dropdownlist').isVisible())) {
    await select.locator('.fjs-select-display').click();
  }
  await select.locator('.fjs-dropdownlist-item', { hasText: new RegExp(`^${currency}$`) }).click();
}

/** Picks an ISO date in the date picker's calendar, moving it to the date's month first. */
async function pickDate(page, label, isoDate) {
  const [year, month, day] = isoDate.split('-').map(Number);
  await field(page, label).locator('input.flatpickr-input').click();
  const calendar = page.locator('.flatpickr-calendar.open');
  for (let moves = 0; moves < 240; moves++) {
    // flatpickr shows the month as a drop-down whose values are 0 to 11.
    const shownMonth = Number(await calendar.locator('.flatpickr-monthDropdown-months').inputValue()) + 1;
    const shownYear = Number(await calendar.locator('.numInput.cur-year').inputValue());
    const diff = (year - shownYear) * 12 + (month - shownMonth);
    if (diff === 0) {
      break;
    }
    await calendar.locator(diff < 0 ? '.flatpickr-prev-month' : '.flatpickr-next-month').click();
  }
  await calendar.locator(`.flatpickr-day[aria-label="${MONTHS[month - 1]} ${day}, ${year}"]`).click();
  await page.keyboard.press('Escape');
}

/** Leaves the focused field (closing an open list or calendar), as clicking on the page does. */
async function leaveField(page) {
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** Fills the form as a scenario's manager does. */
async function fill(page, input) {
  await chooseDecision(page, input.decision);
  if (input.correctedAmount !== undefined) {
    await typeInto(page, 'Amount actually paid', input.correctedAmount);
  }
  if (input.correctedCurrency !== undefined) {
    await pickCurrency(page, input.correctedCurrency);
  }
  if (input.correctedPaymentDate !== undefined) {
    await pickDate(page, 'Actual payment date', input.correctedPaymentDate);
  }
  if (input.managerComment !== undefined) {
    await typeInto(page, 'Your comment', input.managerComment);
  }
  await leaveField(page);
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

/** Same keys and values, whatever the order. */
function sameData(a, b) {
  const keys = (o) => Object.keys(o).sort();
  return JSON.stringify(keys(a)) === JSON.stringify(keys(b)) && keys(a).every((k) => a[k] === b[k]);
}

await run('review-form-browser-test', async () => {
  const outDir = path.join(PROJECT_ROOT, 'target', 'forms');
  mkdirSync(outDir, { recursive: true });
  const schema = readForm(FORM_FILE);
  const data = REVIEW_FORM_FIXTURE.formData;
  const session = await openFormPage({ viewport: { width: 640, height: 1100 } });
  const { page } = session;
  page.setDefaultTimeout(10_000);
  const fresh = () => renderForm(page, schema, data, FORM_NAME);
  try {
    await fresh();
    const empty = await submit(page, schema);
    expectErrorsOnly(empty.errors, 'decision', 'submit with no decision');
    console.log(`ERRORS_EMPTY_DECISION ${JSON.stringify(empty.errors)}`);

    await fresh();
    await chooseDecision(page, 'Approve');
    await typeInto(page, 'Amount actually paid', '-5');
    await pickCurrency(page, 'RUB');
    const negative = await submit(page, schema);
    expectErrorsOnly(negative.errors, 'correctedAmount', 'approve with a corrected amount of -5');
    console.log(`ERRORS_NEGATIVE_AMOUNT ${JSON.stringify(negative.errors)}`);

    await fresh();
    await chooseDecision(page, 'Approve');
    await typeInto(page, 'Amount actually paid', '1234567890123456');
    await pickCurrency(page, 'RUB');
    const tooLarge = await submit(page, schema);
    expectErrorsOnly(tooLarge.errors, 'correctedAmount', 'approve with 16 digits before the dot');
    console.log(`ERRORS_AMOUNT_TOO_LARGE ${JSON.stringify(tooLarge.errors)}`);

    await fresh();
    await chooseDecision(page, 'Approve');
    const currencyWithoutAmount = await field(page, 'Currency of that amount').count();
    await typeInto(page, 'Amount actually paid', '1400.00');
    const currencyWithAmount = await field(page, 'Currency of that amount').count();
    console.log(`CURRENCY_SHOWN ${JSON.stringify({ withoutAmount: currencyWithoutAmount > 0, withAmount: currencyWithAmount > 0 })}`);
    const withoutCurrency = await submit(page, schema);
    expectErrorsOnly(withoutCurrency.errors, 'correctedCurrency', 'a corrected amount with no currency');
    console.log(`ERRORS_AMOUNT_WITHOUT_CURRENCY ${JSON.stringify(withoutCurrency.errors)}`);

    // Both first mistakes at once, for the picture: no decision and amount -5.
    await fresh();
    await typeInto(page, 'Amount actually paid', '-5');
    await leaveField(page);
    await submit(page, schema);
    const shownErrors = await page.locator('#form .fjs-form-field-error').count();
    if (shownErrors < 2) {
      throw new CheckFailure(`form-js showed ${shownErrors} field error message(s) for a missing decision and amount -5, expected 2`);
    }
    await page.locator('#form').screenshot({ path: path.join(outDir, 'review-errors.png') });

    for (const [name, scenario] of Object.entries(REVIEW_FORM_FIXTURE.scenarios)) {
      await fresh();
      await fill(page, scenario.input);
      if (name === 'approveWithCorrection') {
        await page.locator('#form').screenshot({ path: path.join(outDir, 'review-filled.png') });
      }
      const filled = await submit(page, schema);
      if (Object.keys(filled.errors).length > 0) {
        throw new CheckFailure(`scenario ${name}: the filled review form did not validate: ${JSON.stringify(filled.errors)}`);
      }
      if (!sameData(filled.data, scenario.submitted)) {
        throw new CheckFailure(`scenario ${name}: form-js submitted ${JSON.stringify(filled.data)}, the fixture says `
          + `${JSON.stringify(scenario.submitted)}`);
      }
      console.log(`SUBMITTED ${name} ${JSON.stringify(filled.data)}`);
    }

    // Tasklist's start form, filled as a manager does: the types it submits are what the first
    // worker reads (numbers for the ids, an ISO date and text).
    const startSchema = readForm(START_FORM_FILE);
    await renderForm(page, startSchema, {}, START_FORM_NAME);
    await typeInto(page, 'Client id (CRM)', '7');
    await typeInto(page, 'Offer id (paid through a manual-payment merchant)', '3');
    await pickDate(page, 'Payment date', '2026-11-20');
    await typeInto(page, 'Comment', 'paid at the office');
    await leaveField(page);
    const started = await submit(page, startSchema);
    if (Object.keys(started.errors).length > 0) {
      throw new CheckFailure(`the filled start form did not validate: ${JSON.stringify(started.errors)}`);
    }
    console.log(`START_SUBMITTED ${JSON.stringify(started.data)}`);

    const problems = session.problems();
    for (const error of await formErrorEvents(page)) {
      problems.push(`form-js error event: ${error}`);
    }
    if (problems.length > 0) {
      throw new CheckFailure(`the review form logged errors in the browser:\n${describeProblems(problems)}`);
    }
    console.log(`screenshots: target/forms/review-filled.png, target/forms/review-errors.png`);
  } finally {
    await session.close();
  }
});
