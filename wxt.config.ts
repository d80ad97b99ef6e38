import { defineConfig } from 'wxt';

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
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'notifications',
      'alarms',
      'contextMenus',
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'softphone@voip-ext.local', strict_min_version: '115.0' },
          },
        }
      : {}),
  }),
});
