/**
 * Firefox, the widget window's end of the microphone (see microphone.ts): the window takes the
 * microphone itself, when the background page asks through this function. Firefox holds back a
 * `getUserMedia` the background page starts on the window's MediaDevices (it never settles); the
 * same call made by the window's own script is answered.
 */
declare global {
  var softphoneCapture: ((constraints: MediaStreamConstraints) => Promise<MediaStream>) | undefined;
}

/** Called by the widget window (popup.html?popout=1) on Firefox builds. */
export function offerCapture(): void {
  globalThis.softphoneCapture = (constraints) => navigator.mediaDevices.getUserMedia(constraints);
}
