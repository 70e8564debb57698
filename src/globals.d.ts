/** Replaced at build time by esbuild with the package version. */
declare const __PAR_SCORE_VERSION__: string;
/**
 * Replaced at build time by esbuild with `metaKeyTable()` (src/input/header.ts): the header keys of
 * the column aliases, computed once when the bundle is built rather than at every start.
 */
declare const __PAR_SCORE_META_KEYS__: readonly (readonly [string, import('./read/header.js').MetaRole])[] | undefined;
