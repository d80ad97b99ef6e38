/** The build-time choice of phone host: Chrome's offscreen document, or Firefox's background page. */
import { InProcessLink } from './in-process';
import type { HostLink } from './link';
import { OffscreenLink } from './offscreen/link';

export function phoneHostLink(): HostLink {
  return import.meta.env.FIREFOX ? new InProcessLink() : new OffscreenLink();
}

export type { HostEvent, HostLink } from './link';
