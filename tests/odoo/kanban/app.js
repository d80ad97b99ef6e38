// A small Odoo-like web client for the CRM pipeline, built on the real OWL runtime Odoo 17/18 use
// (window.owl from node_modules/@odoo/owl). It reproduces the component tree and the card DOM the
// softphone's Kanban integration depends on; everything else about Odoo is left out.
// Open as /web?version=17 or /odoo/crm?version=18 (the web client paths), or /kanban-fixture/index.html?version=17; data comes from the test double over
// JSON-RPC. Test hooks: window.__kanban (see the end of this file).
/* global owl */
const { Component, mount, onMounted, onWillStart, onWillUnmount, useState, xml } = owl;

const params = new URLSearchParams(location.search);
const STAGES = [
  { id: 1, name: 'New' },
  { id: 2, name: 'Qualified' },
  { id: 3, name: 'Proposition' },
  { id: 4, name: 'Won' },
];
const FIELDS = ['name', 'partner_id', 'phone', 'email_from', 'user_id', 'stage_id', 'type'];
/** Cards per column before "Load more", and per click. */
const PAGE = Number(params.get('limit') ?? 3);

// ---- JSON-RPC, as Odoo's web client sends it ----------------------------------------------------
let rpcId = 0;
let inFlight = 0;
async function rpc(route, body) {
  inFlight++;
  try {
    const res = await fetch(route, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: ++rpcId, params: body }),
    });
    const json = await res.json();
    if (json.error) throw Object.assign(new Error(json.error.data?.message ?? json.error.message), { data: json.error.data });
    return json.result;
  } finally {
    inFlight--;
  }
}
const orm = (model, method, args = [], kwargs = {}) => rpc(`/web/dataset/call_kw/${model}/${method}`, { model, method, args, kwargs });

async function session() {
  try {
    return await rpc('/web/session/get_session_info', {});
  } catch {
    const login = params.get('login') ?? 'admin';
    return rpc('/web/session/authenticate', { db: params.get('db') ?? 'demo', login, password: params.get('password') ?? login });
  }
}

// ---- Records: a datapoint id per instance (never the database id), like Odoo's relational model ----
let nextDatapoint = 1;
class Record {
  constructor(data) {
    this.id = `datapoint_${nextDatapoint++}`;
    this.resId = data.id;
    this.resModel = 'crm.lead';
    this.data = { ...data };
  }
}

// ---- Field widgets: components with props.record, as in Odoo (the reader must skip them) ----------
class PriorityField extends Component {
  static template = xml`
    <div class="o_field_widget o_field_priority" name="priority">
      <div class="o_priority" role="radiogroup" aria-label="Priority">
        <a href="#" class="o_priority_star" role="radio" aria-checked="false" title="Important" aria-label="Important" t-on-click.prevent="() => {}">☆</a>
      </div>
    </div>`;
}

class KanbanActivity extends Component {
  static template = xml`
    <div class="o_field_widget o_field_kanban_activity" name="activity_ids">
      <div class="o-mail-ActivityButton-wrap">
        <a class="o-mail-ActivityButton" role="button" href="#" title="Show activities" aria-label="Show activities" t-on-click.prevent="() => {}">
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true"><circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M8 4.2V8l2.6 1.6" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/></svg>
        </a>
      </div>
    </div>`;
}

class AvatarUser extends Component {
  static template = xml`
    <div class="o_field_widget o_field_many2one_avatar_user" name="user_id">
      <span class="o_avatar o_m2o_avatar" t-att-title="name" t-att-style="'background:' + color"><t t-esc="initials"/></span>
    </div>`;
  get name() {
    return this.props.record.data.user_id ? this.props.record.data.user_id[1] : '';
  }
  get initials() {
    return this.name.split(/\s+/).map((w) => w[0] ?? '').join('').slice(0, 2) || '?';
  }
  get color() {
    const hues = [200, 25, 140, 280, 340];
    return `hsl(${hues[(this.props.record.data.user_id?.[0] ?? 0) % hues.length]} 45% 48%)`;
  }
}

