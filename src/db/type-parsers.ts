import { types as pgliteTypes } from '@electric-sql/pglite';
import type { ParserOptions } from '@electric-sql/pglite';
import pg from 'pg';

// PGlite and pg parse some types differently (pg: int8 -> string, date -> a Date at local midnight; PGlite:
// int8 -> number). The same SQL must give the same values on both, so these come back as PostgreSQL's own text:
// a date stays the day it is, and an int8 (count(*), a bigint id) never loses digits above 2^53.
const asText = (value: string): string => value;

/** PGlite's parsers: DATE and INT8 as text. */
export const pgliteParsers: ParserOptions = { [pgliteTypes.DATE]: asText, [pgliteTypes.INT8]: asText };

/** pg's parsers for one pool (not pg's global ones): DATE and INT8 as text, the rest as pg parses them. */
export function pgTypes(): pg.TypeOverrides {
  const types = new pg.TypeOverrides();
  types.setTypeParser(pg.types.builtins.DATE, 'text', asText);
  types.setTypeParser(pg.types.builtins.INT8, 'text', asText);
  return types;
}
