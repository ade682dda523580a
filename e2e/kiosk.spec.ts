import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The customer kiosk as its own station (`--role kiosk`, no sign-in): the idle wipe driven by
 * Playwright's clock, the blocked keys and ways out, markup shown as text, and the station
 * lock. Every test name says "kiosk".
 */
test.use({ station: 'kiosk' });

const IDLE_S = 90; // station default (station.get kioskIdleSeconds)
const COUNTDOWN_S = 15;

/** A small seeded generator: a failing run prints its seed and can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const digits = (r: () => number, n: number) =>
  Array.from({ length: n }, () => Math.floor(r() * 10)).join('');

interface Canary {
  appNo: string;
  lookupMobile: string;
  name: string;
  idNumber: string;
  mobile: string;
  accountNo: string;
  province: string;
  city: string;
  district: string;
  detail: string;
  note: string;
  ticket: string;
}

/** Personal-looking data unique to one run: if any of it survives the wipe, the run fails. */
function canary(r: () => number): Canary {
  const tag = digits(r, 6);
  return {
    appNo: `Q${tag}${digits(r, 6)}`,
    lookupMobile: `139${digits(r, 8)}`,
    name: `金丝雀${tag}`,
    idNumber: `${digits(r, 17)}X`,
    mobile: `137${digits(r, 8)}`,
    accountNo: `9${digits(r, 9)}`,
    province: `雀省${tag}`,
    city: `雀市${tag}`,
    district: `雀区${tag}`,
    detail: `金丝雀路${tag}号${digits(r, 3)}室`,
    note: `canary-note-${tag}`,
    ticket: `Z${tag}`,
  };
}

/**
 * Types a screen's values: into one field with real keystrokes (sometimes), the rest set in one
 * round trip the way a browser's own typing ends, with an input event per field (what v-model
 * listens to). One page, many cycles: this keeps 100 runs to a minute or two.
 */
async function typeScreen(page: Page, values: Record<string, string>, keys: boolean) {
  const entries = Object.entries(values);
  const [first, ...rest] = entries;
  if (first) await page.getByTestId(first[0]).waitFor({ state: 'attached' }); // a lazy route
  if (keys && first) {
    await page.getByTestId(first[0]).click();
    await page.keyboard.type(first[1]);
  }
  await page.evaluate(
    (list) => {
      for (const [id, value] of list) {
        const el = document.querySelector(`[data-testid="${id}"]`) as HTMLInputElement | null;
        if (!el) throw new Error(`no field ${id}`);
        el.value = value;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      }
    },
    keys ? rest : entries,
  );
}

/** A tap in one round trip (the element's own click), for the hundred runs' many buttons. */
const tap = (page: Page, testId: string) =>
  page.evaluate((id) => {
    const el = document.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;
    if (!el) throw new Error(`no ${id}`);
    el.click();
  }, testId);

type Screen = 'lookup' | 'apply' | 'rate' | 'checkin';
async function visit(page: Page, screen: Screen, c: Canary, r: () => number) {
  await tap(page, `kiosk-menu-${screen}`);
  const keys = r() < 0.3;
  if (screen === 'lookup') {
    await typeScreen(
      page,
      { 'kiosk-lookup-appno': c.appNo, 'kiosk-lookup-mobile': c.lookupMobile },
      keys,
    );
  } else if (screen === 'apply') {
    await page.getByTestId('kiosk-apply-type').selectOption('NEW_LV_RES');
    await typeScreen(
      page,
      {
        'kiosk-apply-name': c.name,
        'kiosk-apply-id': c.idNumber,
        'kiosk-apply-mobile': c.mobile,
        'kiosk-apply-account': c.accountNo,
        'kiosk-apply-province': c.province,
        'kiosk-apply-city': c.city,
        'kiosk-apply-district': c.district,
        'kiosk-apply-detail': c.detail,
        'kiosk-apply-note': c.note,
      },
      keys,
    );
  } else if (screen === 'checkin') {
    const code = { 'kiosk-checkin-code': '123456' }; // 预约签到; the code is not personal
    await typeScreen(page, { 'kiosk-checkin-mobile': c.lookupMobile, ...code }, keys);
  } else {
    await typeScreen(page, { 'kiosk-rate-ticket': c.ticket }, keys);
    await tap(page, 'kiosk-rate-satisfied');
  }
}