// ---- The card: Odoo 16/17 <div role="article">, Odoo 18 <article>, Odoo 19 <article role="link"> --
const CARD_BODY = `
  <div class="oe_kanban_content flex-grow-1">
    <div class="o_kanban_record_title"><strong class="o_text_overflow" t-esc="props.record.data.name"/></div>
    <div class="o_kanban_record_subtitle text-muted" t-if="props.record.data.partner_id"><span t-esc="props.record.data.partner_id[1]"/></div>
    <div class="o_kanban_tags" t-if="!props.record.data.phone"><span class="o_tag">no phone</span></div>
  </div>`;
class KanbanRecord17 extends Component {
  static components = { PriorityField, KanbanActivity, AvatarUser };
  static template = xml`
    <div role="article" class="o_kanban_record d-flex flex-grow-1 flex-md-shrink-1 flex-shrink-0 oe_kanban_global_click" t-att-data-id="props.record.id" tabindex="0" t-on-click="onGlobalClick">
      ${CARD_BODY}
      <div class="o_kanban_record_bottom">
        <div class="oe_kanban_bottom_left">
          <PriorityField record="props.record"/>
          <KanbanActivity record="props.record"/>
        </div>
        <div class="oe_kanban_bottom_right"><AvatarUser record="props.record"/></div>
      </div>
    </div>`;
  onGlobalClick(ev) {
    if (ev.target.closest('a, button, input, .o_field_widget')) return;
    this.props.onOpen(this.props.record.resId);
  }
}
class KanbanRecord18 extends KanbanRecord17 {
  static template = xml`
    <article class="o_kanban_record d-flex flex-column" t-att-data-id="props.record.id" tabindex="0" t-on-click="onGlobalClick">
      ${CARD_BODY}
      <footer class="pt-1">
        <div class="d-flex mt-auto align-items-center">
          <PriorityField record="props.record"/>
          <KanbanActivity record="props.record"/>
        </div>
        <div class="d-flex ms-auto align-items-center"><AvatarUser record="props.record"/></div>
      </footer>
    </article>`;
}

class KanbanRecord19 extends KanbanRecord17 {
  static template = xml`
    <article role="link" class="o_kanban_record d-flex flex-column cursor-pointer" t-att-data-id="props.record.id" t-att-tabindex="props.sample ? -1 : 0" t-on-click="onGlobalClick">
      ${CARD_BODY}
      <footer class="pt-1">
        <div class="d-flex mt-auto align-items-center">
          <PriorityField record="props.record"/>
          <KanbanActivity record="props.record"/>
        </div>
        <div class="d-flex ms-auto align-items-center"><AvatarUser record="props.record"/></div>
      </footer>
    </article>`;
}

// ---- Renderer: columns per group, "Load more", pointer drag between stages ------------------------
class KanbanRenderer extends Component {
  static components = { KanbanRecord17, KanbanRecord18, KanbanRecord19 };
  static template = xml`
    <div class="o_kanban_renderer o_renderer d-flex o_kanban_grouped" t-on-pointerdown="onPointerDown">
      <t t-foreach="props.groups" t-as="group" t-key="group.key">
        <div class="o_kanban_group" t-att-data-group-key="group.key" t-att-data-stage-id="props.groupBy === 'stage_id' ? group.value : false">
          <div class="o_kanban_header">
            <div class="o_kanban_header_title">
              <span class="o_column_title" t-esc="group.name"/>
              <span class="o_kanban_counter" t-esc="group.count"/>
            </div>
          </div>
          <t t-foreach="group.records" t-as="record" t-key="record.id">
            <KanbanRecord17 t-if="props.version lt 18" record="record" onOpen="props.onOpen"/>
            <KanbanRecord18 t-elif="props.version lt 19" record="record" onOpen="props.onOpen"/>
            <KanbanRecord19 t-else="" record="record" sample="props.sample" onOpen="props.onOpen"/>
          </t>
          <div t-if="group.records.length lt group.count" class="o_kanban_load_more">
            <button type="button" class="btn btn-outline-primary" t-on-click="() => props.onLoadMore(group.key)">Load more... (<t t-esc="group.count - group.records.length"/> remaining)</button>
          </div>
        </div>
      </t>
    </div>`;

