// The widget (Recent / Next Activities / Contacts, details, activity and email actions) in the
// built Chrome extension, on the embedded local provider, calling through the lab Kamailio.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seriousViolations } from './support/axe.mjs';
import { launchWithExtension, openExtensionPage, serviceWorker } from './support/chrome.mjs';
import { startLabSession } from './support/lab-session.mjs';
import { listRows, press, reopenWidget, saveAccount, selectTab, waitForCallState, waitUntil } from './support/ui.mjs';

let session;
let browser;
let extensionId;
let options;
let popup;
let ada;
let caller;

const todayIso = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

async function reopenPopup() {
  popup = await reopenWidget(popup, browser, extensionId);
}

const tab = (name) => selectTab(popup, name);
const rows = () => listRows(popup);

async function noAxeViolations(screen) {
  const v = await seriousViolations(popup);
  assert.deepEqual(v, [], `${screen}: ${JSON.stringify(v)}`);
}

async function fill(page, selector, value) {
  await page.$eval(selector, (el) => {
    el.value = '';
  });
  await page.type(selector, value);
}

before(async () => {
  session = await startLabSession();
  ({ browser, extensionId } = await launchWithExtension());
  ada = await session.remote(browser, '1002', { autoAnswer: true });
  caller = await session.remote(browser, '1004');
  options = await openExtensionPage(browser, extensionId, 'options.html');
  await saveAccount(options, {
    wsUrl: session.lab.wsUrl, domain: session.lab.domain, username: '1001', secret: session.account('1001').password,
  });
});

after(async () => {
  await browser?.close().catch(() => {});
  await session?.stop();
});

