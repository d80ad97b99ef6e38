import { loadOdoo } from '../providers/odoo/store';
import { buildSipConfig } from '../settings/store';
import type { HostLink } from '../phone-host/link';
import { loadDevices } from '../settings/devices-store';

/** Sends the saved account to the phone host (it leaves an unchanged one running). */
export async function configureHost(link: HostLink): Promise<void> {
  const { config, missing, debug, defaultCountry } = await buildSipConfig();
  const odoo = await loadOdoo().catch(() => null);
  const devices = await loadDevices();
  await link.send({ type: 'host:configure', config, missing, debug, defaultCountry, odoo, devices });
}
