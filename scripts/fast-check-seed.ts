// Property tests explore new random cases on every local run; in CI (or with FC_SEED) they replay one
// known seed, so a landing is reproducible. A failure prints its seed either way: rerun with
// FC_SEED=<seed> to replay it.
import fc from 'fast-check';

const pinned = process.env.FC_SEED ?? (process.env.CI ? '20261121' : undefined);
if (pinned !== undefined) fc.configureGlobal({ seed: Number(pinned) });
