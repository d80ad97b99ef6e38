/** Word lists for sample data: international names (with accents, to exercise folding), companies. */

export const FIRST_NAMES = [
  'Anna', 'Ben', 'Chloé', 'David', 'Elena', 'François', 'Grace', 'Hugo', 'Inès', 'Jakob', 'Julia',
  'Karim', 'Laura', 'Lukas', 'Marie', 'Mateo', 'Nina', 'Oliver', 'Paula', 'Quentin', 'Rosa',
  'Sofia', 'Thomas', 'Ursula', 'Victor', 'Wen', 'Xavier', 'Yara', 'Zoë', 'Ahmed', 'Björn',
  'Camille', 'Diego', 'Emma', 'Fatima', 'Giulia', 'Hannah', 'Isabel', 'Jonas', 'Kenji', 'Léa',
  'Marco', 'Noah', 'Olga', 'Pierre', 'Raphaël', 'Sara', 'Tobias', 'Valentina', 'William', 'Aisha',
  'Bruno', 'Clara', 'Daniel', 'Eva', 'Felix', 'Greta', 'Henrik', 'Ingrid', 'José', 'Katarzyna',
  'Liam', 'Mia', 'Nils', 'Olivia', 'Pablo', 'Renée', 'Søren', 'Tanja', 'Vincent', 'Yusuf', 'John',
] as const;

export const LAST_NAMES = [
  'Müller', 'Schneider', 'Dubois', 'Martin', 'García', 'Rossi', 'Smith', 'Johnson', 'Jansen',
  'Peeters', 'Novak', 'Kowalski', 'Andersson', 'Nielsen', 'Bernard', 'Fischer', 'Weber', 'Moreau',
  'López', 'Bianchi', 'Brown', 'Taylor', 'de Vries', 'Janssens', 'Horvat', 'Nowak', 'Johansson',
  'Hansen', 'Lefèvre', 'Becker', 'Wagner', 'Laurent', 'Fernández', 'Romano', 'Wilson', 'Davies',
  'van Dijk', 'Maes', 'Dvořák', 'Wiśniewski', 'Lindqvist', 'Jensen', 'Girard', 'Hoffmann',
  'Schulz', 'Fontaine', 'Martínez', 'Colombo', 'Evans', "O'Brien", 'Bakker', 'Claes', 'Svoboda',
  'Wójcik', 'Karlsson', 'Pedersen', 'Roux', 'Koch', 'Richter', 'Mercier', 'Sánchez', 'Ricci',
  'Thomas', 'Walsh', 'Visser', 'Willems', 'Černý', 'Kamiński', 'Nilsson', 'Larsen', 'Ødegaard',
] as const;

/** Company names with their domain; sample domains use the reserved .example TLD. */
export const COMPANIES = [
  ['Acme Logistics', 'acme-logistics'], ['Nordwind GmbH', 'nordwind'], ['Boulangerie Lefort', 'lefort'],
  ['Bluefin Analytics', 'bluefin'], ['Castello Vini', 'castellovini'], ['Delta Freight', 'deltafreight'],
  ['Edelweiss Versicherungen', 'edelweiss'], ['Fjord Systems', 'fjordsystems'], ['Granite Partners', 'granite'],
  ['Helios Energía', 'helios'], ['Iberia Textil', 'iberiatextil'], ['Juniper Health', 'juniper'],
  ['Kestrel Aviation', 'kestrel'], ['Lumière Studio', 'lumiere'], ['Maple & Oak Legal', 'mapleoak'],
  ['Nova Robotics', 'novarobotics'], ['Orchard Foods', 'orchardfoods'], ['Pilot Software', 'pilotsoft'],
  ['Quarzo Design', 'quarzo'], ['Rheinland Bau', 'rheinlandbau'], ['Solaris Finance', 'solaris'],
  ['Tulip Trading', 'tuliptrading'], ['Umbria Ceramiche', 'umbria'], ['Vega Telecom', 'vegatelecom'],
  ['Westbrook Retail', 'westbrook'], ['Zephyr Mobility', 'zephyr'], ['Atlas Pharma', 'atlaspharma'],
  ['Brightside Media', 'brightside'], ['Cobalt Mining', 'cobalt'], ['Dune Outdoor', 'dune'],
] as const;

export const ACTIVITY_SUMMARIES = [
  'Call back about the quote', 'Follow up on the demo', 'Confirm delivery date', 'Discuss renewal',
  'Check payment status', 'Introduce the new price list', 'Schedule onboarding', 'Ask for feedback',
  'Present the proposal', 'Clarify the contract terms',
] as const;
