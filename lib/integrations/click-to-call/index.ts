/**
 * Click-to-call on any page: call buttons after the phone numbers a page shows, and tel: /
 * callto: links dialled by the softphone (the engine is this folder; the numbers are resolved
 * and dialled by the background, lib/background/click-to-call.ts).
 */
import type { IsolatedIntegration } from '../types';
import { startClickToCall } from './content';

export const clickToCall: IsolatedIntegration = {
  id: 'click-to-call',
  matches: ['<all_urls>'],
  allFrames: true,
  // Webmail shows a message in an about:srcdoc or about:blank frame: its numbers get buttons too,
  // under the switches of the site that made the frame.
  matchAboutBlank: true,
  matchOriginAsFallback: { chrome: true },
  // From the start: settings are read while the page loads, and the scan starts when its DOM is parsed.
  runAt: 'document_start',
  init: (ctx) => startClickToCall(ctx),
};