  setup() {
    this.drag = null;
    this.onMove = (ev) => this.dragMove(ev);
    this.onUp = (ev) => this.dragEnd(ev);
    onWillUnmount(() => this.stopListening());
  }
  stopListening() {
    window.removeEventListener('pointermove', this.onMove);
    window.removeEventListener('pointerup', this.onUp);
  }
  onPointerDown(ev) {
    const card = ev.target.closest('.o_kanban_record');
    // Like Odoo's sortable: no drag from links, buttons and fields, and only between stages.
    if (ev.button !== 0 || !card || ev.target.closest('a, button, input') || this.props.groupBy !== 'stage_id') return;
    const record = this.props.groups.flatMap((g) => g.records).find((r) => r.id === card.dataset.id);
    if (!record) return;
    this.drag = { record, card, x: ev.clientX, y: ev.clientY, moved: false };
    window.addEventListener('pointermove', this.onMove);
    window.addEventListener('pointerup', this.onUp);
  }
  dragMove(ev) {
    const d = this.drag;
    if (!d) return;
    const dx = ev.clientX - d.x;
    const dy = ev.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < 6) return;
    d.moved = true;
    d.card.classList.add('o_dragged');
    d.card.style.transform = `translate(${dx}px, ${dy}px) rotate(2deg)`;
  }
  dragEnd(ev) {
    const d = this.drag;
    this.drag = null;
    this.stopListening();
    if (!d?.moved) return;
    d.card.classList.remove('o_dragged');
    d.card.style.transform = '';
    // Swallow the click that follows the drop (it would open the record).
    window.addEventListener('click', (e) => e.stopPropagation(), { capture: true, once: true });
    const target = document.elementFromPoint(ev.clientX, ev.clientY)?.closest('.o_kanban_group');
    const stageId = Number(target?.dataset.stageId);
    if (stageId && stageId !== d.record.data.stage_id) this.props.onMove(d.record.resId, stageId);
  }
}

// ---- Controller: search, group by, loading, moves ----------------------------------------------
class KanbanController extends Component {
  static components = { KanbanRenderer };
  static template = xml`
    <div class="o_action o_view_controller o_kanban_view o_opportunity_kanban">
      <div class="o_control_panel d-flex">
        <ol class="breadcrumb"><li class="breadcrumb-item active">Pipeline</li></ol>
        <div class="o_cp_searchview">
          <input class="o_searchview_input" type="search" placeholder="Search..." aria-label="Search" t-att-value="state.search" t-on-change="(ev) => this.filter(ev.target.value)"/>
          <label class="o_group_by_label">Group By
            <select class="o_group_by" t-on-change="(ev) => this.groupBy(ev.target.value)">
              <option value="stage_id" t-att-selected="state.groupBy === 'stage_id'">Stage</option>
              <option value="user_id" t-att-selected="state.groupBy === 'user_id'">Salesperson</option>
            </select>
          </label>
        </div>
      </div>
      <div class="o_content" t-att-class="{ o_view_sample_data: state.sample }">
        <KanbanRenderer groups="state.groups" groupBy="state.groupBy" version="props.version" sample="state.sample"
          onMove.bind="move" onLoadMore.bind="loadMore" onOpen="props.onOpen"/>
      </div>
    </div>`;

