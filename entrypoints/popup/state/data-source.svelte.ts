import type { DataProvider } from '../../../lib/providers/types';

/**
 * The widget's data provider, which may still be on its way (the settings say which one: the
 * Odoo connection is read first when Odoo is connected). Every state class asks it here.
 */
export class DataSource {
  #current = $state.raw<DataProvider | null>(null);
  readonly #pending: Promise<DataProvider>;

  constructor(provider: DataProvider | Promise<DataProvider>) {
    if (provider instanceof Promise) this.#pending = provider.then((p) => (this.#current = p));
    else {
      this.#current = provider;
      this.#pending = Promise.resolve(provider);
    }
  }

  /** The provider, at once when it is known (no extra microtask before the first list). */
  get(): Promise<DataProvider> {
    return this.#current ? Promise.resolve(this.#current) : this.#pending;
  }

  get emailSendMode(): 'mailto' | 'server' {
    return this.#current?.email.sendMode ?? 'mailto';
  }
}
