import { useEffect, useRef, useState } from 'react';
import { searchEntities, type EntitySummary } from './api';
import { kindColor, kindLabel } from './kinds';

/** Search with suggestions as you type; Enter picks the first, arrow keys walk the list. */
export function SearchBox({ onPick }: { onPick: (e: EntitySummary) => void }) {
  const [text, setText] = useState('');
  const [found, setFound] = useState<{ for: string; items: EntitySummary[] }>({ for: '', items: [] });
  /** The text a suggestion was picked for: its list stays closed until the text changes. */
  const [closedFor, setClosedFor] = useState<string | null>(null);
  // Only suggestions for the text as it is now: Enter right after typing must not open the previous hit.
  const results = found.for === text && closedFor !== text ? found.items : [];
  const pick = (e: EntitySummary) => {
    setClosedFor(text);
    onPick(e);
  };
  const [error, setError] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (text.trim() === '') return;
    let cancelled = false;
    const timer = setTimeout(() => {
      searchEntities(text)
        .then((r) => {
          if (!cancelled) {
            setFound({ for: text, items: r });
            setError(null);
          }
        })
        .catch((e: Error) => !cancelled && setError(e.message));
    }, 150);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [text]);

  return (
    <div className="search">
      <input
        ref={input}
        aria-label="搜索政策、项目、学校、地名"
        placeholder="搜索政策、项目、学校、地名…(如 控辍保学)"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && results[0]) {
            pick(results[0]);
          } else if (e.key === 'ArrowDown' && results.length) {
            e.preventDefault();
            list.current?.querySelector('button')?.focus();
          }
        }}
      />
      {error && <div className="error">{error}</div>}
      {results.length > 0 && (
        <ul
          className="suggestions"
          role="listbox"
          ref={list}
          onKeyDown={(e) => {
            // Arrow keys walk the suggestions; Escape returns to the box.
            const buttons = [...(list.current?.querySelectorAll('button') ?? [])];
            const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              buttons[Math.max(0, Math.min(buttons.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))]?.focus();
            } else if (e.key === 'Escape') {
              setClosedFor(text);
              input.current?.focus();
            }
          }}
        >
          {results.map((r) => (
            <li key={r.id} role="option" aria-selected={false}>
              <button
                onClick={() => {
                  pick(r);
                }}
              >
                <span className="kind" style={{ background: kindColor(r.kind) }}>
                  {kindLabel(r.kind)}
                </span>
                <span className="name">
                  {r.name}
                  {r.qualifier && `(${r.qualifier})`}
                </span>
                <span className="count">
                  {r.mentionCount} 处 · {r.reportCount} 份报告
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