/** Everything the page holds: markup, input values, all Pinia state, both storages. */
function snapshot(page: Page) {
  return page.evaluate(() => {
    const values = [...document.querySelectorAll('input, textarea, select')].map(
      (el) => (el as HTMLInputElement).value,
    );
    const app = (
      document.querySelector('#app') as unknown as {
        __vue_app__?: { config: { globalProperties: { $pinia?: { state: { value: unknown } } } } };
      }
    ).__vue_app__;
    const pinia = app?.config.globalProperties.$pinia;
    const dump = (s: Storage) =>
      Object.fromEntries(
        Array.from({ length: s.length }, (_, i) => s.key(i) as string).map((k) => [
          k,
          s.getItem(k),
        ]),
      );
    return {
      dom: document.documentElement.outerHTML,
      values: values.join('\n'),
      stores: pinia ? JSON.stringify(pinia.state.value) : 'NO PINIA',
      session: JSON.stringify(dump(sessionStorage)),
      local: JSON.stringify(dump(localStorage)),
      hash: location.hash,
      historyLength: history.length,
    };
  });
}

const leaks = (haystack: string, c: Canary): string[] =>
  Object.entries(c)
    .filter(([, v]) => haystack.includes(v))
    .map(([k]) => k);

test('kiosk idle wipe: canary data typed on every screen is gone from DOM, stores and storage — 100 randomized runs', async ({
  page,
}) => {
  test.setTimeout(600_000);
  await page.clock.install();
  await page.goto('/#/kiosk');
  await expect(page.getByTestId('kiosk-menu-ticket')).toBeVisible();
  await page.clock.pauseAt(Date.now() + 1000);
  const startHistory = (await snapshot(page)).historyLength;
  const RUNS = Number(process.env.KIOSK_RUNS ?? 100);
  const seed = Number(process.env.KIOSK_SEED ?? Date.now() % 1_000_000);
  const r = rng(seed);
  for (let run = 0; run < RUNS; run++) {
    const c = canary(r);
    const screens = (['lookup', 'apply', 'rate', 'checkin'] as Screen[])
      .map((s) => ({ s, k: r() }))
      .sort((a, b) => a.k - b.k)
      .map((x) => x.s);
    if (r() < 0.3) await tap(page, 'kiosk-large-print');
    for (const screen of screens) {
      await visit(page, screen, c, r);
      await tap(page, 'kiosk-home');
    }
    // Sometimes the wipe catches the customer mid-screen.
    if (r() < 0.5) await tap(page, `kiosk-menu-${screens[0]}`);
    // Positive control: the data is really held before the wipe.
    const before = await snapshot(page);
    expect(leaks(before.stores, c), `seed ${seed} run ${run}: stores hold the canary`).not.toEqual(
      [],
    );
    expect(leaks(before.session, c), `seed ${seed} run ${run}: storage holds it`).not.toEqual([]);

    // Idle: the countdown appears; sometimes the customer taps "keep going" and nothing is lost.
    await page.clock.fastForward((IDLE_S + 1) * 1000);
    await expect(page.getByTestId('kiosk-idle')).toBeVisible();
    if (r() < 0.3) {
      // Any touch cancels the countdown at pointerdown, so the button is gone before a "click"
      // completes: press it with the mouse directly rather than through a retrying click().
      const box = await page.getByTestId('kiosk-idle-stay').boundingBox();
      if (!box) throw new Error('no stay button');
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await expect(page.getByTestId('kiosk-idle')).toBeHidden();
      const kept = await snapshot(page);
      expect(leaks(kept.stores, c), `seed ${seed} run ${run}: kept after stay`).not.toEqual([]);
      await page.clock.fastForward((IDLE_S + 1) * 1000);
      await expect(page.getByTestId('kiosk-idle')).toBeVisible();
    }
    await page.clock.fastForward((COUNTDOWN_S + 1) * 1000);
    await expect(page.getByTestId('kiosk-idle')).toBeHidden();
    await expect(page.getByTestId('kiosk-menu-ticket')).toBeVisible();

    const after = await snapshot(page);
    const where = `seed ${seed} run ${run}`;
    expect(after.hash, where).toBe('#/kiosk');
    expect(leaks(after.dom, c), `${where}: DOM`).toEqual([]);
    expect(leaks(after.values, c), `${where}: input values`).toEqual([]);
    expect(leaks(after.stores, c), `${where}: Pinia stores`).toEqual([]);
    expect(leaks(after.session, c), `${where}: sessionStorage`).toEqual([]);
    expect(leaks(after.local, c), `${where}: localStorage`).toEqual([]);
    expect(after.session, where).not.toContain('hall.kiosk.');
    expect(after.local, where).not.toContain('hall.kiosk.');
    // Screens replace history entries: nothing to go "back" to.
    expect(after.historyLength, where).toBe(startHistory);
    // Large print is per customer: off again.
    await expect(page.getByTestId('kiosk')).not.toHaveClass(/large/);
  }
  console.log(`kiosk idle wipe: ${RUNS} runs, seed ${seed}`);
});

