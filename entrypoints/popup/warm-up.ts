// Imported first by main.ts: the database starts opening while the rest of the popup's modules
// are still being evaluated, so the first list does not wait for it afterwards.
import { dataProvider } from '../../lib/providers';

dataProvider().warmUp?.();
