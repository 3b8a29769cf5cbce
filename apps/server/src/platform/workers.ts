import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread on a module next to the caller: the compiled `.js` in production, the `.ts`
 * source under the test runner and `npm run dev`. Node 20 does not pass the parent's TypeScript loader
 * to workers, so a source worker first registers tsx itself.
 */
export function startWorker(callerUrl: string, baseName: string, workerData: unknown): Worker {
  const fromSource = callerUrl.endsWith('.ts');
  const target = new URL(`./${baseName}${fromSource ? '.ts' : '.js'}`, callerUrl);
  if (!fromSource) return new Worker(target, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const shim = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(target.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(shim)}`), {
    workerData,
    execArgv: ['--conditions=source'],
  });
}
