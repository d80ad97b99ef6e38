import { defineContentScript } from 'wxt/utils/define-content-script';
import { startClickToCall } from '../lib/click-to-call/content';

// Every page and frame: call buttons after phone numbers, tel:/callto: links through the softphone.
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  // As soon as the DOM is parsed: the scan works in slices, so it does not hold the page up.
  runAt: 'document_end',
  main() {
    void startClickToCall();
  },
});
