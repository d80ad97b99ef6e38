import './warm-up';
import { mount } from 'svelte';
import '../../components/theme.css';
import { markOnce, POPUP_MARKS } from './perf-marks';
import App from './App.svelte';
import { startPageLanguage } from '../../lib/i18n/page';
import { isWidgetWindow } from '../../lib/extension-pages';
import { offerCapture } from '../../lib/phone-host/firefox/capture';

markOnce(POPUP_MARKS.script);
// Firefox: calls take the microphone in the widget window (lib/phone-host/firefox/microphone.ts).
if (import.meta.env.FIREFOX && isWidgetWindow(location)) offerCapture();
// The language is read first (one storage read and one catalogue chunk), so the first paint is in it.
void startPageLanguage().then(() => {
  mount(App, { target: document.getElementById('app')! });
  markOnce(POPUP_MARKS.mounted);
});
