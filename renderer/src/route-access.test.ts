import { describe, expect, it } from 'vitest';
import type { RouteRecordRaw } from 'vue-router';
import { ROLES } from '../../shared/api/permissions';
import { routes } from './router';
import { canOpen, HOME, ROUTE_NEEDS } from './route-access';
import { NAV_ITEMS } from './components/shell/nav-items';

function namesOf(records: RouteRecordRaw[]): string[] {
  return records.flatMap((r) => [
    ...(typeof r.name === 'string' ? [r.name] : []),
    ...namesOf(r.children ?? []),
  ]);
}

describe('route access from the permission table', () => {
  it('gives every named route an entry, and only those', () => {
    expect(namesOf(routes).sort()).toEqual(Object.keys(ROUTE_NEEDS).sort());
  });

  it('lets every role open its own home', () => {
    for (const role of ROLES) {
      const name = routes.find((r) => r.path === HOME[role])?.name ?? `${role}Home`;
      expect(canOpen(role, String(name)), role).toBe(true);
    }
  });

  it('keeps a guide off intake, staff accounts and the supervisor desk', () => {
    for (const name of ['new', 'draft', 'staff', 'supervisor', 'operations', 'queue'])
      expect(canOpen('guide', name), name).toBe(false);
    expect(canOpen('guide', 'guide')).toBe(true);
    expect(canOpen('guide', 'applications')).toBe(true);
  });

  it('keeps customer stations on their own screens and staff off them', () => {
    const workbench = Object.keys(ROUTE_NEEDS).filter(
      (n) => n !== 'display' && !n.startsWith('kiosk'),
    );
    for (const name of workbench) {
      expect(canOpen('kiosk', name), name).toBe(false);
      expect(canOpen('display', name), name).toBe(false);
    }
    expect(canOpen('counter', 'kioskHome')).toBe(false);
    // The board may also run in a staff station's second window, never on a kiosk.
    expect(canOpen('supervisor', 'display')).toBe(true);
    expect(canOpen('kiosk', 'display')).toBe(false);
  });

  it('lists in the menu only routes the table knows', () => {
    for (const item of NAV_ITEMS) expect(ROUTE_NEEDS[item.name], item.name).toBeDefined();
    const menu = (role: (typeof ROLES)[number]) =>
      NAV_ITEMS.filter((i) => canOpen(role, i.name)).map((i) => i.name);
    console.log(
      `menu entries: counter ${menu('counter').length}, guide ${menu('guide').length}, supervisor ${menu('supervisor').length}`,
    );
    expect(menu('guide')).not.toContain('new');
    expect(menu('supervisor')).toContain('staff');
    expect(menu('counter')).not.toContain('staff');
  });
});