describe('Chrome widget on the local provider', { concurrency: false }, () => {
  it('adds a contact in the settings (phone = the lab extension 1002)', async () => {
    await press(options, 'Add contact');
    await fill(options, '#c-name', 'Ada Lovelace');
    await fill(options, '#c-company', 'Analytical Engines Ltd');
    await fill(options, '#c-email', 'ada@example.com');
    await fill(options, '#c-phone-0', '1002');
    await press(options, 'Save contact');
    await options.waitForSelector('[aria-label="Saved contacts"] li::-p-text(Ada Lovelace)');
  });

  it('Contacts: lists and searches contacts; calls one; the far end answers', async () => {
    await reopenPopup();
    await tab('Contacts');
    assert.deepEqual(await rows(), ['Ada Lovelace 1002 · Analytical Engines Ltd']);
    await noAxeViolations('Contacts');
    await popup.type('#search', 'zzz');
    await popup.waitForSelector('::-p-text(Nothing matches “zzz”)');
    await fill(popup, '#search', 'lovel');
    await popup.waitForSelector('#tab-panel li::-p-text(Ada Lovelace)');
    const since = await ada.evaluate(() => remote.lastSeq);
    await press(popup, 'Call Ada Lovelace');
    await ada.evaluate((s) => remote.waitForEvent('established', { since: s }), since);
    await waitForCallState(popup, 'established');
    await noAxeViolations('In call');
  });

  it('the transfer field suggests colleagues by name with their extension', async () => {
    await press(popup, 'Transfer');
    await popup.type('#transfer-target', 'ada');
    // Her line's state is part of the suggestion's name: she is on a call, with us.
    await press(popup, 'Ada Lovelace (1002) On a call');
    assert.equal(await popup.$eval('#transfer-target', (e) => e.value), '1002');
    await press(popup, 'Transfer');
  });

  it('closing and reopening the popup mid-call keeps the call and who is on the line', async () => {
    await reopenPopup();
    await waitForCallState(popup, 'established');
    await popup.waitForSelector('[data-call-state] .company::-p-text(Analytical Engines Ltd)');
    const name = await popup.$eval('[data-call-state] .who', (e) => e.textContent);
    assert.equal(name, 'Ada Lovelace');
    await press(popup, 'Hang up');
    await popup.waitForSelector('#search');
  });

  it('Recent: the call is there, newest first, with duration; calling from it works', async () => {
    await tab('Recent');
    const list = await rows();
    assert.match(list[0], /^Ada Lovelace 1002 .*\d{1,2}:\d\d/);
    await noAxeViolations('Recent');
    const since = await ada.evaluate(() => remote.lastSeq);
    await press(popup, 'Call Ada Lovelace');
    await ada.evaluate((s) => remote.waitForEvent('established', { since: s }), since);
    await press(popup, 'Hang up');
    await popup.waitForSelector('#search');
  });

  it('an incoming call shows up in Recent as answered, an unanswered one as missed', async () => {
    const since = await caller.evaluate(() => remote.lastSeq);
    await caller.evaluate(() => void remote.call('1001').catch(() => {}));
    await press(popup, 'Answer');
    await caller.evaluate((s) => remote.waitForEvent('established', { since: s }), since);
    await press(popup, 'Hang up');
    await popup.waitForSelector('#search');
    // Away from Recent: a call missed while Recent is on screen is seen at once.
    await tab('Contacts');
    await caller.evaluate(() => void remote.call('1001').catch(() => {}));
    await popup.waitForSelector('section[aria-label="Incoming call"]');
    await caller.evaluate(() => remote.hangupAll());
    await popup.waitForSelector('#search');
    const worker = await serviceWorker(browser);
    const badge = () => worker.evaluate(() => chrome.action.getBadgeText({}));
    await waitUntil(async () => (await badge()) === '1', 'missed-call badge "1"');
    await tab('Recent');
    await waitUntil(async () => (await badge()) === '', 'badge cleared once Recent was seen');
    const list = await rows();
    assert.match(list[0], /Remote 1004.*Missed/);
    assert.match(list[1], /Remote 1004 1004 .*\d{1,2}:\d\d/);
  });

  it('Next Activities: schedule a call from a contact, call it, then mark it done with feedback', async () => {
    await tab('Contacts');
    await popup.click('#tab-panel li button.open');
    await press(popup, 'Schedule');
    await noAxeViolations('Schedule form');
    await fill(popup, '#activity-summary', 'Discuss the quote');
    await fill(popup, '#activity-note', 'She asked for a discount.');
    await press(popup, 'Schedule');
    await popup.waitForSelector('::-p-text(Call scheduled for)');
    await press(popup, 'Back');
    await tab('Next Activities');
    assert.deepEqual(await rows(), ['Ada Lovelace 1002 · Discuss the quote Today']);
    await noAxeViolations('Next Activities');
    await popup.click('#tab-panel li button.open');
    await popup.waitForSelector('#details-name::-p-text(Ada Lovelace)');
    await noAxeViolations('Activity details');
    const since = await ada.evaluate(() => remote.lastSeq);
    await press(popup, 'Call 1002');
    await ada.evaluate((s) => remote.waitForEvent('established', { since: s }), since);
    await new Promise((r) => setTimeout(r, 1100));
    await press(popup, 'Hang up');
    // After the call the activity opens again, ready to be marked done.
    await press(popup, 'Mark done');
    const feedback = await popup.$eval('#done-feedback', (e) => e.value);
    assert.match(feedback, /^Called, [1-9]\d* sec\.$/);
    await press(popup, 'Done');
    await popup.waitForSelector('::-p-text(marked as done)');
    await popup.waitForSelector('::-p-text(No calls scheduled for today.)');
  });

  it('edits an activity (date, summary, note), then cancels it', async () => {
    await tab('Contacts');
    await popup.click('#tab-panel li button.open');
    await press(popup, 'Schedule');
    await fill(popup, '#activity-summary', 'First try');
    await press(popup, 'Schedule');
    await popup.waitForSelector('::-p-text(Call scheduled for)');
    await press(popup, 'Back');
    await tab('Next Activities');
    await popup.click('#tab-panel li button.open');
    await press(popup, 'Edit');
    await fill(popup, '#activity-summary', 'Second try');
    await popup.$eval('#activity-date', (el, v) => {
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, todayIso());
    await press(popup, 'Save');
    await popup.waitForSelector('.sub::-p-text(Second try)');
    await press(popup, 'Back');
    assert.deepEqual(await rows(), ['Ada Lovelace 1002 · Second try Today']);
    await popup.click('#tab-panel li button.open');
    await press(popup, 'Cancel activity');
    await popup.waitForSelector('::-p-text(Activity cancelled.)');
    await popup.waitForSelector('::-p-text(No calls scheduled for today.)');
  });

  it('auto-call: after each call the next activity is offered, and Call dials it', async () => {
    await tab('Contacts');
    for (const summary of ['First call', 'Second call']) {
      await popup.waitForSelector('#tab-panel li button.open');
      await popup.click('#tab-panel li button.open');
      await press(popup, 'Schedule');
      await fill(popup, '#activity-summary', summary);
      await press(popup, 'Schedule');
      await popup.waitForSelector('::-p-text(Call scheduled for)');
      await press(popup, 'Back');
    }
    await tab('Next Activities');
    assert.equal((await rows()).length, 2);
    await popup.click('label.auto input');
    let since = await ada.evaluate(() => remote.lastSeq);
    await press(popup, 'Call Ada Lovelace');
    await ada.evaluate((s) => remote.waitForEvent('established', { since: s }), since);
    await press(popup, 'Hang up');
    const offer = await popup.waitForSelector('section[aria-label="Next call"]');
    assert.match(await offer.evaluate((e) => e.textContent), /Next: Ada Lovelace — Second call/);
    since = await ada.evaluate(() => remote.lastSeq);
    await press(popup, 'Call');
    await ada.evaluate((s) => remote.waitForEvent('established', { since: s }), since);
    await press(popup, 'Hang up');
    // That was the last one: no offer, back to the list; auto-call off again.
    await popup.waitForSelector('label.auto input');
    assert.equal(await popup.$('section[aria-label="Next call"]'), null);
    await popup.click('label.auto input');
    // Clean up: cancel both activities.
    for (let i = 0; i < 2; i++) {
      await popup.waitForSelector('#tab-panel li button.open');
      await popup.click('#tab-panel li button.open');
      await press(popup, 'Cancel activity');
      await popup.waitForSelector('::-p-text(Activity cancelled.)');
    }
    await popup.waitForSelector('::-p-text(No calls scheduled for today.)');
  });

  it('email: Send Later schedules it, it can be seen and cancelled', async () => {
    await tab('Contacts');
    await popup.click('#tab-panel li button.open');
    await press(popup, 'Email');
    assert.equal(await popup.$eval('#mail-to', (e) => e.value), 'ada@example.com');
    await fill(popup, '#mail-subject', 'Your quote');
    await fill(popup, '#mail-body', 'Hello Ada');
    // Without Odoo nothing sends it for you: the browser reminds you to send it.
    await press(popup, 'Remind me to send');
    await noAxeViolations('Email composer');
    await press(popup, 'Set the reminder');
    await popup.waitForSelector('::-p-text(Email scheduled for)');
    await press(popup, 'Back');
    await press(popup, 'Scheduled emails');
    await popup.waitForSelector('::-p-text(Your quote)');
    await noAxeViolations('Scheduled emails');
    await press(popup, 'Cancel email to ada@example.com');
    await popup.waitForSelector('::-p-text(Nothing scheduled.)');
  });

  it('dialer: typed digits, backspace, Enter calls; the phone button on an empty field redials', async () => {
    await press(popup, 'Back');
    await press(popup, 'Keypad');
    await noAxeViolations('Dialer');
    await press(popup, '1');
    await press(popup, '0');
    await press(popup, '0');
    await press(popup, '9');
    await press(popup, 'Backspace');
    await press(popup, '2');
    assert.equal(await popup.$eval('#dial-number', (e) => e.value), '1002');
    let since = await ada.evaluate(() => remote.lastSeq);
    await popup.focus('#dial-number');
    await popup.keyboard.press('Enter');
    await ada.evaluate((s) => remote.waitForEvent('established', { since: s }), since);
    await waitForCallState(popup, 'established');
    await press(popup, 'Hang up');
    // Back on the dialer, with an empty field: the phone button redials.
    await popup.waitForSelector('#dial-number');
    since = await ada.evaluate(() => remote.lastSeq);
    await press(popup, 'Redial');
    const invite = await ada.evaluate((s) => remote.waitForEvent('invite', { since: s }), since);
    assert.equal(invite.from, '1001');
    await waitForCallState(popup, 'established');
    await press(popup, 'Hang up');
    await popup.waitForSelector('#dial-number');
    await popup.keyboard.press('Escape');
    await popup.waitForSelector('#search');
  });

  it('the pop-out button opens the same widget in its own window', async () => {
    const target = browser.waitForTarget((t) => t.url().includes('popup.html?popout=1'), { timeout: 10_000 });
    await press(popup, 'Pop out');
    const window = await (await target).asPage();
    await window.waitForSelector('#search');
    await window.waitForSelector('[data-registration="registered"]');
    assert.equal(await window.$('button[aria-label="Pop out"]'), null);
    await window.close();
    await reopenPopup();
  });

  it('tabs move with the arrow keys', async () => {
    await popup.waitForSelector('[role="tab"][aria-selected="true"]');
    await popup.focus('[role="tab"][aria-selected="true"]');
    const before = await popup.$eval('[role="tab"][aria-selected="true"]', (e) => e.textContent);
    await popup.keyboard.press('ArrowRight');
    const afterTab = await popup.evaluate(() => document.activeElement?.textContent);
    assert.notEqual(afterTab, before);
    assert.equal(await popup.$eval('[role="tab"][aria-selected="true"]', (e) => e.textContent), afterTab);
  });
});
