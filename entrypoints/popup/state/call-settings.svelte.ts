import { defaultCallSettings, loadCallSettings, outcomesOf, type CallSettings } from '../../../lib/settings/call-settings';

/** The settings of call pop and the wrap-up, as the popup reads them when it opens. */
export class CallSettingsState {
  #value = $state.raw<CallSettings>(defaultCallSettings());

  get value(): CallSettings {
    return this.#value;
  }

  get outcomes(): string[] {
    return outcomesOf(this.#value);
  }

  async load(read: () => Promise<CallSettings> = loadCallSettings): Promise<void> {
    this.#value = await read().catch(() => defaultCallSettings());
  }
}