  setup() {
    this.state = useState({ groupBy: params.get('groupby') === 'user_id' ? 'user_id' : 'stage_id', search: (params.get('search') ?? '').trim(), groups: [], sample: false });
    // Odoo's sample mode (the CRM pipeline's kanban has sample="1"): a first load that finds
    // nothing shows made-up records instead, in a view marked o_view_sample_data.
    onWillStart(async () => {
      await this.load();
      if (this.state.groups.every((g) => g.count === 0)) this.showSamples();
    });
    onMounted(() => (api.controller = this));
    onWillUnmount(() => {
      if (api.controller === this) api.controller = null;
    });
  }
  domain() {
    const d = [['type', '=', 'opportunity']];
    if (this.state.search) d.push(['name', 'ilike', this.state.search]);
    return d;
  }
  async groupDefs() {
    if (this.state.groupBy === 'stage_id') return STAGES.map((s) => ({ key: `stage_${s.id}`, name: s.name, value: s.id }));
    const rows = await orm('crm.lead', 'search_read', [], { domain: this.domain(), fields: ['user_id'] });
    const users = new Map(rows.map((r) => [r.user_id ? r.user_id[0] : false, r.user_id ? r.user_id[1] : 'None']));
    return [...users].sort((a, b) => String(a[1]).localeCompare(b[1])).map(([id, name]) => ({ key: `user_${id}`, name, value: id }));
  }
  async load() {
    const defs = await this.groupDefs();
    const groups = await Promise.all(
      defs.map(async (def) => {
        const domain = [...this.domain(), [this.state.groupBy, '=', def.value]];
        const [count, rows] = await Promise.all([
          orm('crm.lead', 'search_count', [domain]),
          orm('crm.lead', 'search_read', [], { domain, fields: FIELDS, limit: PAGE, order: 'id' }),
        ]);
        return { ...def, count, records: rows.map((r) => new Record(r)) };
      }),
    );
    this.state.groups = groups;
  }
  /**
   * Like Odoo's SampleServer: records with small integer ids (1, 2, 3…) that are NOT the leads of
   * those ids; any real search or move leaves sample mode.
   */
  showSamples() {
    const names = ['Sample: Office chairs', 'Sample: Desk lamps', 'Sample: Meeting table'];
    let id = 0;
    this.state.sample = true;
    for (const group of this.state.groups.slice(0, names.length)) {
      id++;
      group.records = [new Record({ id, name: names[id - 1], partner_id: false, phone: '+1 555 0100', email_from: false, user_id: [2, 'Mitchell Admin'], stage_id: group.value, type: 'opportunity' })];
      group.count = 1;
    }
  }
  async filter(text) {
    this.state.sample = false;
    this.state.search = String(text ?? '').trim();
    await this.load();
  }
  async groupBy(field) {
    this.state.groupBy = field === 'user_id' ? 'user_id' : 'stage_id';
    await this.load();
  }
  async loadMore(key) {
    for (const group of this.state.groups) {
      if (key !== undefined && group.key !== key) continue;
      if (group.records.length >= group.count) continue;
      const domain = [...this.domain(), [this.state.groupBy, '=', group.value]];
      const rows = await orm('crm.lead', 'search_read', [], { domain, fields: FIELDS, offset: group.records.length, limit: PAGE, order: 'id' });
      group.records.push(...rows.map((r) => new Record(r)));
    }
  }
  /** A drop in another stage: saved on the server, and the card re-created in its new column. */
  async move(resId, stageId) {
    await orm('crm.lead', 'write', [[resId], { stage_id: stageId }]);
    const [row] = await orm('crm.lead', 'read', [[resId]], { fields: FIELDS });
    const fresh = new Record(row);
    for (const group of this.state.groups) {
      const i = group.records.findIndex((r) => r.resId === resId);
      if (i >= 0) {
        group.records.splice(i, 1);
        group.count--;
      }
    }
    const key = this.state.groupBy === 'stage_id' ? `stage_${stageId}` : `user_${row.user_id ? row.user_id[0] : false}`;
    const target = this.state.groups.find((g) => g.key === key);
    if (target) {
      target.records.unshift(fresh);
      target.count++;
    }
  }
}

// ---- Other views: a form (opened from a card) and a contacts list (another menu) -----------------
class FormView extends Component {
  static template = xml`
    <div class="o_action o_view_controller o_form_view">
      <div class="o_control_panel d-flex">
        <ol class="breadcrumb">
          <li class="breadcrumb-item"><a href="#" t-on-click.prevent="props.onBack">Pipeline</a></li>
          <li class="breadcrumb-item active" t-esc="state.name"/>
        </ol>
      </div>
      <div class="o_content o_form_sheet"><h1 t-esc="state.name"/><p t-esc="state.phone"/></div>
    </div>`;
  setup() {
    this.state = useState({ name: '', phone: '' });
    onWillStart(async () => {
      const [row] = await orm('crm.lead', 'read', [[this.props.resId]], { fields: ['name', 'phone'] });
      Object.assign(this.state, { name: row.name, phone: row.phone || '' });
    });
  }
}

