/** The package version, replaced at build time by esbuild. */
export const VERSION = typeof __PAR_SCORE_VERSION__ === 'string' ? __PAR_SCORE_VERSION__ : '0.0.0-dev';
