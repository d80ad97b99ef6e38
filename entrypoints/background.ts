import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../lib/background/main';
import { phoneHostLink } from '../lib/phone-host';

export default defineBackground({
  // Firefox (MV2): a persistent background page that is also the phone host.
  persistent: true,
  main() {
    startBackground(phoneHostLink());
  },
});
