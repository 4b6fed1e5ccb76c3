// Preloaded with `node --import` by lazy-start.test.ts: appends every module URL the ES module
// loader resolves to the file named by COURIER_LOAD_LOG (hooks run on their own thread: a file, not stdout).
import { register } from 'node:module';

const hooks = `
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(process.env.COURIER_LOAD_LOG, result.url + '\\n');
  return result;
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
