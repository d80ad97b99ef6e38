import { defineContentScript } from 'wxt/utils/define-content-script';
import { clickToCall } from '../lib/integrations/click-to-call';
import { contentScriptOptions } from '../lib/integrations/types';
import { startContentLanguage } from '../lib/i18n/content-strings';

// Every page and frame: call buttons after phone numbers, tel:/callto: links through the softphone.
export default defineContentScript({ ...contentScriptOptions(clickToCall), main: (ctx) => startContentLanguage().then(() => clickToCall.init(ctx)) });
