// Unit tests: `import browser from 'webextension-polyfill'` gets WXT's in-memory fake browser
// (the same object WxtVitest stubs as the `browser` and `chrome` globals). See vitest.config.ts.
import { fakeBrowser } from 'wxt/testing/fake-browser';

// Not in the fake: what an en-US browser answers.
fakeBrowser.i18n.getUILanguage = () => 'en-US';

export default fakeBrowser;
