// One lab for a test file: Kamailio, the remote-phone server, and helpers to open far ends.
import { startLab } from '../../lab/kamailio.mjs';
import { openRemotePhone, startRemotePhoneServer } from '../../lab/remote-phone.mjs';

/** @param {import('../../lab/kamailio.mjs').LabOptions} [labOptions] */
export async function startLabSession(labOptions = {}) {
  const lab = await startLab(labOptions);
  const phones = await startRemotePhoneServer();
  const account = (user) => session.lab.accounts.find((a) => a.user === user);
  const session = {
    lab,
    /** Stops the PBX (every WebSocket drops), as an outage would. */
    async outage() {
      await session.lab.stop();
    },
    /** Brings the PBX back on the same port. */
    async restore() {
      session.lab = await startLab({ ...labOptions, port: session.lab.wsPort, udpPort: session.lab.udpPort });
    },
    account,
    /** The options-form values that register `user` with this lab. */
    settingsFor: (user, extra = {}) => ({
      wsUrl: session.lab.wsUrl,
      domain: session.lab.domain,
      username: user,
      secret: account(user).password,
      ...extra,
    }),
    /** Opens a registered remote phone for `user` in `browser`. */
    remote: (browser, user, opts = {}) =>
      openRemotePhone(browser, phones.url, {
        wsUrl: session.lab.wsUrl,
        domain: session.lab.domain,
        user,
        password: account(user).password,
        ...opts,
      }),
    async stop() {
      await phones.close();
      await session.lab.stop();
    },
  };
  return session;
}
