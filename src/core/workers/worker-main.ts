/**
 * The worker thread entry: esbuild bundles it to dist/worker.js (the pool's `script`). It serves
 * the production task registry; see tasks.ts to add a task.
 */
import { serveTasks } from './dispatcher';
import { tasks } from './tasks';

serveTasks(tasks);
