import { defineContentScript } from 'wxt/utils/define-content-script';
import { startClickToCall } from '../lib/integrations/click-to-call/content';

// Every page and frame: call buttons after phone numbers, tel:/callto: links through the softphone.
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  // From the start: settings are read while the page loads, and the scan starts when its DOM is parsed.
  runAt: 'document_start',
  main() {
    void startClickToCall();
  },
});
