import { describe, expect, it } from 'vitest';
import { EntityKindInfo, EntityKinds, entityKey, migrations, placeEntityKey } from './index.js';

describe('graph schema', () => {
  it('has idempotent migrations in increasing version order', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    // Schema statements say IF NOT EXISTS; data back-fills touch only what is missing.
    for (const s of migrations.flatMap((m) => m.statements)) expect(s).toMatch(/IF NOT EXISTS|IS NULL/);
  });

  it('gives every entity kind display metadata', () => {
    for (const k of EntityKinds) expect(EntityKindInfo[k].color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('builds canonical keys from kind and name', () => {
    expect(entityKey('POLICY', '控辍保学')).toBe('POLICY:控辍保学');
    // A place the analysis pinned to a division: its code, whatever the spelling.
    expect(placeEntityKey('110105')).toBe('PLACE:110105');
  });
});
