/** How long a confirmation stays: long enough to read, gone before it is stale. */
const SHOWN_MS = 4000;

/** A short confirmation for screen readers and eyes ("Activity marked as done"). */
export class Notice {
  #text = $state('');

  get text(): string {
    return this.#text;
  }

  say(text: string): void {
    this.#text = text;
    setTimeout(() => {
      // A newer confirmation keeps its own four seconds.
      if (this.#text === text) this.#text = '';
    }, SHOWN_MS);
  }
}