test('kiosk blocks reload, history, print and devtools keys, the context menu and links out', async ({
  page,
}) => {
  // Keeps every key and context-menu event (first listener of all, capture phase); whether the
  // kiosk cancelled it is read afterwards, since the kiosk also stops its propagation.
  await page.addInitScript(() => {
    const events: Event[] = [];
    const w = window as unknown as { __events: Event[]; __keys: () => unknown[]; __marker: number };
    w.__events = events;
    w.__keys = () =>
      events.map((e) => ({
        key: e instanceof KeyboardEvent ? e.key : e.type,
        prevented: e.defaultPrevented,
      }));
    window.addEventListener('keydown', (e) => events.push(e), { capture: true });
    window.addEventListener('contextmenu', (e) => events.push(e), { capture: true });
    w.__marker = 42;
  });
  await page.goto('/#/kiosk');
  await page.getByTestId('kiosk-menu-info').click();
  await expect(page.getByTestId('kiosk-info')).toBeVisible();
  const url = page.url();

  const blocked = [
    'F5',
    'Control+r',
    'Control+Shift+R',
    'Alt+ArrowLeft',
    'Alt+ArrowRight',
    'Backspace',
    'Control+p',
    'Control+s',
    'Control+o',
    'Control+n',
    'Control+t',
    'Control+w',
    'F11',
    'F12',
    'Control+Shift+I',
    'Control+Shift+J',
    'Control+u',
    'Control+l',
    'Control+=',
    'Control+-',
    'Alt+Home',
    'Escape',
  ];
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  type Seen = { key: string; prevented: boolean };
  const seen = () => page.evaluate(() => (window as unknown as { __keys: () => Seen[] }).__keys());
  const delivered: string[] = [];
  for (const combo of blocked) {
    const before = (await seen()).length;
    await page.keyboard.press(combo);
    const main = combo.split('+').at(-1) as string;
    const events = (await seen())
      .slice(before)
      .filter((k) => !['Control', 'Shift', 'Alt'].includes(k.key));
    // A key the browser keeps for itself never reaches the page (Electron's main process
    // refuses those); every key that does reach it must have been cancelled by the kiosk.
    for (const e of events) expect(e, combo).toEqual({ key: e.key, prevented: true });
    if (events.some((e) => e.key.toLowerCase() === main.toLowerCase())) delivered.push(combo);
  }
  // The ones that matter most reach the page in Chromium, so this test can see them refused.
  expect(delivered).toEqual(
    expect.arrayContaining(['F5', 'Control+r', 'Alt+ArrowLeft', 'Backspace', 'Control+p', 'F12']),
  );
  // Still the same page: no reload (the marker survives), no navigation.
  expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(42);
  expect(page.url()).toBe(url);

  // Typing still works in a field, including Backspace there.
  await page.getByTestId('kiosk-home').click();
  await page.getByTestId('kiosk-menu-lookup').click();
  const appNo = page.getByTestId('kiosk-lookup-appno');
  await appNo.click();
  await page.keyboard.type('AB12');
  await page.keyboard.press('Backspace');
  await expect(appNo).toHaveValue('AB1');

  // No context menu.
  await page.getByTestId('kiosk-lookup').click({ button: 'right' });
  const menu = (await seen()).filter((k) => k.key === 'contextmenu');
  expect(menu).toEqual([{ key: 'contextmenu', prevented: true }]);

  // A link out (should one ever get into a notice) goes nowhere.
  await page.evaluate(() => {
    const a = document.createElement('a');
    a.href = 'https://example.com/';
    a.textContent = 'out';
    a.dataset.testid = 'link-out';
    document.querySelector('[data-testid="kiosk-lookup"]')?.append(a);
  });
  await page.getByTestId('link-out').click();
  await page.waitForTimeout(300);
  expect(page.url()).toContain('#/kiosk/lookup');
});

