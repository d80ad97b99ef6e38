/**
 * The one shape of a site integration: what a content script does on some sites, with its
 * manifest options beside it, so that its entry file is only wiring. See docs/site-integrations.md.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * What an integration may use of WXT's content-script context. The isolated world gets WXT's own
 * `ContentScriptContext`; WXT gives a page-world (MAIN) script none, so that world gets
 * `pageWorldContext()` (./lifetime), which has these members and means the same by them.
 * Everything an integration starts (listeners, observers, timers) ends with `signal`.
 */
export type IntegrationContext = Pick<ContentScriptContext, 'signal' | 'isValid' | 'isInvalid' | 'onInvalidated' | 'setTimeout' | 'requestAnimationFrame'>;

interface IntegrationBase {
  /** Also the name of its entry file (`entrypoints/<id>.content.ts`) and of the built script. */
  id: string;
  /** Match patterns; empty for a script the background registers at runtime for an origin the user granted. */
  matches: string[];
  runAt?: 'document_start' | 'document_end' | 'document_idle';
  allFrames?: boolean;
  /** Also in frames with no address of their own (about:blank, about:srcdoc) under a matching page. */
  matchAboutBlank?: boolean;
  /** Chrome: also in frames whose address has no host (about:, blob:, data:), by their creator's origin. */
  matchOriginAsFallback?: boolean | { chrome?: boolean; firefox?: boolean };
  /** 'runtime': not in the manifest; the background registers it (lib/background/odoo.ts). */
  registration?: 'manifest' | 'runtime';
  /** Starts the integration on this page; everything it starts ends with `ctx`. */
  init(ctx: IntegrationContext): void | Promise<void>;
}

/** In the extension's isolated world: DOM access and the extension's messaging. */
export interface IsolatedIntegration extends IntegrationBase {
  world?: 'ISOLATED';
}

/** In the page's own JS world: sees the page's objects, reaches no extension API. */
export interface PageWorldIntegration extends IntegrationBase {
  world: 'MAIN';
}

export type SiteIntegration = IsolatedIntegration | PageWorldIntegration;

/** The integration's options for `defineContentScript` (everything but its id and init). */
export function contentScriptOptions<I extends SiteIntegration>(integration: I): Omit<I, 'id' | 'init'> {
  const options: Partial<I> = { ...integration };
  delete options.id;
  delete options.init;
  return options as Omit<I, 'id' | 'init'>;
}
