/**
 * The button-building side of click-to-call moved to lib/integrations/click-to-call/marker.ts;
 * this path stays only because lib/messaging/content-protocol.ts imports `Resolved` from here
 * (the type's home is now ./resolve, which produces it). Remove once that import points there.
 */
export type { Resolved } from './resolve';
