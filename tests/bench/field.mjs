// Benchmark: call setup in the field lab, same run. The extension's click → INVITE and click →
// Established with host candidates only (the baseline), with "relay only" through coturn, and
// through the rtpengine gateway to a baresip desk phone (the baseline there: the same extension
// calling a WebRTC phone directly).
import { launchWithExtension, offscreenPage, openExtensionPage } from '../e2e/support/chrome.mjs';
import { openRemotePhone, startRemotePhoneServer } from '../lab/remote-phone.mjs';
import { liveCallId, press, saveAccount, saveNetwork, waitForRegistration } from '../e2e/support/ui.mjs';
import { startDeskPhone } from '../lab/baresip.mjs';
import { startTurn } from '../lab/coturn.mjs';
import { startLab } from '../lab/kamailio.mjs';
import { startRtpengine } from '../lab/rtpengine.mjs';
import { startWsTap } from '../lab/ws-tap.mjs';
import { timedPopupCall } from './popup-call.mjs';

export async function benchField({ rounds = 10 } = {}) {
  const gateway = await startRtpengine();
  const lab = await startLab({ rtpengine: gateway.ngSocket });
  const tap = await startWsTap(lab.wsUrl);
  const turn = await startTurn();
  const desk = await startDeskPhone({ user: '1004', password: 'secret1004', domain: lab.domain, udpPort: lab.udpPort });
  const phones = await startRemotePhoneServer();
  const { browser, extensionId } = await launchWithExtension();
  try {
    await desk.waitRegistered();
    await openRemotePhone(browser, phones.url, { wsUrl: lab.wsUrl, domain: lab.domain, user: '1002', password: 'secret1002', autoAnswer: true });
    const options = await openExtensionPage(browser, extensionId, 'options.html');
    await saveAccount(options, { wsUrl: tap.url, domain: lab.domain, username: '1001', secret: 'secret1001' });
    const popup = await openExtensionPage(browser, extensionId, 'popup.html');
    await waitForRegistration(popup, 'registered');
    await press(popup, 'Keypad');
    const known = new Set();
    const host = { invite: [], established: [] };
    const viaGateway = { invite: [], established: [] };
    const relay = { invite: [], established: [] };
    const add = (into, r) => {
      into.invite.push(r.invite);
      into.established.push(r.established);
    };
    await timedPopupCall(popup, tap, '1002', known); // warm-up: microphone, first peer connection
    for (let i = 0; i < rounds; i++) {
      add(host, await timedPopupCall(popup, tap, '1002', known));
      add(viaGateway, await timedPopupCall(popup, tap, '1004', known));
    }
    await saveNetwork(options, { turnUrls: turn.url, turnUsername: turn.username, turnCredential: turn.credential, relayOnly: true });
    await popup.bringToFront();
    await waitForRegistration(popup, 'registered');
    const offscreen = await offscreenPage(browser);
    let pair = '';
    for (let i = 0; i < rounds; i++) {
      add(
        relay,
        await timedPopupCall(popup, tap, '1002', known, {
          before: async () => {
            const id = await liveCallId(popup);
            pair = (await offscreen.evaluate((c) => softphoneDiagnostics.rtpStats(c), id)).localCandidate || pair;
          },
        }),
      );
    }
    return { rounds, host, viaGateway, relay, relayPair: pair };
  } finally {
    await browser.close().catch(() => {});
    await phones.close();
    await desk.stop();
    await turn.stop();
    await tap.close();
    await lab.stop();
    await gateway.stop();
  }
}
