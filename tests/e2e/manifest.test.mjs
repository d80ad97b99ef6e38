// The built extensions ask for the least they need: the permissions, no page may message the
// extension, no loosened content security policy, and no code that is fetched or evaluated at
// run time. Reads what `npm test` built (.output/chrome-mv3 and .output/firefox-mv2).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from './support/chrome.mjs';

const builds = { chrome: path.join(ROOT, '.output/chrome-mv3'), firefox: path.join(ROOT, '.output/firefox-mv2') };
const manifest = (dir) => JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
const scripts = (dir) =>
  fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.js')).map((f) => [String(f), fs.readFileSync(path.join(dir, String(f)), 'utf8')]);

describe('least privilege in the built manifests and bundles', () => {
  it('Chrome: exactly the permissions the features need; ERP origins only as optional host access', () => {
    const m = manifest(builds.chrome);
    assert.deepEqual([...m.permissions].sort(), ['alarms', 'contextMenus', 'notifications', 'offscreen', 'scripting', 'storage']);
    assert.deepEqual(m.optional_host_permissions, ['https://*/*', 'http://*/*']);
    // The test build grants only the local Odoo double's origin (a release build grants none).
    assert.deepEqual(m.host_permissions ?? [], ['http://127.0.0.1/*']);
    assert.equal(m.externally_connectable, undefined, 'no web page may message the extension');
    assert.equal(m.content_security_policy, undefined, "the browser's strict default CSP applies");
    assert.deepEqual(m.content_scripts.map((c) => c.js).flat(), ['content-scripts/click-to-call.js'], 'one static content script');
    assert.equal(m.web_accessible_resources, undefined, 'pages cannot load our files');
  });

  it('Firefox: the same, in MV2 terms', () => {
    const m = manifest(builds.firefox);
    assert.deepEqual([...m.permissions].sort(), ['alarms', 'contextMenus', 'http://127.0.0.1/*', 'notifications', 'scripting', 'storage']);
    assert.deepEqual(m.optional_permissions, ['https://*/*', 'http://*/*']);
    assert.equal(m.externally_connectable, undefined);
    assert.equal(m.content_security_policy, undefined);
    // The toolbar button shows in the toolbar, not hidden in the Extensions panel.
    assert.equal(m.browser_action.default_area, 'navbar');
  });

  it('the popup opens from a keyboard shortcut (Alt+Shift+P, the toolbar button\'s own command)', () => {
    assert.deepEqual(manifest(builds.chrome).commands._execute_action, { suggested_key: { default: 'Alt+Shift+P' } });
    assert.deepEqual(manifest(builds.firefox).commands._execute_browser_action, { suggested_key: { default: 'Alt+Shift+P' } });
  });

  it('keyboard commands: answer and hang up with keys, mute, open dialer and do not disturb listed to assign; at most four keys', () => {
    for (const build of [builds.chrome, builds.firefox]) {
      const { commands, default_locale: locale } = manifest(build);
      const names = Object.keys(commands).filter((n) => !n.startsWith('_execute'));
      assert.deepEqual(names.sort(), ['answer', 'hangup', 'mute', 'open-dialer', 'toggle-dnd']);
      assert.equal(commands.answer.suggested_key.default, 'Alt+Shift+A');
      assert.equal(commands.hangup.suggested_key.default, 'Alt+Shift+H');
      for (const n of ['mute', 'open-dialer', 'toggle-dnd']) assert.equal(commands[n].suggested_key, undefined, n);
      assert.ok(Object.values(commands).filter((c) => c.suggested_key).length <= 4, 'Chrome allows at most four suggested keys');
      const keys = Object.values(commands).map((c) => c.suggested_key?.default).filter(Boolean);
      assert.equal(new Set(keys).size, keys.length, 'no key suggested twice');
      // Each named at the browser's shortcuts page, in words the locale file has.
      const messages = JSON.parse(fs.readFileSync(path.join(build, '_locales', locale, 'messages.json'), 'utf8'));
      for (const n of names) {
        const key = /^__MSG_(\w+)__$/.exec(commands[n].description)?.[1];
        assert.ok(key && messages[key]?.message, `${n} has a description`);
      }
    }
  });

  it('no eval, no Function constructor, no script loaded from the network', () => {
    for (const dir of Object.values(builds)) {
      for (const [file, code] of scripts(dir)) {
        assert.doesNotMatch(code, /[^\w.$]eval\(|new Function\(/, `${file} evaluates code`);
        assert.doesNotMatch(code, /importScripts\(\s*["']https?:|<script[^>]+src=["']https?:/i, `${file} loads remote code`);
      }
      for (const html of fs.readdirSync(dir).filter((f) => f.endsWith('.html'))) {
        assert.doesNotMatch(fs.readFileSync(path.join(dir, html), 'utf8'), /src=["']https?:/i, `${html} loads remote code`);
      }
    }
  });
});