class ContactsView extends Component {
  static template = xml`
    <div class="o_action o_view_controller o_list_view">
      <div class="o_control_panel d-flex"><ol class="breadcrumb"><li class="breadcrumb-item active">Contacts</li></ol></div>
      <div class="o_content"><table class="o_list_table"><tbody>
        <tr t-foreach="state.rows" t-as="row" t-key="row.id" class="o_data_row"><td t-esc="row.name"/></tr>
      </tbody></table></div>
    </div>`;
  setup() {
    this.state = useState({ rows: [] });
    onWillStart(async () => {
      this.state.rows = await orm('res.partner', 'search_read', [], { fields: ['name'], limit: 10, order: 'name' });
    });
  }
}

// ---- Web client ------------------------------------------------------------------------------
class WebClient extends Component {
  static components = { KanbanController, FormView, ContactsView };
  static template = xml`
    <div class="o_web_client_inner d-flex flex-column" t-att-data-odoo-version="props.version">
      <header class="o_navbar">
        <nav class="o_main_navbar">
          <span class="o_menu_brand">CRM</span>
          <a href="#" class="o_nav_entry" data-menu="pipeline" t-on-click.prevent="() => this.go('kanban')">Pipeline</a>
          <a href="#" class="o_nav_entry" data-menu="contacts" t-on-click.prevent="() => this.go('contacts')">Contacts</a>
          <span class="o_fixture_note">Odoo <t t-esc="props.version"/> kanban fixture</span>
        </nav>
      </header>
      <main class="o_action_manager">
        <KanbanController t-if="state.view === 'kanban'" version="props.version" onOpen.bind="open"/>
        <FormView t-elif="state.view === 'form'" resId="state.resId" onBack="() => this.go('kanban')"/>
        <ContactsView t-else=""/>
      </main>
    </div>`;
  setup() {
    this.state = useState({ view: 'kanban', resId: 0 });
    api.webClient = this;
  }
  go(view) {
    this.state.view = view;
  }
  open(resId) {
    Object.assign(this.state, { view: 'form', resId });
  }
}

// ---- Test hooks ------------------------------------------------------------------------------
const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r()));
const api = {
  controller: null,
  webClient: null,
  version: 0,
  /** Resolves when no request is running and OWL has rendered (two frames later). */
  async idle() {
    for (let quiet = 0; quiet < 3; ) {
      await nextFrame();
      quiet = inFlight === 0 ? quiet + 1 : 0;
    }
  },
  async call(fn) {
    if (!api.controller) throw new Error('the kanban view is not shown');
    await fn(api.controller);
    await api.idle();
  },
  move: (resId, stageId) => api.call((c) => c.move(resId, stageId)),
  filter: (text) => api.call((c) => c.filter(text)),
  groupBy: (field) => api.call((c) => c.groupBy(field)),
  loadMore: (groupKey) => api.call((c) => c.loadMore(groupKey)),
  async navigate(view) {
    api.webClient.go(view);
    await api.idle();
  },
};
window.__kanban = api;

api.ready = (async () => {
  const info = await session();
  // '19', 19 or an Odoo Online build's 'saas~18': the markup follows the major version.
  const major = Number(/\d+/.exec(String(params.get('version') ?? info.server_version_info?.[0] ?? 17))?.[0] ?? 17);
  api.version = major >= 19 ? 19 : major >= 18 ? 18 : 17;
  document.body.classList.add(`o_fixture_v${api.version}`);
  // Odoo defines `odoo` early and sets the debug root only once the web client is mounted.
  window.odoo = window.odoo ?? {};
  const delay = Number(params.get('delay') ?? 0);
  if (delay) await new Promise((r) => setTimeout(r, delay));
  const root = await mount(WebClient, document.body, { props: { version: api.version }, dev: params.has('dev') });
  window.odoo.__WOWL_DEBUG__ = { root };
  await api.idle();
})();
