// One lab for a test file: Kamailio, the remote-phone server, and helpers to open far ends.
import { startLab } from '../../lab/kamailio.mjs';
import { openRemotePhone, startRemotePhoneServer } from '../../lab/remote-phone.mjs';

export async function startLabSession() {
  const lab = await startLab();
  const phones = await startRemotePhoneServer();
  const account = (user) => lab.accounts.find((a) => a.user === user);
  return {
    lab,
    account,
    /** Opens a registered remote phone for `user` in `browser`. */
    remote: (browser, user, opts = {}) =>
      openRemotePhone(browser, phones.url, {
        wsUrl: lab.wsUrl,
        domain: lab.domain,
        user,
        password: account(user).password,
        ...opts,
      }),
    async stop() {
      await phones.close();
      await lab.stop();
    },
  };
}
