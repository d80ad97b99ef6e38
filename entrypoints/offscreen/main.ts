import { runOffscreenHost } from '../../lib/phone-host/offscreen/document';

// Chrome's phone host: see lib/phone-host/offscreen/document.ts.
runOffscreenHost();
