// Sign-in timing by kind of failure (issue 14 part 7): an unknown e-mail, a wrong password and a
// locked account must take the same time and get the same answer. Prints median and p90 per kind.
// Run: npx tsx bench/sign-in-timing.ts [rounds]   (PGlite in memory; TEST_DATABASE_URL for PostgreSQL)
import { performance } from 'node:perf_hooks';
import { createTestApp } from '../tests/app';
import { makeUser } from '../tests/factories';

const rounds = Number(process.argv[2] ?? 40);
const test = await createTestApp({ SIGN_IN_MAX_FAILURES: 5 });
const attempt = async (email: string, password: string) => {
  const started = performance.now();
  const response = await test.app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });
  return { ms: performance.now() - started, answer: `${response.statusCode} ${response.body}` };
};

// Wrong passwords spread over several accounts, four each, so that none of them locks.
const wrongAccounts = await Promise.all(
  Array.from({ length: Math.ceil(rounds / 4) + 1 }, () => makeUser(test.handle.db)),
);
const locked = await makeUser(test.handle.db);
for (let i = 0; i < 5; i++) await attempt(locked.email, `wrong-${i}`);

const kinds = {
  unknown: (i: number) => attempt(`nobody-${i}@test.implementa.example`, 'some password'),
  'wrong password': (i: number) => attempt(wrongAccounts[Math.floor(i / 4)]?.email ?? '', `wrong-${i}`),
  locked: (i: number) => attempt(locked.email, `wrong-${i}`),
} as const;
const times: Record<string, number[]> = { unknown: [], 'wrong password': [], locked: [] };
const answers: Record<string, Set<string>> = { unknown: new Set(), 'wrong password': new Set(), locked: new Set() };

// Warm-up (JIT, the dummy hash), then the kinds interleaved so that machine noise hits all alike.
for (let i = 0; i < 3; i++) await kinds.unknown(1000 + i);
for (let i = 0; i < rounds; i++) {
  for (const [kind, run] of Object.entries(kinds)) {
    const { ms, answer } = await run(i);
    times[kind]?.push(ms);
    answers[kind]?.add(answer);
  }
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};
console.log(`sign-in failures, ${rounds} rounds each, ${test.handle.kind}`);
console.log('kind\tmedian ms\tp90 ms\tanswers');
for (const kind of Object.keys(kinds)) {
  const values = times[kind] ?? [];
  console.log(
    `${kind}\t${quantile(values, 0.5).toFixed(1)}\t${quantile(values, 0.9).toFixed(1)}\t${[...(answers[kind] ?? [])].join(' | ')}`,
  );
}
const all = new Set(Object.values(answers).flatMap((set) => [...set]));
console.log(all.size === 1 ? 'one answer for all three kinds' : `DIFFERENT ANSWERS: ${all.size}`);
await test.close();
