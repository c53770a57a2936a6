import { useEffect, useRef, useState } from 'react';
import { searchEntities, type EntitySummary } from './api';
import { kindColor, kindLabel } from './kinds';

/** Search with suggestions as you type; Enter picks the first, arrow keys walk the list. */
export function SearchBox({ onPick }: { onPick: (e: EntitySummary) => void }) {
  const [text, setText] = useState('');
  const [results, setResults] = useState<EntitySummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (text.trim() === '') {
      setResults([]);
      return;
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      searchEntities(text)
        .then((r) => {
          if (!cancelled) {
            setResults(r);
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
            onPick(results[0]);
            setResults([]);
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
              setResults([]);
              input.current?.focus();
            }
          }}
        >
          {results.map((r) => (
            <li key={r.id} role="option" aria-selected={false}>
              <button
                onClick={() => {
                  onPick(r);
                  setResults([]);
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
