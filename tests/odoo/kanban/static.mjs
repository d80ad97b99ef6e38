// Static files of the CRM Kanban fixture web client, served by the test double under
// /kanban-fixture/ (same origin as the JSON-RPC routes, so the session cookie applies). Its page
// is also served where Odoo serves its web client — `/web` (16, 17: addons/web/controllers/
// home.py routes '/web') and `/odoo`, `/odoo/<path>` (17.2+ and 18, 19) — which is where the
// extension registers its Kanban scripts; the /kanban-fixture/ copy stands for any other page of
// the Odoo origin (website, portal), where they must not run.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OWL = path.resolve(HERE, '../../../node_modules/@odoo/owl/dist/owl.iife.js');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };
export const KANBAN_FIXTURE_PREFIX = '/kanban-fixture/';

/** Answers GET /kanban-fixture/…, /web and /odoo/… and returns true, or returns false for any other request. */
export function serveKanbanFixture(req, res, pathname) {
  const webClient = pathname === '/web' || pathname === '/odoo' || pathname.startsWith('/odoo/');
  if (req.method !== 'GET' || !(webClient || pathname.startsWith(KANBAN_FIXTURE_PREFIX))) return false;
  const name = webClient ? 'index.html' : pathname.slice(KANBAN_FIXTURE_PREFIX.length) || 'index.html';
  const file = name === 'owl.js' ? OWL : /^[\w-]+\.(?:html|js|css)$/.test(name) ? path.join(HERE, name) : null;
  if (!file || !fs.existsSync(file)) {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
    return true;
  }
  res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)], 'Cache-Control': 'no-store' });
  res.end(fs.readFileSync(file));
  return true;
}
