import path from 'node:path';
import { defineConfig } from 'wxt';

const LAB_ORIGINS = process.env.SOFTPHONE_LAB_ORIGINS ? process.env.SOFTPHONE_LAB_ORIGINS.split(',') : [];
/** The Firefox add-on id; tests/e2e/support/firefox.mjs names it too (store-packages.test.mjs checks they agree). */
const GECKO_ID = '@odoo-voip-softphone';

// The phone host differs per browser (offscreen document on Chrome, background page on Firefox);
// everything else is shared. See README "Design".
export default defineConfig({
  modules: ['@wxt-dev/module-svelte', '@wxt-dev/webextension-polyfill'],
  imports: false,
  zip: {
    // The sources zip is what addons.mozilla.org reviewers rebuild the Firefox package from
    // (`npm ci && npm run zip:firefox`): the code, its configs and the lock file. WXT already leaves
    // out node_modules, *.test.* files and its own outDir, but only the outDir of *this* run, so
    // .output is named here for zips built into another directory (tests/e2e/store-packages).
    // The test harness, the lab, docs' screenshots and dev tools are not needed to build.
    excludeSources: ['.output/**', 'tests/**', 'docs/**', 'dev/**'],
  },
  hooks: {
    // The privacy statement ships inside every package, where store reviewers look.
    'build:publicAssets': (wxt, files) => {
      files.push({ absoluteSrc: path.resolve(wxt.config.root, 'PRIVACY.md'), relativeDest: 'PRIVACY.md' });
    },
    // A store package never carries the lab's granted origins (see LAB_ORIGINS above).
    'zip:start': () => {
      if (LAB_ORIGINS.length > 0) throw new Error('Release packages are built without SOFTPHONE_LAB_ORIGINS: unset it and zip again.');
    },
    // Firefox puts a new add-on's button in the Extensions panel unless it asks for the toolbar
    // (WXT drops the key when it turns `action` into MV2's `browser_action`).
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser === 'firefox' && manifest.browser_action) Object.assign(manifest.browser_action, { default_area: 'navbar' });
    },
    // The benchmark helper page ships only in `wxt build --mode bench` builds.
    'entrypoints:resolved': (wxt, entrypoints) => {
      if (wxt.config.mode === 'bench') return;
      const i = entrypoints.findIndex((e) => e.name === 'bench');
      if (i >= 0) entrypoints.splice(i, 1);
    },
  },
  manifest: ({ browser }) => ({
    // Odoo's origin is asked for when the user connects it (the settings page), never at install.
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://*/*', 'http://*/*'] }
      : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
    // Lab and test builds only: the local Odoo test double on 127.0.0.1 is granted up front,
    // because a headless browser cannot answer the permission prompt. Never in a release build.
    ...(LAB_ORIGINS.length > 0 ? (browser === 'firefox' ? {} : { host_permissions: LAB_ORIGINS }) : {}),
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'notifications',
      'alarms',
      'contextMenus',
      'scripting',
      ...(browser === 'firefox' ? LAB_ORIGINS : []),
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    action: { default_title: '__MSG_extName__' },
    // The popup opens from the keyboard (changeable at chrome://extensions/shortcuts or Firefox's
    // add-on shortcuts). MV2 Firefox names the toolbar button's command _execute_browser_action.
    commands: {
      [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+P' },
      },
      // Handled by the background (lib/background/keyboard-commands.ts). Chrome suggests at most four
      // keys: answer and hang up get one; the others are listed for the user to assign.
      answer: { suggested_key: { default: 'Alt+Shift+A' }, description: '__MSG_cmdAnswer__' },
      hangup: { suggested_key: { default: 'Alt+Shift+H' }, description: '__MSG_cmdHangup__' },
      mute: { description: '__MSG_cmdMute__' },
      'open-dialer': { description: '__MSG_cmdOpenDialer__' },
      'toggle-dnd': { description: '__MSG_cmdToggleDnd__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              // Permanent once the first version is on addons.mozilla.org. The "@name" form claims no
              // domain (the old "softphone@voip-ext.local" named an mDNS-only TLD nobody can own);
              // a publisher with a domain of their own may use name@their-domain before that upload.
              id: GECKO_ID,
              // Firefox 140 (desktop, also an ESR) is the first to read data_collection_permissions and
              // show them at install; AMO requires the key for new add-ons. Older Firefox would
              // install with no consent shown, so they are not offered the package.
              strict_min_version: '140.0',
              // Mozilla counts as transmission any data "handled outside the add-on or the local
              // browser", the user's own servers included (its policy FAQ: an export sent to a remote
              // server needs consent), so "none" would be untrue. What goes to the user's PBX and Odoo
              // (PRIVACY.md): numbers, names and emails of contacts (personallyIdentifyingInfo), the
              // calls themselves, call notes and emails posted to Odoo (personalCommunications), and the
              // SIP login and the Odoo session or API key (authenticationInfo). A number read from a web
              // page leaves only when the user clicks it, as the number dialled (the first category).
              // All are the extension's purpose, so required: a softphone cannot call without them.
              data_collection_permissions: { required: ['personallyIdentifyingInfo', 'personalCommunications', 'authenticationInfo'] },
            },
            // Firefox for Android reads the declaration from 142 on; the same rule as desktop.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