test('kiosk station shows only kiosk screens, never the workbench', async ({ page }) => {
  await page.goto('/#/new');
  await expect(page).toHaveURL(/#\/kiosk$/);
  await expect(page.getByTestId('kiosk-menu-ticket')).toBeVisible();
  await expect(page.getByTestId('nav-new')).toHaveCount(0);
  await page.goto('/#/applications');
  await expect(page).toHaveURL(/#\/kiosk$/);
  // The services refuse workbench methods to a kiosk station, whatever the page asks.
  const res = await page.request.post('/api/applications.list', { data: {} });
  const body = (await res.json()) as { ok: boolean; error?: { code: string } };
  expect(body.ok).toBe(false);
  // Large print doubles as a per-visit choice.
  await page.getByTestId('kiosk-large-print').click();
  await expect(page.getByTestId('kiosk')).toHaveClass(/large/);
  // Reading content comes from settings.
  await page.getByTestId('kiosk-menu-info').click();
  await expect(page.getByTestId('kiosk-tariffs')).toContainText('元/千瓦时');
});

test('kiosk forms name the wrong field: a 10-digit phone, a bad ID check digit, a malformed look-up', async ({
  page,
}) => {
  await page.goto('/#/kiosk');
  await page.getByTestId('kiosk-menu-apply').click();
  await page.getByTestId('kiosk-apply-type').selectOption('NEW_LV_RES');
  await page.getByTestId('kiosk-apply-name').fill('张三');
  await page.getByTestId('kiosk-apply-mobile').fill('1380013800');
  await page.getByTestId('kiosk-apply-id').fill('110105194912310021');
  await expect(page.getByTestId('kiosk-apply-missing')).toHaveCount(0);
  await expect(page.getByTestId('kiosk-apply-mobile-error')).toContainText('手机号应为11位');
  await expect(page.getByTestId('kiosk-apply-id-error')).toContainText('身份证号校验位不正确');
  await expect(page.getByTestId('kiosk-apply-submit')).toBeDisabled();
  await page.getByTestId('kiosk-apply-mobile').fill('13800138000');
  await page.getByTestId('kiosk-apply-id').fill('11010519491231002X');
  await expect(page.getByTestId('kiosk-apply-mobile-error')).toHaveCount(0);
  await expect(page.getByTestId('kiosk-apply-submit')).toBeEnabled();

  await page.getByTestId('kiosk-home').click();
  await page.getByTestId('kiosk-menu-lookup').click();
  await page.getByTestId('kiosk-lookup-search').click();
  await expect(page.getByTestId('kiosk-lookup-both-error')).toContainText('申请编号和');
  await page.getByTestId('kiosk-lookup-appno').fill('abc');
  await page.getByTestId('kiosk-lookup-mobile').fill('123');
  await page.getByTestId('kiosk-lookup-search').click();
  await expect(page.getByTestId('kiosk-lookup-mobile-error')).toContainText('手机号应为11位');
  await expect(page.getByTestId('kiosk-lookup-appno-error')).toContainText('回执上印的编号');
  await expect(page.getByTestId('kiosk-error')).toHaveCount(0);
});

test('kiosk appointment days say their weekday (12-05 and 12-06 are a weekend)', async ({
  page,
}) => {
  await page.clock.install({ time: new Date('2026-12-01T10:00:00+08:00') });
  await page.goto('/#/kiosk');
  await page.getByTestId('kiosk-menu-appointment').click();
  await expect(page.getByTestId('kiosk-appt-day-2026-12-01')).toContainText('周二');
  await expect(page.getByTestId('kiosk-appt-day-2026-12-05')).toContainText('周六');
  await expect(page.getByTestId('kiosk-appt-day-2026-12-06')).toContainText('周日');
});

test.describe('kiosk with the shared queue', () => {
  test.use({ withCentral: true });

  test('kiosk appointment with no slot published says so and offers a ticket instead', async ({
    page,
    central,
  }) => {
    await central.start();
    await page.goto('/#/kiosk');
    await page.getByTestId('kiosk-menu-appointment').click();
    await expect(page.getByTestId('kiosk-appt-none')).toContainText('近 7 天暂无可预约的时段');
    await expect(page.getByTestId('kiosk-appt-day-2026-12-01')).toHaveCount(0);
    await page.getByTestId('kiosk-appt-take-ticket').click();
    await expect(page).toHaveURL(/#\/kiosk\/ticket$/);
  });

  test('kiosk renders markup typed into every free-text field as text', async ({
    page,
    central,
  }) => {
    await central.start();
    const XSS = '<img src=x onerror="window.__xss=1">';
    const SCRIPT = '<script>window.__xss=2</script>';
    await page.goto('/#/kiosk');

    await page.getByTestId('kiosk-menu-apply').click();
    await page.getByTestId('kiosk-apply-type').selectOption('NEW_LV_RES');
    await page.getByTestId('kiosk-apply-name').fill(XSS);
    // Typed with spaces, as customers do: the summary still masks it as 138****8000.
    await page.getByTestId('kiosk-apply-mobile').fill('138 0013 8000');
    await page.getByTestId('kiosk-apply-id').fill('11010519491231002X'); // checked: no markup
    for (const id of ['account', 'province', 'city', 'district', 'detail']) {
      await page.getByTestId(`kiosk-apply-${id}`).fill(id === 'detail' ? SCRIPT : XSS.slice(0, 18));
    }
    await page.getByTestId('kiosk-apply-note').fill(`${XSS}${SCRIPT} 回电 13912345670`);
    await page.getByTestId('kiosk-apply-submit').click();
    await expect(page.getByTestId('kiosk-apply-ticket')).toHaveText(/^A\d{3}$/);
    // A public screen: the note's typed number is masked like the phone field.
    await expect(page.getByTestId('kiosk-apply-note-shown')).toHaveText(
      `${XSS}${SCRIPT} 回电 139****5670`,
    );
    await expect(page.locator('main')).toContainText('138****8000');
    await expect(page.locator('main')).not.toContainText('13912345670');

    await page.getByTestId('kiosk-home').click();
    await page.getByTestId('kiosk-menu-lookup').click();
    await page.getByTestId('kiosk-lookup-appno').fill('ABC<B>1</B>');
    await page.getByTestId('kiosk-lookup-mobile').fill(XSS);
    await page.getByTestId('kiosk-lookup-search').click();
    // Refused on the kiosk, before asking: the markup is shown nowhere.
    await expect(page.getByTestId('kiosk-lookup-mobile-error')).toBeVisible();

    await page.getByTestId('kiosk-home').click();
    await page.getByTestId('kiosk-menu-rate').click();
    await page.getByTestId('kiosk-rate-ticket').fill(XSS.slice(0, 16));
    await page.getByTestId('kiosk-rate-satisfied').click();
    await page.getByTestId('kiosk-rate-submit').click();
    await expect(page.getByTestId('kiosk-error')).toBeVisible();
    // The error belongs to that screen: the next one (maybe the next customer's) starts clean.
    await page.getByTestId('kiosk-home').click();
    await page.getByTestId('kiosk-menu-ticket').click();
    await expect(page.getByTestId('kiosk-error')).toHaveCount(0);

    expect(
      await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
    ).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('script:not([src])').count()).toBe(0);
  });
});
