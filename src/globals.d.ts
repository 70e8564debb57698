/** Replaced at build time by esbuild with the package version. */
declare const __PAR_SCORE_VERSION__: string;
