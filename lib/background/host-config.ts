import { loadOdoo } from '../providers/odoo/store';
import { buildSipConfig } from '../settings/store';
import type { HostLink } from '../phone-host/link';
import { loadDevices } from '../settings/devices-store';
import { loadDnd } from './dnd';

/** Sends the saved account to the phone host (it leaves an unchanged one running). */
export async function configureHost(link: HostLink): Promise<void> {
  const { config, missing, debug, defaultCountry } = await buildSipConfig();
  const odoo = await loadOdoo().catch(() => null);
  const devices = await loadDevices();
  const dnd = await loadDnd();
  await link.send({ type: 'host:configure', config, missing, debug, defaultCountry, odoo, devices, dnd });
}
