/**
 * The message protocol, one channel per file. A name's prefix names its channel: who may send
 * it and who acts on it.
 *   phone:*  extension page → phone host, through the background (phone.ts)
 *   bg:*     extension page → background (background.ts)
 *   cs:*     content script → background, the one channel web pages' tabs can reach (content.ts)
 *   tab:*    extension page → the click-to-call script of a tab (tab.ts)
 *   event:*  → every extension page and the background: what happened, no answer (events.ts)
 *   host:cmd background → phone host: the envelope of a checked command (phone.ts)
 * Each receiver checks the sender (senders.ts), then the payload (the channel's parser), and
 * answers with a Result (lib/result.ts).
 */
import { parserFor, type MessageOf, type ReplyOf } from './define';
import { backgroundChannel } from './background';
import { phoneChannel } from './phone';

/** What an extension page may send to the background. */
export const pageChannel = { ...phoneChannel, ...backgroundChannel };
export type PageChannel = typeof pageChannel;
export type UiMessage = MessageOf<PageChannel>;
export type UiReply<K extends keyof PageChannel> = ReplyOf<PageChannel[K]>;

/** Checks a message from an extension page. Returns null for anything malformed. */
export const parseUiMessage = parserFor(pageChannel);
export const isPhoneCommand = (m: UiMessage): m is MessageOf<typeof phoneChannel> => Object.hasOwn(phoneChannel, m.type);
