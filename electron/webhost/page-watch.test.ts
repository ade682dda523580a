import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { pageFilesOf, pageWatch } from './page-watch';

describe('the files a built page names', () => {
  it('lists its scripts, module preloads and stylesheets as URL paths, nothing else', () => {
    const html = `<!doctype html><head>
      <script type="module" crossorigin src="./assets/index-A.js"></script>
      <link rel="modulepreload" crossorigin href="./assets/vue-B.js">
      <link rel="stylesheet" crossorigin href="./assets/index-C.css">
      <link rel="icon" href="./favicon.ico">
      <script src="https://example.org/x.js"></script>
      </head><body><script src="./zod-jitless.js"></script></body>`;
    expect(pageFilesOf(html)).toEqual([
      '/assets/index-A.js',
      '/assets/vue-B.js',
      '/assets/index-C.css',
      '/zod-jitless.js',
    ]);
  });
});

describe('pageWatch', () => {
  const settled = (p: Promise<void>) => {
    let done = false;
    void p.then(() => (done = true));
    return () => done;
  };
  const tick = () => new Promise((r) => setTimeout(r, 0));

  it('waits until every named file has been sent, not merely asked for', async () => {
    const watch = pageWatch(['/a.js', '/b.css']);
    const done = settled(watch.pageFetched(10_000));
    const a = new EventEmitter();
    const b = new EventEmitter();
    watch.request('/', undefined);
    watch.request('/a.js', a);
    watch.request('/b.css', b);
    a.emit('close');
    await tick();
    expect(done()).toBe(false);
    b.emit('close');
    await tick();
    expect(done()).toBe(true);
  });

  it('ends the wait at the first API call', async () => {
    const watch = pageWatch(['/a.js']);
    const done = settled(watch.pageFetched(10_000));
    watch.request('/api/app.bootstrap', new EventEmitter());
    await tick();
    expect(done()).toBe(true);
  });
});
