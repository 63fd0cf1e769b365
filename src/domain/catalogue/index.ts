/** The indicator catalogue: entries, matching a plan's rows to them, and unit conversion. */
export { catalogueById, defaultCatalogue } from './catalogue.ts';
export { diceSimilarity } from './dice.ts';
export { FUZZY_THRESHOLD, matchIndicator } from './match.ts';
export { fuzzyKey, normaliseName } from './normalise.ts';
export { canonicalUnit, normaliseValue, roundSignificant, unitFactor } from './units.ts';
export type * from './types.ts';
