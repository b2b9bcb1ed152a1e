// autocannon ships no types; bench/load-bench.ts types the part it uses.
declare module 'autocannon';
