import { defineConfig } from 'wxt';

const LAB_ORIGINS = process.env.SOFTPHONE_LAB_ORIGINS ? process.env.SOFTPHONE_LAB_ORIGINS.split(',') : [];

// The phone host differs per browser (offscreen document on Chrome, background page on Firefox);
// everything else is shared. See README "Design".
export default defineConfig({
  modules: ['@wxt-dev/module-svelte', '@wxt-dev/webextension-polyfill'],
  imports: false,
  hooks: {
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
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'softphone@voip-ext.local', strict_min_version: '128.0' },
          },
        }
      : {}),
  }),
});
