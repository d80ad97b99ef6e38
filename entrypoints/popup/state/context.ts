import { createContext } from 'svelte';
import type { Popup } from './popup.svelte';

/** The shell provides the popup's state; only screens take it (presentational parts get props). */
export const [usePopup, providePopup] = createContext<Popup>();
