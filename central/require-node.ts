import { nodeVersionProblem } from '../shared/runtime/startup';

// Imported first by central/main.ts: on an older Node, better-sqlite3 crashes without a word.
const problem = nodeVersionProblem(process.versions.node);
if (problem) {
  console.error(problem);
  process.exit(1);
}
