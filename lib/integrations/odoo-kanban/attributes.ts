/**
 * The contract between the MAIN-world reader (which can see Odoo's OWL components) and the
 * isolated-world toggles (which can talk to the extension): the card element carries its record's
 * database id and model in these attributes, written only by the MAIN-world reader.
 */
export const RES_ID_ATTR = 'data-voip-res-id';
export const RES_MODEL_ATTR = 'data-voip-res-model';
/** Marks the toggle button the isolated world inserts, so both sides can recognise it. */
export const TOGGLE_ATTR = 'data-voip-kanban-toggle';
/** The model whose cards get a toggle. */
export const CRM_LEAD = 'crm.lead';
