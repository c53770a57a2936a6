import { EntityKinds, type EntityKind } from '@policygraph/graph-schema';
import { kindColor, kindLabel } from './kinds';
import type { Level, ViewName, ViewState } from './state/view-state';

interface Props {
  state: ViewState;
  onChange: (patch: Partial<ViewState>) => void;
}

const VIEWS: Array<[ViewName, string]> = [
  ['graph', '关系图'],
  ['matrix', '地区矩阵'],
];
const LEVELS: Array<[Level, string]> = [
  ['COUNTY', '县/区'],
  ['CITY', '市'],
  ['PROVINCE', '省'],
];

const yearOf = (v: string) => {
  const n = Number(v);
  // Same bounds as the URL parser, so what is typed survives a reload.
  return v.trim() === '' || !Number.isInteger(n) || n <= 1900 || n >= 2200 ? null : n;
};

/** A year box that commits on Enter or leaving it; remounted (key) when the URL changes the value. */
function YearInput(p: { label: string; hint: string; value: number | null; onSet: (year: number | null) => void }) {
  return (
    <input
      className="year"
      aria-label={p.label}
      inputMode="numeric"
      placeholder={p.hint}
      defaultValue={p.value ?? ''}
      key={String(p.value)}
      onBlur={(e) => p.onSet(yearOf(e.target.value))}
      onKeyDown={(e) => e.key === 'Enter' && p.onSet(yearOf(e.currentTarget.value))}
    />
  );
}

/** View tabs and the filters every view shares: kinds, place level, year range. */
export function FilterBar({ state, onChange }: Props) {
  const toggle = (k: EntityKind) => {
    const on = state.kinds.length === 0 ? [...EntityKinds] : [...state.kinds];
    const next = on.includes(k) ? on.filter((x) => x !== k) : [...on, k];
    onChange({ kinds: next.length === EntityKinds.length ? [] : next });
  };
  return (
    <div className="filter-bar">
      <div role="tablist" aria-label="视图">
        {VIEWS.map(([v, zh]) => (
          <button
            key={v}
            role="tab"
            aria-selected={state.view === v}
            className={state.view === v ? 'tab active' : 'tab'}
            onClick={() => onChange({ view: v })}
          >
            {zh}
          </button>
        ))}
      </div>
      <fieldset className="kinds">
        <legend>类型</legend>
        {EntityKinds.map((k) => (
          <label key={k} style={{ borderColor: kindColor(k) }}>
            <input
              type="checkbox"
              checked={state.kinds.length === 0 || state.kinds.includes(k)}
              onChange={() => toggle(k)}
            />
            {kindLabel(k)}
          </label>
        ))}
      </fieldset>
      <label>
        地区层级{' '}
        <select value={state.level} onChange={(e) => onChange({ level: e.target.value as Level, within: null })}>
          {LEVELS.map(([l, zh]) => (
            <option key={l} value={l}>
              {zh}
            </option>
          ))}
        </select>
      </label>
      <label>
        年份 <YearInput label="起始年份" hint="起" value={state.from} onSet={(from) => onChange({ from })} />
        –
        <YearInput label="截止年份" hint="止" value={state.to} onSet={(to) => onChange({ to })} />
      </label>
    </div>
  );
}
